import fs from 'node:fs';
import path from 'node:path';
import { gql } from 'graphql-request';
import { importFolder } from '../../src/import/importer';
import { TestApp, startTestApp } from '../support/app';
import { NETWORK_400 } from '../support/fixtures';
import { csvRows } from '../support/network400';

/** HCP.influence.explanation through the API on the 400-HCP network, checked against networkx PageRank. */
const expected = JSON.parse(fs.readFileSync(path.join(NETWORK_400, 'expected.json'), 'utf8')) as { pagerank: Record<string, number> };

const EXPLAIN = gql`
  query ($id: ID!, $first: Int) {
    hcp(id: $id) {
      influence {
        pagerank
        explanation {
          pagerank {
            score
            inNeighbours
            inflowShare
            danglingShare
            teleportShare
            contributors(first: $first) {
              amount
              share
              fraction
              hcp {
                id
              }
            }
          }
          betweenness {
            score
            community {
              id
            }
            bridges {
              ties
              weight
              community {
                id
                size
              }
            }
          }
          composite {
            score
            signals {
              signal
              value
              percentile
              weight
              contribution
            }
          }
        }
      }
      community {
        id
      }
    }
  }
`;

interface Explained {
  hcp: {
    influence: {
      pagerank: number;
      explanation: {
        pagerank: {
          score: number;
          inNeighbours: number;
          inflowShare: number;
          danglingShare: number;
          teleportShare: number;
          contributors: { amount: number; share: number; fraction: number; hcp: { id: string } }[];
        };
        betweenness: {
          score: number;
          community: { id: string };
          bridges: { ties: number; weight: number; community: { id: string; size: number } }[];
        };
        composite: {
          score: number;
          signals: { signal: string; value: number; percentile: number; weight: number; contribution: number }[];
        };
      };
    };
    community: { id: string };
  };
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await importFolder(t.db, NETWORK_400);
});
afterAll(() => t.stop());

/** Out-weights and in-links of the PageRank graph, read from the CSV independently of the API. */
function pagerankGraph() {
  const out = new Map<string, number>();
  const into = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, w: number) => {
    out.set(from, (out.get(from) ?? 0) + w);
    const row = into.get(to) ?? new Map<string, number>();
    row.set(from, (row.get(from) ?? 0) + w);
    into.set(to, row);
  };
  for (const link of csvRows('hcp_links.csv')) {
    add(link.sourceId, link.targetId, Number(link.weight));
    if (link.type !== 'REFERRAL') add(link.targetId, link.sourceId, Number(link.weight));
  }
  return { out, into };
}

describe('PageRank explanation', () => {
  const graph = pagerankGraph();

  it.each(['hcp-00000', 'hcp-00042', 'hcp-00123', 'hcp-00399'])('%s: inflows from networkx ranks, shares summing to 1', async (id) => {
    const data = await t.client().request<Explained>(EXPLAIN, { id, first: 10000 });
    const pr = data.hcp.influence.explanation.pagerank;
    expect(Math.abs(pr.score - expected.pagerank[id])).toBeLessThan(1e-6);
    const inLinks = graph.into.get(id) ?? new Map<string, number>();
    expect(pr.inNeighbours).toBe(inLinks.size);
    expect(pr.contributors.map((c) => c.hcp.id).sort()).toEqual([...inLinks.keys()].sort());
    for (const c of pr.contributors) {
      const fraction = inLinks.get(c.hcp.id)! / graph.out.get(c.hcp.id)!;
      expect(c.fraction).toBeCloseTo(fraction, 12);
      expect(Math.abs(c.amount - 0.85 * expected.pagerank[c.hcp.id] * fraction)).toBeLessThan(1e-6);
    }
    pr.contributors.forEach((c, i) => i > 0 && expect(pr.contributors[i - 1].amount).toBeGreaterThanOrEqual(c.amount));
    const contributorShares = pr.contributors.reduce((sum, c) => sum + c.share, 0);
    expect(contributorShares).toBeCloseTo(pr.inflowShare, 12);
    expect(pr.inflowShare + pr.danglingShare + pr.teleportShare).toBeCloseTo(1, 12);
    expect(pr.teleportShare * pr.score).toBeCloseTo(0.15 / 400, 9);
  });

  it('contributors default to the 5 largest', async () => {
    const all = (await t.client().request<Explained>(EXPLAIN, { id: 'hcp-00042', first: 10000 })).hcp.influence.explanation.pagerank
      .contributors;
    const top = (
      await t.client().request<Explained>(gql`
        {
          hcp(id: "hcp-00042") {
            influence {
              explanation {
                pagerank {
                  contributors {
                    amount
                    share
                    fraction
                    hcp {
                      id
                    }
                  }
                }
              }
            }
          }
        }
      `)
    ).hcp.influence.explanation.pagerank.contributors;
    expect(top).toEqual(all.slice(0, 5));
  });

  it('contributors(first: 0): BAD_USER_INPUT', async () => {
    const result = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ hcp(id: "hcp-00042") { influence { explanation { pagerank { contributors(first: 0) { share } } } } } }',
      }),
    }).then((r) => r.json());
    expect(result.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('betweenness and COMPOSITE explanations', () => {
  it('bridges are other communities the ties reach, counted from the CSV', async () => {
    const links = csvRows('hcp_links.csv');
    const data = await t.client().request<Explained>(EXPLAIN, { id: 'hcp-00010', first: 1 });
    const { betweenness } = data.hcp.influence.explanation;
    expect(betweenness.community.id).toBe(data.hcp.community.id);
    const neighbours = new Set(
      links.flatMap((l) => (l.sourceId === 'hcp-00010' ? [l.targetId] : l.targetId === 'hcp-00010' ? [l.sourceId] : [])),
    );
    const members = await t.client().request<{ communities: { communities: { id: string; members: { id: string }[] }[] } }>(gql`
      {
        communities {
          communities {
            id
            members {
              id
            }
          }
        }
      }
    `);
    const communityOf = new Map(members.communities.communities.flatMap((c) => c.members.map((m) => [m.id, c.id] as const)));
    const outside = new Map<string, number>();
    for (const n of neighbours)
      if (communityOf.get(n) !== betweenness.community.id) outside.set(communityOf.get(n)!, (outside.get(communityOf.get(n)!) ?? 0) + 1);
    expect(Object.fromEntries(betweenness.bridges.map((b) => [b.community.id, b.ties]))).toEqual(Object.fromEntries(outside));
    betweenness.bridges.forEach((b, i) => i > 0 && expect(betweenness.bridges[i - 1].ties).toBeGreaterThanOrEqual(b.ties));
  });

  it('COMPOSITE is the sum of weight × percentile; weights sum to 1; signals no HCP has are left out', async () => {
    const ranking = await t.client().request<{ kolRanking: { score: number; hcp: { id: string } }[] }>(gql`
      {
        kolRanking(metric: COMPOSITE, first: 3) {
          score
          hcp {
            id
          }
        }
      }
    `);
    for (const { score, hcp } of ranking.kolRanking) {
      const { composite } = (await t.client().request<Explained>(EXPLAIN, { id: hcp.id, first: 1 })).hcp.influence.explanation;
      expect(composite.score).toBeCloseTo(score, 12);
      // network-400 has no publications or trials.
      expect(composite.signals.map((s) => s.signal)).toEqual(['PAGERANK', 'BETWEENNESS', 'ENGAGEMENT']);
      expect(composite.signals.reduce((sum, s) => sum + s.weight, 0)).toBeCloseTo(1, 12);
      expect(composite.signals.reduce((sum, s) => sum + s.contribution, 0)).toBeCloseTo(composite.score, 12);
      for (const s of composite.signals) expect(s.contribution).toBeCloseTo(s.weight * s.percentile, 14);
    }
  });
});
