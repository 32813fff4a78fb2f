import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { mslLoaders } from '../msl/msl.loaders';
import { MSL } from '../msl/msl.type';
import { ContinuityService } from './continuity.service';
import { Handover, Introducer, KeyPersonRisk, MslWorkload, TerritoryCoverage } from './continuity.type';

/** Planning and continuity: introducers, key-person risk, handovers, coverage (docs/planning.md). */
@Resolver()
export class ContinuityResolver {
  @Query(() => [Introducer], {
    description:
      "Every MSL's best introduction path to the HCP (only MSLs covering territoryId when given; MSLs without a path left out), " +
      'by path cost, then hops, then MSL id; at most `first`.',
  })
  bestIntroducers(
    @Arg('toHcpId', () => ID) toHcpId: string,
    @Arg('territoryId', () => ID, { nullable: true }) territoryId: string | null,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 4 }) maxHops: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<Introducer[]> {
    return new ContinuityService(ctx).bestIntroducers(toHcpId, territoryId ?? null, maxHops ?? 4, first ?? 5);
  }

  @Query(() => [KeyPersonRisk], {
    description: 'HCPs (of the territory when given) with exactly one MSL relationship, by PageRank descending, then id; at most `first`.',
  })
  keyPersonRisk(
    @Arg('territoryId', () => ID, { nullable: true }) territoryId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<KeyPersonRisk[]> {
    return new ContinuityService(ctx).keyPersonRisk(territoryId ?? null, first ?? 20);
  }

  @Query(() => [Handover], {
    description: 'One row per HCP the MSL has a relationship with, by PageRank descending, then id: who should take it over.',
  })
  handoverPlan(
    @Arg('mslId', () => ID) mslId: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 4 }) maxHops: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<Handover[]> {
    return new ContinuityService(ctx).handoverPlan(mslId, maxHops ?? 4);
  }

  @Query(() => TerritoryCoverage, {
    description: "How many of the territory's HCPs have an MSL relationship, and their share of its influence.",
  })
  territoryCoverage(@Arg('territoryId', () => ID) territoryId: string, @Ctx() ctx: GraphContext): Promise<TerritoryCoverage> {
    return new ContinuityService(ctx).territoryCoverage(territoryId);
  }

  @Query(() => MslWorkload, {
    description:
      "One MSL's workload and coverage: relationships by strength band (as of now), interactions per month over the last `months`, " +
      "open plans (upcoming and overdue) and the share of its territories' influence it holds.",
  })
  mslWorkload(
    @Arg('mslId', () => ID) mslId: string,
    @Arg('months', () => Int, { nullable: true, defaultValue: 12 }) months: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<MslWorkload> {
    return new ContinuityService(ctx).mslWorkload(mslId, months ?? 12);
  }
}

@Resolver(() => MslWorkload)
export class MslWorkloadFields {
  @FieldResolver(() => MSL)
  msl(@Root() workload: MslWorkload, @Ctx() ctx: GraphContext): Promise<MSL> {
    return mslOf(ctx, workload.mslId);
  }
}

async function mslOf(ctx: GraphContext, id: string): Promise<MSL> {
  const msl = await ctx.loaders.get(mslLoaders).byId.load(id);
  if (!msl) throw new Error(`MSL ${id} vanished`);
  return msl;
}

async function hcpOf(ctx: GraphContext, id: string): Promise<HCP> {
  const hcp = await ctx.loaders.get(hcpLoaders).byId.load(id);
  if (!hcp) throw new Error(`HCP ${id} vanished`);
  return hcp;
}

@Resolver(() => Introducer)
export class IntroducerFields {
  @FieldResolver(() => MSL)
  msl(@Root() introducer: Introducer, @Ctx() ctx: GraphContext): Promise<MSL> {
    return mslOf(ctx, introducer.mslId);
  }
}

@Resolver(() => KeyPersonRisk)
export class KeyPersonRiskFields {
  @FieldResolver(() => HCP)
  hcp(@Root() risk: KeyPersonRisk, @Ctx() ctx: GraphContext): Promise<HCP> {
    return hcpOf(ctx, risk.hcpId);
  }

  @FieldResolver(() => MSL)
  msl(@Root() risk: KeyPersonRisk, @Ctx() ctx: GraphContext): Promise<MSL> {
    return mslOf(ctx, risk.mslId);
  }
}

@Resolver(() => Handover)
export class HandoverFields {
  @FieldResolver(() => HCP)
  hcp(@Root() handover: Handover, @Ctx() ctx: GraphContext): Promise<HCP> {
    return hcpOf(ctx, handover.hcpId);
  }

  @FieldResolver(() => MSL, { nullable: true })
  successor(@Root() handover: Handover, @Ctx() ctx: GraphContext): Promise<MSL | null> {
    return handover.successorId ? mslOf(ctx, handover.successorId) : Promise.resolve(null);
  }
}
