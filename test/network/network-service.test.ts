import { gql } from 'graphql-request';
import { importNetwork } from '../../src/import/importer';
import { NetworkData, emptyNetwork } from '../../src/import/records';
import { testDatabase } from '../support/db';
import { Database } from '../../src/db/database';
import { findEdge } from '../../src/network/csr';
import { TestApp, startTestApp } from '../support/app';
import { bareHcp } from '../support/fixture';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.db.write(`
    UNWIND ['hcp-a', 'hcp-b', 'hcp-c', 'hcp-d'] AS id CREATE (:HCP {id: id, firstName: id, lastName: 'X'})
  `);
  await t.db.write(`
    MATCH (a:HCP {id: 'hcp-a'}), (b:HCP {id: 'hcp-b'}), (c:HCP {id: 'hcp-c'})
    CREATE (a)-[:COAUTHOR {weight: 0.5}]->(b), (b)-[:COLLEAGUE {weight: 0.5}]->(c)
    CREATE (:MSL {id: 'msl-1', firstName: 'M', lastName: 'One'})-[:KNOWS {strength: 0.5, baseStrength: 0.5}]->(a)
  `);
});
afterAll(() => t.stop());

const REACH = gql`
  query {
    networkReach(fromId: "hcp-a", maxHops: 3) {
      total
      byHop {
        hops
        count
      }
    }
  }
`;
const service = () => t.app.services.network;
/** The change records written since `since` (database clock), oldest first. */
const recordsSince = (since: number) =>
  t.db.read<{ msls: string[]; pairMsls: string[]; pairHcps: string[]; hcps: string[]; attrs: string[]; erased: number[]; full: boolean }>(
    'MATCH (c:NetworkChange) WHERE c.at >= $since RETURN c.msls AS msls, c.pairMsls AS pairMsls, c.pairHcps AS pairHcps, c.hcps AS hcps, c.attrs AS attrs, c.erased AS erased, c.full AS full ORDER BY c.at',
    { since },
  );
const dbNow = async () => (await t.db.read<{ now: number }>('RETURN timestamp() AS now'))[0].now;
const PATH = gql`
  query ($to: ID!, $hops: Int) {
    introductionPaths(fromMslId: "msl-1", toHcpId: $to, maxHops: $hops, first: 1) {
      strength
    }
  }
`;
const pathStrength = async (to: string, hops: number) =>
  (await t.client().request<{ introductionPaths: { strength: number }[] }>(PATH, { to, hops })).introductionPaths[0]?.strength;
const reachTotal = async (app = t) => (await app.client().request<{ networkReach: { total: number } }>(REACH)).networkReach.total;

describe('the network projection', () => {
  it('is reused while nothing changes', async () => {
    await t.client().request(REACH);
    const builds = service().builds;
    await t.client().request(REACH);
    await t.client().request(gql`
      {
        kolRanking(first: 2) {
          rank
        }
      }
    `);
    expect(service().builds).toBe(builds);
  });

  it('keeps PageRank and the HCP graph when an interaction is logged (only the pair and the counts are re-read)', async () => {
    await t.client().request(gql`
      {
        kolRanking(first: 2) {
          rank
        }
      }
    `);
    const before = await service().snapshot();
    const pagerank = await before.pagerank();
    const builds = service().builds;
    const since = await dbNow();
    await t.client().request(gql`
      mutation {
        logInteraction(input: { mslId: "msl-1", hcpId: "hcp-a", date: "2025-01-02", channel: IN_PERSON, sentiment: POSITIVE }) {
          id
        }
      }
    `);
    // At most one statement: the states the transaction kept (none, src/network/commit-log.ts), or,
    // when another test's commit came in between, the probe's, which returns them with the record.
    const reads = jest.spyOn((service() as unknown as { db: Database }).db, 'read');
    const after = await service().snapshot();
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1);
    reads.mockRestore();
    expect(after).not.toBe(before);
    expect(await after.pagerank()).toBe(pagerank);
    expect(after.net.ties).toBe(before.net.ties);
    expect(after.projection.attributes.interactions[after.net.hcpIndex.get('hcp-a')!]).toBe(1);
    expect(service().builds).toBe(builds);
    // The record names the pair, not the MSL: the one relationship is re-read, its value columns copied, its structure kept.
    expect(after.net.msl.targets).toBe(before.net.msl.targets);
    expect(await recordsSince(since)).toEqual([
      { msls: [], pairMsls: ['msl-1'], pairHcps: ['hcp-a'], hcps: [], attrs: ['hcp-a'], erased: [], full: false },
    ]);
  });

  it('sees a relationship re-weighted by hand and one created through the API, re-reading only their pairs', async () => {
    const builds = service().builds;
    const since = await dbNow();
    await t.db.write(
      "MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'hcp-a'}) SET k.strength = 0.8, k.baseStrength = 0.8 REMOVE k.strengthComputedAt",
    );
    // msl-1 -> hcp-a (0.8) -> hcp-b (0.5)
    expect(await pathStrength('hcp-b', 2)).toBeCloseTo(0.4, 12);
    const [typed] = await recordsSince(since);
    expect(typed).toMatchObject({ msls: [], pairMsls: ['msl-1'], pairHcps: ['hcp-a'] });
    await t.client().request(gql`
      mutation {
        setMslRelationship(mslId: "msl-1", hcpId: "hcp-c", strength: 0.6) {
          strength
        }
      }
    `);
    expect(await pathStrength('hcp-c', 1)).toBeCloseTo(0.6, 12);
    expect(service().builds).toBe(builds);
    await t.db.write("MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'hcp-c'}) DELETE k");
    expect(await pathStrength('hcp-c', 1)).toBeUndefined();
    expect(service().builds).toBe(builds);
  });

  it('applies a record written by older code (no pair or erased lists) by re-reading the MSL it names', async () => {
    const builds = service().builds;
    await reachTotal();
    const before = await service().snapshot();
    await t.db.write(
      "CREATE (:NetworkChange {id: randomUUID(), at: timestamp(), hcps: [], msls: ['msl-1'], attrs: [], reference: false, full: false})",
    );
    const after = await service().snapshot();
    expect(after).not.toBe(before);
    expect(Array.from(after.net.msl.weights)).toEqual(Array.from(before.net.msl.weights));
    expect(service().builds).toBe(builds);
  });

  it('writes no change record for a write that leaves the network as it is', async () => {
    const count = async () => (await t.db.read<{ n: number }>('RETURN COUNT { (:NetworkChange) } AS n'))[0].n;
    await t.client().request(gql`
      mutation {
        logInteraction(input: { id: "int-quiet", mslId: "msl-1", hcpId: "hcp-b", date: "2025-01-03", channel: EMAIL, sentiment: NEUTRAL }) {
          id
        }
      }
    `);
    const before = await count();
    await t.client().request(gql`
      mutation {
        updateHcp(id: "hcp-b", input: { email: "b@example.org" }) {
          id
        }
        captureInsight(interactionId: "int-quiet", audience: MEDICAL_AFFAIRS, category: "dosing", text: "Asks about dosing") {
          id
        }
        scheduleInteraction(input: { id: "plan-quiet", mslId: "msl-1", hcpId: "hcp-b", date: "2030-01-02", channel: EMAIL }) {
          planned {
            id
          }
        }
      }
    `);
    await t.client().request(gql`
      mutation {
        cancelPlannedInteraction(id: "plan-quiet", reason: "moved") {
          id
        }
      }
    `);
    await t.db.write("MATCH (h:HCP {id: 'hcp-c'}) SET h.notes = 'typed by hand'");
    // A planned interaction is WITH its HCP too, typed by hand here: the launcher's listener must not count it.
    await t.db.write("MATCH (h:HCP {id: 'hcp-c'}) CREATE (:PlannedInteraction {id: 'plan-by-hand'})-[:WITH]->(h)");
    expect(await count()).toBe(before);
  });

  it('applies a link added through the API without reading the graph again', async () => {
    expect(await reachTotal()).toBe(2);
    const builds = service().builds;
    await t.client().request(gql`
      mutation {
        linkHcps(sourceId: "hcp-c", targetId: "hcp-d", type: COLLEAGUE, weight: 0.4) {
          weight
        }
      }
    `);
    expect(await reachTotal()).toBe(3);
    expect(service().builds).toBe(builds);
    await t.client().request(gql`
      mutation {
        unlinkHcps(sourceId: "hcp-c", targetId: "hcp-d")
      }
    `);
    expect(await reachTotal()).toBe(2);
  });

  it('reflects a link added by hand through another connection on the very next request', async () => {
    expect(await t.client().request(REACH)).toEqual({
      networkReach: {
        total: 2,
        byHop: [
          { hops: 1, count: 1 },
          { hops: 2, count: 1 },
          { hops: 3, count: 0 },
        ],
      },
    });
    const analyst = testDatabase();
    try {
      await analyst.write("MATCH (c:HCP {id: 'hcp-c'}), (d:HCP {id: 'hcp-d'}) CREATE (d)-[:REFERRAL {weight: 0.9}]->(c)");
    } finally {
      await analyst.close();
    }
    expect(await t.client().request(REACH)).toEqual({
      networkReach: {
        total: 3,
        byHop: [
          { hops: 1, count: 1 },
          { hops: 2, count: 1 },
          { hops: 3, count: 1 },
        ],
      },
    });
  });

  it('sees the writes of a second API instance on the same database, and it sees ours', async () => {
    const other = await startTestApp({}, { reset: false });
    try {
      expect(await reachTotal(other)).toBe(3);
      await other.client().request(gql`
        mutation {
          createHcp(input: { id: "hcp-e", firstName: "E", lastName: "X" }) {
            id
          }
        }
      `);
      await other.client().request(gql`
        mutation {
          linkHcps(sourceId: "hcp-e", targetId: "hcp-a", type: MENTOR, weight: 0.7) {
            weight
          }
        }
      `);
      expect(await reachTotal()).toBe(4);
      await t.client().request(gql`
        mutation {
          unlinkHcps(sourceId: "hcp-e", targetId: "hcp-a")
        }
      `);
      expect(await reachTotal(other)).toBe(3);
    } finally {
      await other.stop();
    }
  });

  it('notices a writer that wrote no change record by the counts, and rebuilds', async () => {
    const builds = service().builds;
    await reachTotal();
    // A writer without the launcher's listener (an external Neo4j): the change exists, its record does not.
    await t.db.write("MATCH (a:HCP {id: 'hcp-a'}), (e:HCP {id: 'hcp-e'}) CREATE (a)-[:COLLEAGUE {weight: 0.3}]->(e)");
    await t.db.write("MATCH (c:NetworkChange) WHERE 'hcp-e' IN c.hcps AND c.at > timestamp() - 5000 DELETE c");
    expect(await reachTotal()).toBe(4);
    expect(service().builds).toBe(builds + 1);
  });

  it('rebuilds after an import', async () => {
    const builds = service().builds;
    const data: NetworkData = {
      ...emptyNetwork(),
      hcps: [bareHcp('hcp-f', 'F', 'X')],
      hcpLinks: [{ sourceId: 'hcp-f', targetId: 'hcp-c', type: 'COAUTHOR', weight: 0.5 }],
    };
    await importNetwork(testDatabase(), data);
    expect(await reachTotal()).toBe(5);
    expect(service().builds).toBe(builds + 1);
  });

  it('erases an HCP through the API in memory: the record names its node, no record keeps its id', async () => {
    expect(await reachTotal()).toBe(5);
    const builds = service().builds;
    const [{ node }] = await t.db.read<{ node: number }>("MATCH (f:HCP {id: 'hcp-f'}) RETURN id(f) AS node");
    const since = await dbNow();
    await t.client().request(gql`
      mutation {
        deleteHcp(id: "hcp-f") {
          hcpId
        }
      }
    `);
    expect(await reachTotal()).toBe(4);
    expect(service().builds).toBe(builds);
    expect((await service().snapshot()).net.hcpIndex.has('hcp-f')).toBe(false);
    const [record] = await recordsSince(since);
    expect(record).toMatchObject({ erased: [node], full: false });
    const [{ naming }] = await t.db.read<{ naming: number }>(
      "MATCH (c:NetworkChange) WHERE 'hcp-f' IN c.hcps + c.attrs + coalesce(c.pairHcps, []) RETURN count(c) AS naming",
    );
    expect(naming).toBe(0);
  });

  it('reflects an HCP deleted by hand in memory, and forgets its id in the records that named it', async () => {
    const builds = service().builds;
    const named = "MATCH (c:NetworkChange) WHERE 'hcp-d' IN c.hcps + c.attrs + coalesce(c.pairHcps, []) RETURN count(c) AS n";
    expect((await t.db.read<{ n: number }>(named))[0].n).toBeGreaterThan(0);
    await t.db.write("MATCH (d:HCP {id: 'hcp-d'}) DETACH DELETE d");
    expect((await t.db.read<{ n: number }>(named))[0].n).toBe(0);
    const after = await t.client().request<{ kolRanking: { hcp: { id: string } }[] }>(gql`
      {
        kolRanking(first: 10) {
          hcp {
            id
          }
        }
      }
    `);
    expect(after.kolRanking.map((k) => k.hcp.id).sort()).toEqual(['hcp-a', 'hcp-b', 'hcp-c', 'hcp-e']);
    expect(service().builds).toBe(builds);
  });

  it('applies a record that became visible after a later sync read its window (a late commit)', async () => {
    await t.db.write("UNWIND ['late-1', 'late-2', 'late-3'] AS id CREATE (:HCP {id: id, firstName: id, lastName: 'X'})");
    await t.db.write("MATCH (a:HCP {id: 'late-1'}), (b:HCP {id: 'late-2'}) CREATE (a)-[:COLLEAGUE {weight: 0.5}]->(b)");
    const lateReach = async () =>
      (
        await t.client().request<{ networkReach: { total: number } }>(gql`
          query {
            networkReach(fromId: "late-1", maxHops: 3) {
              total
            }
          }
        `)
      ).networkReach.total;
    expect(await lateReach()).toBe(1);
    const { builds, updates } = service();
    // The link moves (the counts stay the same) under a record stamped `age` ms before now, so
    // before the sync above: what a transaction committing that long after stamping it looks like.
    // 100 ms: a late commit the probe returns itself; 3 s: a bucket of the overlap window, read
    // back; 6 s: its oldest one.
    const moves = [
      { age: 100, removed: ['late-1', 'late-2'], added: ['late-2', 'late-3'], reach: 0, readBack: 0 },
      { age: 3000, removed: ['late-2', 'late-3'], added: ['late-1', 'late-3'], reach: 1, readBack: 1 },
      { age: 6000, removed: ['late-1', 'late-3'], added: ['late-2', 'late-3'], reach: 0, readBack: 1 },
    ];
    for (const move of moves) {
      await t.db.transaction(async (tx) => {
        await tx.run('MATCH (:HCP {id: $removed[0]})-[r:COLLEAGUE]->(:HCP {id: $removed[1]}) DELETE r', move);
        await tx.run('MATCH (a:HCP {id: $added[0]}), (b:HCP {id: $added[1]}) CREATE (a)-[:COLLEAGUE {weight: 0.5}]->(b)', move);
        await tx.run(
          `CREATE (:NetworkChange {id: randomUUID(), at: timestamp() - $age, hcps: ['late-1', 'late-2', 'late-3'],
            msls: [], attrs: [], reference: false, full: false})`,
          move,
        );
      });
      const reads = jest.spyOn((service() as unknown as { db: Database }).db, 'read');
      expect(await lateReach()).toBe(move.reach);
      const readBacks = reads.mock.calls.filter(([cypher]) => cypher.trim().endsWith('AS change'));
      reads.mockRestore();
      expect(readBacks).toHaveLength(move.readBack);
    }
    expect(service().builds).toBe(builds);
    expect(service().updates).toBe(updates + 3);
  });

  it('applies a late logged interaction with the probe itself: one statement, states included', async () => {
    const before = await service().snapshot();
    const m = before.net.mslIndex.get('msl-1')!;
    const h = before.net.hcpIndex.get('hcp-a')!;
    const weight = (snapshot: typeof before) => snapshot.net.msl.weights[findEdge(snapshot.net.msl, m, h)];
    expect(weight(before)).not.toBeCloseTo(0.75);
    // Stamped 100 ms before the sync above, committed after it: what a logged interaction whose
    // transaction commits late looks like while writers run.
    await t.db.transaction(async (tx) => {
      await tx.run("MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'hcp-a'}) SET k.strength = 0.75, k.baseStrength = null");
      await tx.run(
        `CREATE (:NetworkChange {id: randomUUID(), at: timestamp() - 100, hcps: [], msls: [], attrs: ['hcp-a'],
          pairMsls: ['msl-1'], pairHcps: ['hcp-a'], reference: false, full: false})`,
      );
    });
    const reads = jest.spyOn((service() as unknown as { db: Database }).db, 'read');
    const after = await service().snapshot();
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    expect(weight(after)).toBeCloseTo(0.75);
  });
});
