import { IntroductionPath, UnknownNodeError, introductionPaths } from '../../network';
import { GraphContext } from '../context';
import { relationshipStrengths, snapshotOf } from '../network/network.context';

/** Where engagement features get HCP influence: PageRank as docs/network.md defines it (scores sum to 1 over all HCPs). */
export interface InfluenceSource {
  /** PageRank of each given HCP id that exists (unknown ids are absent from the map). */
  pagerank(hcpIds: readonly string[]): Promise<Map<string, number>>;
}

/** Where engagement features get warm introduction paths (the introductionPaths of docs/network.md). */
export interface PathSource {
  /** The `first` least-cost paths MSL → … → HCP; [] when none or when either id is unknown. */
  introductionPaths(mslId: string, hcpId: string, maxHops: number, first: number): Promise<IntroductionPath[]>;
}

/**
 * InfluenceSource and PathSource over the request's network snapshot (snapshotOf), so engagement
 * answers and the network fields of one request come from the same projection.
 */
export class RequestNetworkSource implements InfluenceSource, PathSource {
  constructor(private readonly ctx: GraphContext) {}

  async pagerank(hcpIds: readonly string[]): Promise<Map<string, number>> {
    const snapshot = await snapshotOf(this.ctx);
    const rank = await snapshot.pagerank();
    const scores = new Map<string, number>();
    for (const id of hcpIds) {
      const index = snapshot.net.hcpIndex.get(id);
      if (index !== undefined) scores.set(id, rank[index]);
    }
    return scores;
  }

  async introductionPaths(mslId: string, hcpId: string, maxHops: number, first: number): Promise<IntroductionPath[]> {
    const snapshot = await snapshotOf(this.ctx);
    try {
      return introductionPaths(snapshot.net, mslId, hcpId, maxHops, first, relationshipStrengths(this.ctx, snapshot.net));
    } catch (error) {
      if (error instanceof UnknownNodeError) return [];
      throw error;
    }
  }
}
