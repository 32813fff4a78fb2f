/**
 * The network listings shared by the GraphQL fields and the CSV exports (src/http/exports.ts),
 * so both answer the same arguments with the same rows and the same errors.
 */
import { NotFoundError } from '../../errors';
import { Metric, NetworkSnapshot } from '../../network/snapshot';
import { intArg } from '../common/validate';
import { communityId } from './network.context';

export interface KolRankingArgs {
  metric: Metric;
  therapeuticAreaId: string | null;
  territoryId: string | null;
  first: number;
}

export interface RankedHcp {
  rank: number;
  score: number;
  hcpId: string;
  /** Whether the scores are exact, or a betweenness estimate (snapshot.ts MetricScores). */
  exact: boolean;
  sampleSize: number | null;
  errorBound: number | null;
}

/** kolRanking: HCPs by descending score (then id); filters choose who is listed, never the graph. */
export async function kolRanking(snapshot: NetworkSnapshot, args: KolRankingArgs, maxFirst: number): Promise<RankedHcp[]> {
  const { therapeuticAreaId, territoryId } = args;
  const size = intArg(args.first, 'first', 1, maxFirst);
  const { attributes, territoryIds, therapeuticAreaIds } = snapshot.projection;
  if (territoryId && !territoryIds.has(territoryId)) throw new NotFoundError('Territory', territoryId);
  if (therapeuticAreaId && !therapeuticAreaIds.has(therapeuticAreaId)) throw new NotFoundError('TherapeuticArea', therapeuticAreaId);
  // One read of the scores: a betweenness estimate may improve meanwhile, the listing stays consistent.
  const { scores, exact, sampleSize, errorBound } = await snapshot.metric(args.metric);
  const order = snapshot.orderOf(scores);
  const listed = (v: number) =>
    (!territoryId || attributes.territory[v] === territoryId) && (!therapeuticAreaId || attributes.areas[v].includes(therapeuticAreaId));
  return take(order, listed, size).map((v, i) => ({
    rank: i + 1,
    score: scores[v],
    hcpId: snapshot.net.hcpIds[v],
    exact,
    sampleSize,
    errorBound,
  }));
}

export interface ListedCommunity {
  id: string;
  size: number;
  index: number;
}

/** Every community, largest first, then by id. */
export function communityList(snapshot: NetworkSnapshot): ListedCommunity[] {
  return snapshot
    .communities()
    .members.map((members, index) => ({ id: communityId(index), size: members.length, index }))
    .sort((a, b) => b.size - a.size || a.index - b.index);
}

/** The first `size` entries of `order` that pass `keep`. */
export function take(order: Int32Array, keep: (v: number) => boolean, size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < order.length && out.length < size; i++) if (keep(order[i])) out.push(order[i]);
  return out;
}
