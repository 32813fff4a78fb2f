import { gql } from 'graphql-request';
import { loadProjection } from '../../src/network/projection';
import { NetworkSnapshot } from '../../src/network/snapshot';
import { NetworkService } from '../../src/network/network.service';
import { TestApp, startTestApp } from '../support/app';

/**
 * A mutation that edits the HCP graph prepares, in its transaction, the network its commit makes
 * (PageRank included); the sync that applies its record takes that PageRank when, and only when,
 * the graph it builds is the one prepared.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.db.write(`
    UNWIND range(1, 12) AS i CREATE (:HCP {id: 'p-' + right('0' + toString(i), 2), firstName: 'P' + i, lastName: 'X'})
  `);
  await t.db.write(`
    UNWIND range(1, 11) AS i
    MATCH (a:HCP {id: 'p-' + right('0' + toString(i), 2)}), (b:HCP {id: 'p-' + right('0' + toString(i + 1), 2)})
    CREATE (a)-[:REFERRAL {weight: 0.1 * i}]->(b), (b)-[:COAUTHOR {weight: 0.5}]->(a)
  `);
  await t.db.write(`
    MATCH (a:HCP {id: 'p-01'}) CREATE (:MSL {id: 'msl-p', firstName: 'M', lastName: 'P'})-[:KNOWS {strength: 0.5, baseStrength: 0.5}]->(a)
  `);
});
afterAll(() => t.stop());

const service = (): NetworkService => t.app.services.network;

const RANKING = gql`
  {
    kolRanking(first: 20) {
      score
      hcp {
        id
      }
    }
  }
`;
type Ranking = { kolRanking: { score: number; hcp: { id: string } }[] };
const ranking = async () => (await t.client().request<Ranking>(RANKING)).kolRanking;
const mutate = (document: string) => t.client().request(document);

/** The ranking a cold build of the database as it is answers: same order, scores within PageRank's tolerance. */
async function expectColdRanking(answer: Ranking['kolRanking']): Promise<void> {
  const cold = new NetworkSnapshot(await loadProjection(t.db, 'cold', 0));
  const scores = await cold.pagerank();
  const order = Array.from(await cold.order('PAGERANK')).map((v) => cold.net.hcpIds[v]);
  expect(answer.map((row) => row.hcp.id)).toEqual(order);
  for (const row of answer) expect(row.score).toBeCloseTo(scores[cold.net.hcpIndex.get(row.hcp.id)!], 9);
  // The HCP graphs the sync took from the preparation are those of a cold build (paths and reach read them).
  const served = await service().snapshot();
  expect(served.net.hcpIds).toEqual(cold.net.hcpIds);
  expect(served.projection.counts).toEqual(cold.projection.counts);
  expect(Array.from(served.degree())).toEqual(Array.from(cold.degree()));
  expect(Array.from(served.projection.attributes.interactions)).toEqual(Array.from(cold.projection.attributes.interactions));
}

/** Runs `write` after a ranking was answered, then ranks again: how many syncs took a prepared PageRank. */
async function preparedBy(write: () => Promise<unknown>): Promise<number> {
  await ranking();
  const { prepared, builds } = service();
  await write();
  await expectColdRanking(await ranking());
  expect(service().builds).toBe(builds);
  return service().prepared - prepared;
}

describe('a network prepared by the writer', () => {
  it('is taken by the first ranking after a link added, re-weighted and removed through the API', async () => {
    expect(
      await preparedBy(() => mutate('mutation { linkHcps(sourceId: "p-03", targetId: "p-09", type: MENTOR, weight: 0.8) { weight } }')),
    ).toBe(1);
    expect(
      await preparedBy(() => mutate('mutation { linkHcps(sourceId: "p-03", targetId: "p-09", type: MENTOR, weight: 0.2) { weight } }')),
    ).toBe(1);
    expect(await preparedBy(() => mutate('mutation { unlinkHcps(sourceId: "p-03", targetId: "p-09") }'))).toBe(1);
  });

  it('is taken after an HCP is created and after one is erased (HCPs renumbered)', async () => {
    expect(await preparedBy(() => mutate('mutation { createHcp(input: { id: "p-00", firstName: "Z", lastName: "X" }) { id } }'))).toBe(1);
    expect(
      await preparedBy(() => mutate('mutation { linkHcps(sourceId: "p-00", targetId: "p-05", type: COLLEAGUE, weight: 0.6) { weight } }')),
    ).toBe(1);
    expect(await preparedBy(() => mutate('mutation { deleteHcp(id: "p-00") { hcpId } }'))).toBe(1);
    expect((await service().snapshot()).net.hcpIndex.has('p-00')).toBe(false);
  });

  it('is taken when interactions were logged between the edit and the ranking (they leave the HCP graph as it is)', async () => {
    const taken = await preparedBy(async () => {
      await mutate('mutation { linkHcps(sourceId: "p-01", targetId: "p-12", type: COLLEAGUE, weight: 0.3) { weight } }');
      await mutate(
        'mutation { logInteraction(input: { mslId: "msl-p", hcpId: "p-01", date: "2025-03-01", channel: EMAIL, sentiment: POSITIVE }) { id } }',
      );
    });
    expect(taken).toBe(1);
    const snapshot = await service().snapshot();
    expect(snapshot.projection.attributes.interactions[snapshot.net.hcpIndex.get('p-01')!]).toBe(1);
  });

  it('is not taken when another writer changed the same HCP between the commit and the sync', async () => {
    const taken = await preparedBy(async () => {
      await mutate('mutation { linkHcps(sourceId: "p-04", targetId: "p-10", type: MENTOR, weight: 0.7) { weight } }');
      // Cypher typed by hand: the launcher's listener records it; the sync reads both records at once.
      await t.db.write("MATCH (a:HCP {id: 'p-04'}), (b:HCP {id: 'p-11'}) CREATE (a)-[:REFERRAL {weight: 0.9}]->(b)");
    });
    expect(taken).toBe(0);
  });

  it('is taken again by a second edit, prepared on the network the first one made', async () => {
    const taken = await preparedBy(async () => {
      await mutate('mutation { linkHcps(sourceId: "p-05", targetId: "p-11", type: MENTOR, weight: 0.7) { weight } }');
      await ranking();
      // The first edit's sync took its offer; the second is prepared on the network that sync made.
      await mutate('mutation { unlinkHcps(sourceId: "p-05", targetId: "p-11") }');
    });
    expect(taken).toBe(2);
  });

  it('is taken by each sync whose graph is the one prepared when edits race on one instance, and the answer is a cold build’s', async () => {
    const taken = await preparedBy(() =>
      Promise.all([
        mutate('mutation { linkHcps(sourceId: "p-06", targetId: "p-02", type: COLLEAGUE, weight: 0.4) { weight } }'),
        mutate('mutation { linkHcps(sourceId: "p-07", targetId: "p-12", type: COLLEAGUE, weight: 0.4) { weight } }'),
        mutate('mutation { linkHcps(sourceId: "p-08", targetId: "p-03", type: REFERRAL, weight: 0.4) { weight } }'),
      ]),
    );
    expect(taken).toBeLessThanOrEqual(3);
  });

  it('is taken by both syncs when a second edit is prepared while the first has not committed (built on the first one’s)', async () => {
    // Each transaction holds on after its preparation until released, as a slow commit would.
    const released: (() => void)[] = [];
    const prepared: Promise<void>[] = [];
    const signals: (() => void)[] = [];
    for (let i = 0; i < 2; i++) prepared.push(new Promise((resolve) => signals.push(resolve)));
    let calls = 0;
    const prepare = jest.spyOn(service(), 'prepare').mockImplementation(async (read, change) => {
      const call = calls++;
      const offer = await NetworkService.prototype.prepare.call(service(), read, change);
      signals[call]();
      await new Promise<void>((resolve) => (released[call] = resolve));
      return offer;
    });
    try {
      const taken = await preparedBy(async () => {
        const first = mutate('mutation { linkHcps(sourceId: "p-09", targetId: "p-12", type: MENTOR, weight: 0.6) { weight } }');
        await prepared[0];
        const second = mutate('mutation { linkHcps(sourceId: "p-10", targetId: "p-01", type: COLLEAGUE, weight: 0.3) { weight } }');
        await prepared[1];
        released[0]();
        await first;
        await expectColdRanking(await ranking());
        released[1]();
        await second;
      });
      expect(taken).toBe(2);
    } finally {
      prepare.mockRestore();
    }
  });

  it('is withdrawn when the transaction does not commit, even if the same change is then made by hand', async () => {
    const { db } = t;
    const transaction = db.transaction.bind(db);
    let offered = false;
    const prepare = jest.spyOn(service(), 'prepare').mockImplementation(async (read, change) => {
      const prepared = await NetworkService.prototype.prepare.call(service(), read, change);
      offered ||= prepared !== undefined;
      return prepared;
    });
    // The commit of the transaction that prepared fails: everything in it, the preparation included, is undone.
    const commit = jest.spyOn(db, 'transaction').mockImplementation(((work: Parameters<typeof transaction>[0]) =>
      transaction(async (tx) => {
        const result = await work(tx);
        if (!offered) return result;
        offered = false;
        throw new Error('the commit fails');
      })) as typeof transaction);
    const taken = await preparedBy(async () => {
      await expect(
        mutate('mutation { linkHcps(sourceId: "p-02", targetId: "p-08", type: MENTOR, weight: 0.5) { weight } }'),
      ).rejects.toThrow('Internal server error');
      commit.mockRestore();
      prepare.mockRestore();
      // The same link by another writer: the states the sync reads are those the withdrawn offer applied.
      await t.db.write("MATCH (a:HCP {id: 'p-02'}), (b:HCP {id: 'p-08'}) CREATE (a)-[:MENTOR {weight: 0.5}]->(b)");
    });
    expect(taken).toBe(0);
  });

  it('costs an interaction nothing: no preparation for writes that leave the HCP graph as it is', async () => {
    await ranking();
    const prepare = jest.spyOn(service(), 'prepare');
    await mutate(
      'mutation { logInteraction(input: { mslId: "msl-p", hcpId: "p-02", date: "2025-03-02", channel: EMAIL, sentiment: NEUTRAL }) { id } }',
    );
    const results = await Promise.all(prepare.mock.results.map((result) => result.value));
    prepare.mockRestore();
    expect(results).toEqual([undefined]);
  });
});
