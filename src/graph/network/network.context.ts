import { dayOf, strengthAsOf } from '../../engagement/strength';
import { NotFoundError } from '../../errors';
import { HcpNetwork, UnknownNodeError } from '../../network/network';
import { NetworkSnapshot } from '../../network/snapshot';
import { GraphContext } from '../context';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';

const perRequest = new WeakMap<GraphContext, Promise<NetworkSnapshot>>();

/** The network snapshot of this request: revalidated once per request, shared by all its fields. */
export function snapshotOf(ctx: GraphContext): Promise<NetworkSnapshot> {
  let snapshot = perRequest.get(ctx);
  if (!snapshot) {
    snapshot = ctx.app.network.snapshot();
    perRequest.set(ctx, snapshot);
  }
  return snapshot;
}

/** By MSL graph: networks that share it (an HCP-to-HCP link edit) share the strengths. */
const strengthsByGraph = new WeakMap<HcpNetwork['msl'], { day: number; halfLife: number; strengths: Float64Array }>();

/**
 * MSL relationship strengths as MslRelationship.strength answers them now, one per `net.msl`
 * entry: what paths, plans and handovers weigh relationships with. Computed from the stored
 * strengths when the day changes (kept for the rest of the day), never by rebuilding the network.
 */
export function relationshipStrengths(ctx: GraphContext, net: HcpNetwork): Float64Array {
  const day = dayOf(new Date());
  const halfLife = ctx.app.config.strengthHalfLifeDays;
  const cached = strengthsByGraph.get(net.msl);
  if (cached && cached.day === day && cached.halfLife === halfLife) return cached.strengths;
  const { weights } = net.msl;
  const { base, computedDay } = net.mslStored;
  const strengths = new Float64Array(weights.length);
  for (let e = 0; e < weights.length; e++) {
    const stored = {
      strength: weights[e],
      baseStrength: Number.isNaN(base[e]) ? null : base[e],
      computedDay: Number.isNaN(computedDay[e]) ? null : computedDay[e],
    };
    strengths[e] = strengthAsOf(stored, day, halfLife);
  }
  strengthsByGraph.set(net.msl, { day, halfLife, strengths });
  return strengths;
}

/** Runs an algorithm call, turning an unknown node id into NOT_FOUND. */
export function knownNodes<T>(entity: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UnknownNodeError) throw new NotFoundError(entity, error.id);
    throw error;
  }
}

/** Community ids as clients see them; index 0 is "community-1". */
export const communityId = (index: number): string => `community-${index + 1}`;

/** Loads HCPs by id for results that carry only ids (one batched statement per request level). */
export async function hcpsById(ctx: GraphContext, ids: string[]): Promise<HCP[]> {
  const hcps = await ctx.loaders.get(hcpLoaders).byId.loadMany(ids);
  return hcps.filter((hcp): hcp is HCP => hcp !== null && !(hcp instanceof Error));
}

export async function hcpById(ctx: GraphContext, id: string): Promise<HCP> {
  const [hcp] = await hcpsById(ctx, [id]);
  return hcp;
}
