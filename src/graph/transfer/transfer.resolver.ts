import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdminOnly } from '../auth';
import { GraphContext } from '../context';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { mslLoaders } from '../msl/msl.loaders';
import { MSL } from '../msl/msl.type';
import { TransferService } from './transfer.service';
import { RelationshipTransfer, TransferredRelationship } from './transfer.type';

/** Moving relationships between MSLs, and the record of each move (docs/planning.md). */
@Resolver(() => RelationshipTransfer)
export class TransferResolver {
  @AdminOnly()
  @Mutation(() => RelationshipTransfer, {
    description:
      "Moves the leaving MSL's relationships with these HCPs, with their history, to the receiving MSL (merged when it already knows the HCP); " +
      'interactions stay attributed to who had them. All or nothing; recorded (relationshipTransfers) and audited. ADMIN only.',
  })
  transferRelationships(
    @Arg('fromMslId', () => ID) fromMslId: string,
    @Arg('toMslId', () => ID) toMslId: string,
    @Arg('hcpIds', () => [ID], { description: 'At least one, at most 1000, no repeats; each known by fromMslId.' }) hcpIds: string[],
    @Ctx() ctx: GraphContext,
  ): Promise<RelationshipTransfer> {
    return new TransferService(ctx).transfer(fromMslId, toMslId, hcpIds);
  }

  @Query(() => [RelationshipTransfer], {
    description:
      'Relationship transfers from or to the MSL (every transfer when mslId is absent), newest first. PLANNER, ANALYST, ADMIN; an MSL its own.',
  })
  relationshipTransfers(
    @Arg('mslId', () => ID, { nullable: true }) mslId: string | null,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
    @Ctx() ctx: GraphContext,
  ): Promise<RelationshipTransfer[]> {
    return new TransferService(ctx).list(mslId ?? null, first);
  }

  @FieldResolver(() => MSL, { nullable: true, description: 'The MSL the relationships left.' })
  from(@Root() transfer: RelationshipTransfer, @Ctx() ctx: GraphContext): Promise<MSL | null> {
    return ctx.loaders.get(mslLoaders).byId.load(transfer.fromMslId);
  }

  @FieldResolver(() => MSL, { nullable: true, description: 'The MSL who received them.' })
  to(@Root() transfer: RelationshipTransfer, @Ctx() ctx: GraphContext): Promise<MSL | null> {
    return ctx.loaders.get(mslLoaders).byId.load(transfer.toMslId);
  }
}

@Resolver(() => TransferredRelationship)
export class TransferredRelationshipFields {
  @FieldResolver(() => HCP, { nullable: true, description: 'Null once the HCP is erased.' })
  hcp(@Root() relationship: TransferredRelationship, @Ctx() ctx: GraphContext): Promise<HCP | null> {
    return ctx.loaders.get(hcpLoaders).byId.load(relationship.hcpId);
  }
}
