import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Mutation, Resolver, Root } from 'type-graphql';
import { derivedId } from '../node/derived-id';
import { GraphContext } from '../context';
import { runMutation } from '../common/mutation';
import { pastIsoDate, refId, unitInterval } from '../common/validate';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { mslLoaders } from '../msl/msl.loaders';
import { MSL } from '../msl/msl.type';
import { liveEvent } from '../live/live.events';
import { relationshipLoaders } from './relationship.loaders';
import { relationshipWrites } from './relationship.repository';
import { byCurrentStrength, currentStrength, strengthAt } from './relationship.strength';
import { MslRelationship, MslRelationshipConnection } from './relationship.type';
import { STRENGTH_FORMULA } from '../../engagement/strength';
import { ActsForMsl } from '../auth';
import { KeyPart } from '../common/cursor';
import { PageArgs, pageOfList, windowOf } from '../common/pagination';

/** Strongest first, then the other person's id. */
const BY_STRENGTH: KeyPart[] = [{ kind: 'number', desc: true }, { kind: 'string' }];

@Resolver(() => MslRelationship)
export class MslRelationshipResolver {
  @FieldResolver(() => ID)
  id(@Root() relationship: MslRelationship): string {
    return derivedId('MslRelationship', relationship.mslId, relationship.hcpId);
  }

  @FieldResolver(() => MSL)
  async msl(@Root() relationship: MslRelationship, @Ctx() ctx: GraphContext): Promise<MSL> {
    const msl = await ctx.loaders.get(mslLoaders).byId.load(relationship.mslId);
    if (!msl) throw new Error(`MSL ${relationship.mslId} vanished`);
    return msl;
  }

  @FieldResolver(() => HCP)
  async hcp(@Root() relationship: MslRelationship, @Ctx() ctx: GraphContext): Promise<HCP> {
    const hcp = await ctx.loaders.get(hcpLoaders).byId.load(relationship.hcpId);
    if (!hcp) throw new Error(`HCP ${relationship.hcpId} vanished`);
    return hcp;
  }

  // The description states the formula of src/engagement/strength.ts.
  @FieldResolver(() => Float, {
    description: `Strength in (0, 1] as of now, or as of \`asOf\`: the formula evaluated at that moment, so it decays towards baseStrength while nobody meets (see strengthFormula): ${STRENGTH_FORMULA}`,
  })
  strength(
    @Root() relationship: MslRelationship,
    @Arg('asOf', () => String, { nullable: true, description: 'ISO 8601 date or date-time (UTC); default now.' }) asOf: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<number> {
    return strengthAt(ctx, relationship, asOf);
  }

  @ActsForMsl('mslId')
  @Mutation(() => MslRelationship, {
    description:
      'Creates or updates how well an MSL knows an HCP: strength (and baseStrength) in (0, 1], since (ISO date; default today on create, unchanged on update).',
  })
  async setMslRelationship(
    @Arg('mslId', () => ID) mslId: string,
    @Arg('hcpId', () => ID) hcpId: string,
    @Arg('strength', () => Float) strength: number,
    @Arg('since', () => String, { nullable: true }) since: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<MslRelationship> {
    refId(mslId, 'mslId');
    refId(hcpId, 'hcpId');
    unitInterval(strength, 'strength');
    const sinceDate = since === null || since === undefined ? null : pastIsoDate(since, 'since');
    return runMutation(ctx, {
      requires: [
        { label: 'MSL', ids: [mslId] },
        { label: 'HCP', ids: [hcpId] },
      ],
      write: (tx) => relationshipWrites.set(tx, mslId, hcpId, strength, sinceDate),
      networkChange: { pairs: [[mslId, hcpId]] },
      liveEvents: () => [liveEvent.relationshipStrength(mslId, hcpId)],
    });
  }
}

@Resolver(() => HCP)
export class HcpRelationshipsResolver {
  @FieldResolver(() => MslRelationshipConnection, {
    description: 'The MSLs who know this HCP, by descending strength (as of now), then MSL id, paginated.',
  })
  async mslRelationshipsConnection(
    @Root() hcp: HCP,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MslRelationshipConnection> {
    const window = windowOf(args, info, ctx.app.config.maxFirst, BY_STRENGTH);
    return pageOfList(
      await ctx.loaders.get(relationshipLoaders).ofHcp.load(hcp.id),
      (r) => [currentStrength(ctx, r), r.mslId],
      BY_STRENGTH,
      window,
    );
  }

  @FieldResolver(() => [MslRelationship], {
    description:
      'The MSLs who know this HCP, by descending strength (as of now), then MSL id (the whole list; `mslRelationshipsConnection` pages it).',
  })
  async mslRelationships(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<MslRelationship[]> {
    return byCurrentStrength(ctx, await ctx.loaders.get(relationshipLoaders).ofHcp.load(hcp.id), (r) => r.mslId);
  }
}

@Resolver(() => MSL)
export class MslRelationshipsResolver {
  @FieldResolver(() => MslRelationshipConnection, {
    description: 'The HCPs this MSL knows, by descending strength (as of now), then HCP id, paginated.',
  })
  async relationshipsConnection(
    @Root() msl: MSL,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MslRelationshipConnection> {
    const window = windowOf(args, info, ctx.app.config.maxFirst, BY_STRENGTH);
    return pageOfList(
      await ctx.loaders.get(relationshipLoaders).ofMsl.load(msl.id),
      (r) => [currentStrength(ctx, r), r.hcpId],
      BY_STRENGTH,
      window,
    );
  }

  @FieldResolver(() => [MslRelationship], {
    description:
      'The HCPs this MSL knows, by descending strength (as of now), then HCP id (the whole list; `relationshipsConnection` pages it).',
  })
  async relationships(@Root() msl: MSL, @Ctx() ctx: GraphContext): Promise<MslRelationship[]> {
    return byCurrentStrength(ctx, await ctx.loaders.get(relationshipLoaders).ofMsl.load(msl.id), (r) => r.hcpId);
  }
}
