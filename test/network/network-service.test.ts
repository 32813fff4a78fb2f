import { gql } from 'graphql-request';
import { testDatabase } from '../support/db';
import { TestApp, startTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.db.write(`
    UNWIND ['hcp-a', 'hcp-b', 'hcp-c', 'hcp-d'] AS id CREATE (:HCP {id: id, firstName: id, lastName: 'X'})
  `);
  await t.db.write(`
    MATCH (a:HCP {id: 'hcp-a'}), (b:HCP {id: 'hcp-b'}), (c:HCP {id: 'hcp-c'})
    CREATE (a)-[:COAUTHOR {weight: 0.5}]->(b), (b)-[:COLLEAGUE {weight: 0.5}]->(c)
  `);
});
afterAll(() => t.stop());

const REACH = gql`query { networkReach(fromId: "hcp-a", maxHops: 3) { total byHop { hops count } } }`;

describe('the network projection', () => {
  it('is reused while nothing changes', async () => {
    await t.client().request(REACH);
    const builds = t.app.services.network.builds;
    await t.client().request(REACH);
    await t.client().request(gql`{ kolRanking(first: 2) { rank } }`);
    expect(t.app.services.network.builds).toBe(builds);
  });

  it('reflects a link added by hand through another connection on the very next request', async () => {
    expect(await t.client().request(REACH)).toEqual({ networkReach: { total: 2, byHop: [{ hops: 1, count: 1 }, { hops: 2, count: 1 }, { hops: 3, count: 0 }] } });
    const analyst = testDatabase();
    try {
      await analyst.write("MATCH (c:HCP {id: 'hcp-c'}), (d:HCP {id: 'hcp-d'}) CREATE (d)-[:REFERRAL {weight: 0.9}]->(c)");
    } finally {
      await analyst.close();
    }
    expect(await t.client().request(REACH)).toEqual({ networkReach: { total: 3, byHop: [{ hops: 1, count: 1 }, { hops: 2, count: 1 }, { hops: 3, count: 1 }] } });
  });

  it('reflects a deleted HCP', async () => {
    await t.db.write("MATCH (d:HCP {id: 'hcp-d'}) DETACH DELETE d");
    const after = await t.client().request<{ kolRanking: { hcp: { id: string } }[] }>(gql`{ kolRanking(first: 10) { hcp { id } } }`);
    expect(after.kolRanking.map((k) => k.hcp.id).sort()).toEqual(['hcp-a', 'hcp-b', 'hcp-c']);
  });
});
