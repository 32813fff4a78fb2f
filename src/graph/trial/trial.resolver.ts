import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { trialLoaders } from './trial.loaders';
import { ClinicalTrial, ClinicalTrialConnection, TrialInvestigator } from './trial.type';
import { KeyPart } from '../common/cursor';
import { PageArgs, pageOfList, windowOf } from '../common/pagination';

const ORDER: KeyPart[] = [{ kind: 'string' }];

@Resolver(() => ClinicalTrial)
export class TrialResolver {
  @FieldResolver(() => TherapeuticArea, { nullable: true })
  therapeuticArea(@Root() trial: ClinicalTrial, @Ctx() ctx: GraphContext): Promise<TherapeuticArea | null> {
    return trial.therapeuticAreaId
      ? ctx.loaders.get(referenceLoaders).therapeuticArea.load(trial.therapeuticAreaId)
      : Promise.resolve(null);
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
  @FieldResolver(() => ClinicalTrialConnection, { description: 'Clinical trials this HCP investigates, by id, paginated.' })
  async trialsConnection(
    @Root() hcp: HCP,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClinicalTrialConnection> {
    const window = windowOf(args, info, ctx.app.config.maxFirst, ORDER);
    return pageOfList(await ctx.loaders.get(trialLoaders).ofHcp.load(hcp.id), (t) => [t.id], ORDER, window);
  }

  @FieldResolver(() => [ClinicalTrial], { description: 'Clinical trials this HCP investigates, by id.' })
  trials(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<ClinicalTrial[]> {
    return ctx.loaders.get(trialLoaders).ofHcp.load(hcp.id);
  }
}
