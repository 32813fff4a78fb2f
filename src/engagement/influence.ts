import { IntroductionPath, UnknownNodeError, introductionPaths } from '../network';
import { NetworkService } from '../network/network.service';
import { NetworkSnapshot } from '../network/snapshot';

/** Where engagement features get HCP influence: PageRank of CONTRACT §4 (scores sum to 1 over all HCPs). */
export interface InfluenceSource {
  /** PageRank of each given HCP id that exists (unknown ids are absent from the map). */
  pagerank(hcpIds: readonly string[]): Promise<Map<string, number>>;
}

/** Where engagement features get warm introduction paths (CONTRACT §4 introductionPaths). */
export interface PathSource {
  /** The `first` least-cost paths MSL → … → HCP; [] when none or when either id is unknown. */
  introductionPaths(mslId: string, hcpId: string, maxHops: number, first: number): Promise<IntroductionPath[]>;
}

/**
 * InfluenceSource and PathSource over the network service's projection (src/network/
 * network.service.ts, revalidated against the database's data version). One per request (see
 * engagement.loaders.ts): the snapshot is taken on first use, so every answer of one request
 * comes from the same projection.
 */
export class NetworkServiceSource implements InfluenceSource, PathSource {
  private current: Promise<NetworkSnapshot> | undefined;

  constructor(private readonly service: NetworkService) {}

  async pagerank(hcpIds: readonly string[]): Promise<Map<string, number>> {
    const snapshot = await this.snapshot();
    const rank = snapshot.pagerank();
    const scores = new Map<string, number>();
    for (const id of hcpIds) {
      const index = snapshot.net.hcpIndex.get(id);
      if (index !== undefined) scores.set(id, rank[index]);
    }
    return scores;
  }

  async introductionPaths(mslId: string, hcpId: string, maxHops: number, first: number): Promise<IntroductionPath[]> {
    const snapshot = await this.snapshot();
    try {
      return introductionPaths(snapshot.net, mslId, hcpId, maxHops, first);
    } catch (error) {
      if (error instanceof UnknownNodeError) return [];
      throw error;
    }
  }

  private snapshot(): Promise<NetworkSnapshot> {
    this.current ??= this.service.snapshot();
    return this.current;
  }
}
