import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { mslLoaders } from '../msl/msl.loaders';
import { MSL } from '../msl/msl.type';
import { hcpsById } from '../network/network.context';
import { AssignmentService } from './assignment.service';
import { AssignmentProposal, ProposedAssignment } from './assignment.type';

/** The assignment proposal of docs/planning.md. */
@Resolver()
export class AssignmentResolver {
  @Query(() => AssignmentProposal, {
    description:
      'Shares the target HCPs out across MSLs (mslIds, or those covering territoryId, or every MSL): each target to at most one MSL, ' +
      'each MSL at most `capacity` targets, maximising Σ (strength of the MSL’s best introduction path within maxHops) × (target’s PageRank). ' +
      'Exact (min-cost flow); targets no MSL reaches are left unassigned.',
  })
  proposeAssignment(
    @Arg('targetHcpIds', () => [ID]) targetHcpIds: string[],
    @Arg('capacity', () => Int, { description: 'Most targets one MSL may receive (1-100).' }) capacity: number,
    @Arg('mslIds', () => [ID], { nullable: true }) mslIds: string[] | null,
    @Arg('territoryId', () => ID, { nullable: true }) territoryId: string | null,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 4 }) maxHops: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<AssignmentProposal> {
    return new AssignmentService(ctx).propose(targetHcpIds, mslIds ?? null, territoryId ?? null, capacity, maxHops ?? 4);
  }
}

@Resolver(() => AssignmentProposal)
export class AssignmentProposalFields {
  @FieldResolver(() => [HCP])
  unassigned(@Root() proposal: AssignmentProposal, @Ctx() ctx: GraphContext): Promise<HCP[]> {
    return hcpsById(ctx, proposal.unassignedIds);
  }
}

@Resolver(() => ProposedAssignment)
export class ProposedAssignmentFields {
  @FieldResolver(() => HCP)
  async hcp(@Root() pair: ProposedAssignment, @Ctx() ctx: GraphContext): Promise<HCP> {
    const hcp = await ctx.loaders.get(hcpLoaders).byId.load(pair.hcpId);
    if (!hcp) throw new Error(`HCP ${pair.hcpId} vanished`);
    return hcp;
  }

  @FieldResolver(() => MSL)
  async msl(@Root() pair: ProposedAssignment, @Ctx() ctx: GraphContext): Promise<MSL> {
    const msl = await ctx.loaders.get(mslLoaders).byId.load(pair.mslId);
    if (!msl) throw new Error(`MSL ${pair.mslId} vanished`);
    return msl;
  }
}
