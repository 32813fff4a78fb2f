import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { trialLoaders } from './trial.loaders';
import { ClinicalTrial, TrialInvestigator } from './trial.type';

@Resolver(() => ClinicalTrial)
export class TrialResolver {
  @FieldResolver(() => TherapeuticArea, { nullable: true })
  therapeuticArea(@Root() trial: ClinicalTrial, @Ctx() ctx: GraphContext): Promise<TherapeuticArea | null> {
    return trial.therapeuticAreaId ? ctx.loaders.get(referenceLoaders).therapeuticArea.load(trial.therapeuticAreaId) : Promise.resolve(null);
  }

  @FieldResolver(() => [TrialInvestigator], { description: 'Principal investigators first, then by HCP id.' })
  investigators(@Root() trial: ClinicalTrial, @Ctx() ctx: GraphContext): Promise<TrialInvestigator[]> {
    return ctx.loaders.get(trialLoaders).investigators.load(trial.id);
  }
}

@Resolver(() => TrialInvestigator)
export class TrialInvestigatorResolver {
  @FieldResolver(() => HCP)
  async hcp(@Root() investigator: TrialInvestigator, @Ctx() ctx: GraphContext): Promise<HCP> {
    const hcp = await ctx.loaders.get(hcpLoaders).byId.load(investigator.hcpId);
    if (!hcp) throw new Error(`HCP ${investigator.hcpId} vanished`);
    return hcp;
  }
}

@Resolver(() => HCP)
export class HcpTrialsResolver {
  @FieldResolver(() => [ClinicalTrial], { description: 'Clinical trials this HCP investigates, by id.' })
  trials(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<ClinicalTrial[]> {
    return ctx.loaders.get(trialLoaders).ofHcp.load(hcp.id);
  }
}
