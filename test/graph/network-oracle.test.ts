import path from 'node:path';
import fs from 'node:fs';
import { gql } from 'graphql-request';
import { importFolder } from '../../src/import/importer';
import { TestApp, errorCode, startTestApp } from '../support/app';
import { FIXTURES as ORACLES } from '../support/fixtures';

/**
 * The network semantics of docs/network.md, checked through the GraphQL API on the real database
 * against answers computed independently with networkx (test/fixtures).
 */

interface Expected {
  pagerank: Record<string, number>;
  betweenness: Record<string, number>;
  degree: Record<string, number>;
  louvainModularity: number;
  introductionPaths?: {
    fromMslId: string;
    toHcpId: string;
    maxHops: number;
    first: number;
    paths: { nodes: string[]; hops: number; cost: number; strength: number }[];
  }[];
  networkReach?: { fromId: string; maxHops: number; total: number; byHop: { hops: number; count: number }[] }[];
  coverageGaps?: Record<string, string[]>;
}

const RANKING = gql`
  query ($metric: InfluenceMetric, $first: Int) {
    kolRanking(metric: $metric, first: $first) {
      rank
      score
      hcp {
        id
      }
    }
  }
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

async function ranking(metric: string, first: number) {
  const data = await t.client().request<{ kolRanking: { rank: number; score: number; hcp: { id: string } }[] }>(RANKING, { metric, first });
  return data.kolRanking;
}

function expectScores(listed: { rank: number; score: number; hcp: { id: string } }[], expected: Record<string, number>, tolerance: number) {
  expect(listed).toHaveLength(Object.keys(expected).length);
  for (const entry of listed) expect(Math.abs(entry.score - expected[entry.hcp.id])).toBeLessThanOrEqual(tolerance);
  listed.forEach((entry, i) => {
    expect(entry.rank).toBe(i + 1);
    if (i > 0) {
      const before = listed[i - 1];
      expect(before.score > entry.score || (before.score === entry.score && before.hcp.id < entry.hcp.id)).toBe(true);
    }
  });
}

for (const name of ['karate', 'network-400']) {
  describe(`oracle ${name}`, () => {
    const expected = JSON.parse(fs.readFileSync(path.join(ORACLES, name, 'expected.json'), 'utf8')) as Expected;

    beforeAll(async () => {
      await t.db.write('MATCH (n) DETACH DELETE n');
      await importFolder(t.db, path.join(ORACLES, name));
    });

    it('PAGERANK matches networkx to 1e-6', async () => expectScores(await ranking('PAGERANK', 10000), expected.pagerank, 1e-6));
    it('BETWEENNESS matches networkx to 1e-6', async () => expectScores(await ranking('BETWEENNESS', 10000), expected.betweenness, 1e-6));
    it('DEGREE matches networkx', async () => expectScores(await ranking('DEGREE', 10000), expected.degree, 0));

    it('communities partition every HCP with at least Louvain modularity', async () => {
      const data = await t
        .client()
        .request<{ communities: { modularity: number; communities: { id: string; size: number; members: { id: string }[] }[] } }>(gql`
          {
            communities {
              modularity
              communities {
                id
                size
                members {
                  id
                }
              }
            }
          }
        `);
      const members = data.communities.communities.flatMap((c) => c.members.map((m) => m.id));
      expect(members.sort()).toEqual(Object.keys(expected.pagerank).sort());
      for (const c of data.communities.communities) expect(c.size).toBe(c.members.length);
      expect(data.communities.modularity).toBeGreaterThanOrEqual(expected.louvainModularity - 1e-9);
    });

    for (const q of expected.introductionPaths ?? []) {
      it(`introductionPaths ${q.fromMslId} -> ${q.toHcpId}`, async () => {
        const data = await t
          .client()
          .request<{ introductionPaths: { nodes: { id: string }[]; hops: number; cost: number; strength: number }[] }>(
            gql`
              query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
                introductionPaths(fromMslId: $from, toHcpId: $to, maxHops: $maxHops, first: $first) {
                  nodes {
                    id
                    name
                  }
                  hops
                  cost
                  strength
                }
              }
            `,
            { from: q.fromMslId, to: q.toHcpId, maxHops: q.maxHops, first: q.first },
          );
        const got = data.introductionPaths;
        expect(got).toHaveLength(q.paths.length);
        got.forEach((p, i) => {
          expect(Math.abs(p.cost - q.paths[i].cost)).toBeLessThanOrEqual(1e-9);
          expect(Math.abs(p.strength - q.paths[i].strength)).toBeLessThanOrEqual(1e-9);
          expect(p.hops).toBe(q.paths[i].hops);
          const nearTie = [i - 1, i + 1].some((j) => q.paths[j] && Math.abs(q.paths[j].cost - q.paths[i].cost) < 1e-9);
          if (!nearTie) expect(p.nodes.map((n) => n.id)).toEqual(q.paths[i].nodes);
        });
      });
    }

    for (const q of expected.networkReach ?? []) {
      it(`networkReach ${q.fromId} within ${q.maxHops}`, async () => {
        const data = await t.client().request<{ networkReach: unknown }>(
          gql`
            query ($from: ID!, $maxHops: Int) {
              networkReach(fromId: $from, maxHops: $maxHops) {
                total
                byHop {
                  hops
                  count
                }
              }
            }
          `,
          { from: q.fromId, maxHops: q.maxHops },
        );
        expect(data.networkReach).toEqual({ total: q.total, byHop: q.byHop });
      });
    }

    for (const [territoryId, ids] of Object.entries(expected.coverageGaps ?? {})) {
      it(`coverageGaps ${territoryId}`, async () => {
        const data = await t.client().request<{ coverageGaps: { influence: number; hcp: { id: string } }[] }>(
          gql`
            query ($t: ID!, $first: Int) {
              coverageGaps(territoryId: $t, first: $first) {
                influence
                hcp {
                  id
                }
              }
            }
          `,
          { t: territoryId, first: ids.length },
        );
        expect(data.coverageGaps.map((g) => g.hcp.id)).toEqual(ids);
        for (const gap of data.coverageGaps) expect(Math.abs(gap.influence - expected.pagerank[gap.hcp.id])).toBeLessThanOrEqual(1e-6);
      });
    }
  });
}

describe('bad network arguments', () => {
  const paths = (vars: Record<string, unknown>) =>
    t.client().request(
      gql`
        query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
          introductionPaths(fromMslId: $from, toHcpId: $to, maxHops: $maxHops, first: $first) {
            hops
          }
        }
      `,
      vars,
    );
  const reach = (vars: Record<string, unknown>) =>
    t.client().request(
      gql`
        query ($from: ID!, $maxHops: Int) {
          networkReach(fromId: $from, maxHops: $maxHops) {
            total
          }
        }
      `,
      vars,
    );

  it('rejects maxHops and first out of range with BAD_USER_INPUT', async () => {
    expect(await errorCode(paths({ from: 'msl-000', to: 'hcp-00018', maxHops: 0 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(paths({ from: 'msl-000', to: 'hcp-00018', maxHops: 7 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(paths({ from: 'msl-000', to: 'hcp-00018', first: 0 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(paths({ from: 'msl-000', to: 'hcp-00018', first: 10001 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(reach({ from: 'hcp-00018', maxHops: 99 }))).toBe('BAD_USER_INPUT');
    expect(
      await errorCode(
        t.client().request(gql`
          {
            kolRanking(first: -1) {
              rank
            }
          }
        `),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('answers unknown ids with NOT_FOUND', async () => {
    expect(await errorCode(paths({ from: 'msl-nope', to: 'hcp-00018' }))).toBe('NOT_FOUND');
    expect(await errorCode(paths({ from: 'msl-000', to: 'hcp-nope' }))).toBe('NOT_FOUND');
    expect(await errorCode(reach({ from: 'nobody' }))).toBe('NOT_FOUND');
    expect(
      await errorCode(
        t.client().request(gql`
          {
            coverageGaps(territoryId: "ter-nope") {
              influence
            }
          }
        `),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await errorCode(
        t.client().request(gql`
          {
            kolRanking(territoryId: "ter-nope") {
              rank
            }
          }
        `),
      ),
    ).toBe('NOT_FOUND');
  });
});
