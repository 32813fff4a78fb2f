/**
 * The process-wide owner of the network projection.
 *
 * Contract: `snapshot()` returns scores over the data as committed before the call, by
 * anyone (this API, the import CLI, another instance, Cypher typed by hand): it compares the
 * database's data version (one cheap round trip) with the projection's and rebuilds when they
 * differ. Concurrent callers share one rebuild. Nothing here is client state, so any number of
 * API instances can serve behind a load balancer.
 */
import { Database } from '../db/database';
import { loadProjection } from './projection';
import { NetworkSnapshot } from './snapshot';

export class NetworkService {
  private current?: NetworkSnapshot;
  private building?: { version: string; promise: Promise<NetworkSnapshot> };
  /** Projections built so far (tests and /metrics read it). */
  builds = 0;

  constructor(private readonly db: Database) {}

  async snapshot(): Promise<NetworkSnapshot> {
    const version = await this.db.dataVersion();
    if (this.current?.projection.version === version) return this.current;
    if (this.building?.version === version) return this.building.promise;
    const promise = this.rebuild(version);
    this.building = { version, promise };
    try {
      return await promise;
    } finally {
      if (this.building?.promise === promise) this.building = undefined;
    }
  }

  private async rebuild(version: string): Promise<NetworkSnapshot> {
    const snapshot = new NetworkSnapshot(await loadProjection(this.db, version));
    this.builds += 1;
    this.current = snapshot;
    return snapshot;
  }
}
