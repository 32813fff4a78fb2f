import { gql } from 'graphql-request';
import { TestApp, startTestApp } from '../support/app';

/** More HCPs than betweenness computes inline, so it runs in the pool and can be caught mid-way. */
const HCPS = 3200;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ BETWEENNESS_BUDGET_MS: '0' });
  await t.db.write('UNWIND range(0, $n - 1) AS i CREATE (:HCP {id: "h" + i, firstName: "F", lastName: "L"})', { n: HCPS });
  await t.db.write(
    `MATCH (a:HCP) WITH a, toInteger(substring(a.id, 1)) AS i
     MATCH (b:HCP) WHERE b.id IN ["h" + ((i * 7 + 1) % $n), "h" + ((i * 13 + 5) % $n), "h" + ((i + 1) % $n)] AND b <> a
     CREATE (a)-[:COLLEAGUE {weight: 0.5}]->(b)`,
    { n: HCPS },
  );
});
afterAll(() => t.stop());

interface Ranked {
  kolRanking: {
    score: number;
    exact: boolean;
    sampleSize: number | null;
    errorBound: number | null;
    asOf: { version: string; time: string };
  }[];
}
const ranking = (metric: string) =>
  t.client().request<Ranked>(
    gql`
      query ($metric: InfluenceMetric) {
        kolRanking(metric: $metric, first: 3) {
          score
          exact
          sampleSize
          errorBound
          asOf {
            version
            time
          }
        }
      }
    `,
    { metric },
  );

describe('betweenness beyond its time budget', () => {
  it('answers a sampled estimate with its sample size and error bound, then the exact scores once computed', async () => {
    const first = (await ranking('BETWEENNESS')).kolRanking;
    const builds = t.app.services.network.builds; // the readiness warm-up may have built the empty network before
    expect(first[0].exact).toBe(false);
    expect(first[0].sampleSize).toBeGreaterThanOrEqual(0);
    expect(first[0].sampleSize).toBeLessThan(HCPS);
    expect(first[0].errorBound).toBeGreaterThan(0);
    const composite = (await ranking('COMPOSITE')).kolRanking[0];
    expect(composite.exact).toBe(false);
    let last = first;
    for (let i = 0; i < 240 && !last[0].exact; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      last = (await ranking('BETWEENNESS')).kolRanking;
    }
    expect(last[0]).toMatchObject({ exact: true, sampleSize: null, errorBound: null });
    expect(t.app.services.network.builds).toBe(builds);
  });

  it('starts sampling a network read whole (a rebuild) at once, before anyone asks for betweenness', async () => {
    // The record an external writer leaves to ask every reader to rebuild (docs/network.md).
    await t.db.write(
      'CREATE (:NetworkChange {id: randomUUID(), at: timestamp(), hcps: [], msls: [], attrs: [], reference: true, full: true})',
    );
    const network = t.app.services.network;
    const builds = network.builds;
    const snapshot = await network.snapshot();
    expect(network.builds).toBe(builds + 1);
    expect((snapshot as unknown as { cache: Map<string, unknown> }).cache.has('betweenness-job')).toBe(true);
  });

  it('says PageRank answers are exact, and what network version they were computed on', async () => {
    const [top] = (await ranking('PAGERANK')).kolRanking;
    expect(top).toMatchObject({ exact: true, sampleSize: null, errorBound: null });
    expect(Date.parse(top.asOf.time)).not.toBeNaN();
    await t.client().request(gql`
      mutation {
        linkHcps(sourceId: "h1", targetId: "h2000", type: MENTOR, weight: 0.9) {
          weight
        }
      }
    `);
    const [after] = (await ranking('PAGERANK')).kolRanking;
    expect(after.asOf.version).not.toBe(top.asOf.version);
    expect(Date.parse(after.asOf.time)).toBeGreaterThanOrEqual(Date.parse(top.asOf.time));
  });

  it('cancels the sampling when the network service stops (shutdown), and starts none after', async () => {
    await t.db.write(
      'CREATE (:NetworkChange {id: randomUUID(), at: timestamp(), hcps: [], msls: [], attrs: [], reference: true, full: true})',
    );
    const network = t.app.services.network;
    const jobOf = (snapshot: object) =>
      (snapshot as unknown as { cache: Map<string, { job: { isCancelled: boolean } }> }).cache.get('betweenness-job');
    const sampling = jobOf(await network.snapshot());
    expect(sampling?.job.isCancelled).toBe(false);
    network.stop();
    expect(sampling?.job.isCancelled).toBe(true);
    await t.db.write(
      'CREATE (:NetworkChange {id: randomUUID(), at: timestamp(), hcps: [], msls: [], attrs: [], reference: true, full: true})',
    );
    expect(jobOf(await network.snapshot())).toBeUndefined();
  });
});
