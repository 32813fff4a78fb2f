import { gql } from 'graphql-request';
import { importFolder } from '../../src/import/importer';
import { TestApp, errorCode, startTestApp } from '../support/app';
import { NETWORK_400 } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await importFolder(t.db, NETWORK_400);
});
afterAll(() => t.stop());

interface Ranked {
  kolRanking: { rank: number; score: number; hcp: { id: string; territory: { id: string } | null; therapeuticAreas: { id: string }[] } }[];
}

const RANKING = gql`
  query ($metric: InfluenceMetric, $territoryId: ID, $therapeuticAreaId: ID, $first: Int) {
    kolRanking(metric: $metric, territoryId: $territoryId, therapeuticAreaId: $therapeuticAreaId, first: $first) {
      rank
      score
      hcp {
        id
        territory {
          id
        }
        therapeuticAreas {
          id
        }
      }
    }
  }
`;

describe('COMPOSITE', () => {
  it('scores every HCP in 0..1, ranks stably, and is documented in the schema', async () => {
    const first = await t.client().request<Ranked>(RANKING, { metric: 'COMPOSITE', first: 400 });
    const again = await t.client().request<Ranked>(RANKING, { metric: 'COMPOSITE', first: 400 });
    expect(again).toEqual(first);
    expect(first.kolRanking).toHaveLength(400);
    for (const entry of first.kolRanking) expect(entry.score >= 0 && entry.score <= 1).toBe(true);
    const intro = await t.client().request<{ __type: { enumValues: { name: string; description: string }[] } }>(gql`
      {
        __type(name: "InfluenceMetric") {
          enumValues {
            name
            description
          }
        }
      }
    `);
    const composite = intro.__type.enumValues.find((v) => v.name === 'COMPOSITE');
    expect(composite?.description).toMatch(/PageRank 0\.4.*betweenness 0\.15.*publications.*trials.*engagement/);
  });
});

describe('filters', () => {
  it('list only HCPs of the territory and area, scored on the whole network', async () => {
    const all = await t.client().request<Ranked>(RANKING, { first: 400 });
    const scoreOf = new Map(all.kolRanking.map((k) => [k.hcp.id, k.score]));
    const filtered = await t.client().request<Ranked>(RANKING, { territoryId: 'ter-ne', therapeuticAreaId: 'ta-onc', first: 400 });
    expect(filtered.kolRanking.length).toBeGreaterThan(0);
    filtered.kolRanking.forEach((k, i) => {
      expect(k.rank).toBe(i + 1);
      expect(k.hcp.territory?.id).toBe('ter-ne');
      expect(k.hcp.therapeuticAreas.map((a) => a.id)).toContain('ta-onc');
      expect(k.score).toBe(scoreOf.get(k.hcp.id));
    });
  });
});

describe('HCP influence and community', () => {
  it('exposes pagerank, betweenness, degree, rank, percentile and the two typed PageRanks', async () => {
    const data = await t
      .client()
      .request<{ kolRanking: { hcp: { id: string; influence: Record<string, number>; community: { id: string } } }[] }>(gql`
        {
          kolRanking(first: 1) {
            hcp {
              id
              influence {
                pagerank
                betweenness
                degree
                rank
                percentile
                scientificPagerank
                referralPagerank
              }
              community {
                id
              }
            }
          }
        }
      `);
    const { influence, community } = data.kolRanking[0].hcp;
    expect(influence.rank).toBe(1);
    expect(influence.percentile).toBe(100);
    expect(influence.degree).toBeGreaterThan(0);
    expect(influence.scientificPagerank).toBeGreaterThan(0);
    expect(influence.referralPagerank).toBeGreaterThan(0);
    expect(community.id).toMatch(/^community-\d+$/);
  });

  it('scientific and referral PageRanks each sum to 1 over all HCPs', async () => {
    const data = await t
      .client()
      .request<{ hcps: { edges: { node: { influence: { scientificPagerank: number; referralPagerank: number } } }[] } }>(gql`
        {
          hcps(first: 400) {
            edges {
              node {
                influence {
                  scientificPagerank
                  referralPagerank
                }
              }
            }
          }
        }
      `);
    const sum = (key: 'scientificPagerank' | 'referralPagerank') => data.hcps.edges.reduce((s, e) => s + e.node.influence[key], 0);
    expect(sum('scientificPagerank')).toBeCloseTo(1, 9);
    expect(sum('referralPagerank')).toBeCloseTo(1, 9);
  });
});

describe('communities', () => {
  it('list top KOLs and bridges from their own members', async () => {
    const data = await t.client().request<{
      communities: {
        communities: { id: string; size: number; members: { id: string }[]; topKols: { id: string }[]; bridges: { id: string }[] }[];
      };
    }>(gql`
      {
        communities {
          communities {
            id
            size
            members {
              id
            }
            topKols(first: 3) {
              id
            }
            bridges(first: 3) {
              id
            }
          }
        }
      }
    `);
    const list = data.communities.communities;
    for (let i = 1; i < list.length; i++) expect(list[i - 1].size).toBeGreaterThanOrEqual(list[i].size);
    for (const c of list) {
      const members = new Set(c.members.map((m) => m.id));
      expect(c.topKols.length).toBeLessThanOrEqual(3);
      for (const h of [...c.topKols, ...c.bridges]) expect(members.has(h.id)).toBe(true);
    }
  });
});

describe('egoNetwork', () => {
  const EGO = gql`
    query ($id: ID!, $hops: Int, $minWeight: Float, $first: Int) {
      egoNetwork(hcpId: $id, hops: $hops, minWeight: $minWeight, first: $first) {
        truncated
        nodes {
          hcp {
            id
          }
          hops
          pagerank
          communityId
        }
        edges {
          sourceId
          targetId
          weight
          types
        }
      }
    }
  `;
  interface Ego {
    egoNetwork: {
      truncated: boolean;
      nodes: { hcp: { id: string }; hops: number; pagerank: number; communityId: string }[];
      edges: { sourceId: string; targetId: string; weight: number; types: string[] }[];
    };
  }

  it('returns the centre, its neighbours and the ties among them', async () => {
    const { egoNetwork } = await t.client().request<Ego>(EGO, { id: 'hcp-00018', hops: 1 });
    expect(egoNetwork.nodes[0]).toMatchObject({ hcp: { id: 'hcp-00018' }, hops: 0 });
    const ids = new Set(egoNetwork.nodes.map((n) => n.hcp.id));
    for (const e of egoNetwork.edges) {
      expect(ids.has(e.sourceId) && ids.has(e.targetId)).toBe(true);
      expect(e.sourceId < e.targetId).toBe(true);
      expect(e.types.length).toBeGreaterThan(0);
    }
    expect(egoNetwork.nodes.filter((n) => n.hops === 1).length).toBe(
      egoNetwork.edges.filter((e) => e.sourceId === 'hcp-00018' || e.targetId === 'hcp-00018').length,
    );
  });

  it('caps the nodes and says it truncated; filters weak ties', async () => {
    const capped = await t.client().request<Ego>(EGO, { id: 'hcp-00018', hops: 3, first: 5 });
    expect(capped.egoNetwork.nodes).toHaveLength(5);
    expect(capped.egoNetwork.truncated).toBe(true);
    const strong = await t.client().request<Ego>(EGO, { id: 'hcp-00018', hops: 2, minWeight: 0.8 });
    for (const e of strong.egoNetwork.edges) expect(e.weight).toBeGreaterThanOrEqual(0.8);
  });

  it('rejects bad arguments and unknown HCPs', async () => {
    expect(await errorCode(t.client().request(EGO, { id: 'hcp-00018', hops: 4 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(EGO, { id: 'hcp-00018', minWeight: 1.5 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(EGO, { id: 'hcp-00018', first: 0 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(EGO, { id: 'hcp-nope' }))).toBe('NOT_FOUND');
  });
});
