import { gql } from 'graphql-request';
import { TestApp, startTestApp } from '../support/app';
import { csvRows, importNetwork400 } from '../support/network400';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await importNetwork400(t.db);
}, 120000);
afterAll(() => t.stop());

interface Link {
  type: string;
  weight: number;
  direction: string;
  hcp: { id: string };
}

/** Expected links per HCP from hcp_links.csv: symmetric ones seen from both ends, REFERRAL as OUTGOING/INCOMING. */
function expectedLinks(): Map<string, Link[]> {
  const byHcp = new Map<string, Link[]>();
  const add = (id: string, link: Link) => byHcp.set(id, [...(byHcp.get(id) ?? []), link]);
  for (const row of csvRows('hcp_links.csv')) {
    const weight = Number(row.weight);
    const referral = row.type === 'REFERRAL';
    add(row.sourceId, { type: row.type, weight, direction: referral ? 'OUTGOING' : 'UNDIRECTED', hcp: { id: row.targetId } });
    add(row.targetId, { type: row.type, weight, direction: referral ? 'INCOMING' : 'UNDIRECTED', hcp: { id: row.sourceId } });
  }
  for (const links of byHcp.values()) {
    links.sort((a, b) => b.weight - a.weight || a.hcp.id.localeCompare(b.hcp.id) || a.type.localeCompare(b.type));
  }
  return byHcp;
}

describe('hcp relations against network-400', () => {
  it('gives every HCP its links in both directions, by weight, with REFERRAL direction', async () => {
    const data = await t.client().request<{ hcps: { edges: { node: { id: string; links: Link[] } }[] } }>(gql`
      {
        hcps(first: 400) {
          edges {
            node {
              id
              links {
                type
                weight
                direction
                hcp {
                  id
                }
              }
            }
          }
        }
      }
    `);
    const expected = expectedLinks();
    expect(data.hcps.edges).toHaveLength(400);
    for (const { node } of data.hcps.edges) expect([node.id, node.links]).toEqual([node.id, expected.get(node.id) ?? []]);
  });

  it('filters links by type and limits them with first', async () => {
    const data = await t.client().request<{ hcp: { referrals: Link[]; top: Link[]; none: Link[] } }>(gql`
      {
        hcp(id: "hcp-00129") {
          referrals: links(types: [REFERRAL]) {
            type
            weight
            direction
            hcp {
              id
            }
          }
          top: links(first: 2) {
            type
            weight
            hcp {
              id
            }
          }
          none: links(types: []) {
            type
          }
        }
      }
    `);
    expect(data.hcp.referrals).toEqual([{ type: 'REFERRAL', weight: 0.164, direction: 'OUTGOING', hcp: { id: 'hcp-00202' } }]);
    expect(data.hcp.top).toEqual([
      { type: 'CO_INVESTIGATOR', weight: 0.792, hcp: { id: 'hcp-00384' } },
      { type: 'COLLEAGUE', weight: 0.768, hcp: { id: 'hcp-00016' } },
    ]);
    expect(data.hcp.none).toEqual([]);
  });

  it('gives MSL relationships from both ends, matching msl_relationships.csv', async () => {
    const rows = csvRows('msl_relationships.csv');
    const data = await t.client().request<{
      msls: {
        id: string;
        relationships: { strength: number; baseStrength: number; since: string; hcp: { id: string }; msl: { id: string } }[];
      }[];
    }>(gql`
      {
        msls {
          id
          relationships {
            strength
            baseStrength
            since
            hcp {
              id
            }
            msl {
              id
            }
          }
        }
      }
    `);
    const got = data.msls.flatMap((m) =>
      m.relationships.map((r) => ({ mslId: r.msl.id, hcpId: r.hcp.id, strength: r.strength, since: r.since })),
    );
    const want = rows.map((r) => ({ mslId: r.mslId, hcpId: r.hcpId, strength: Number(r.strength), since: r.since }));
    const order = (a: { mslId: string; hcpId: string }, b: { mslId: string; hcpId: string }) =>
      `${a.mslId} ${a.hcpId}`.localeCompare(`${b.mslId} ${b.hcpId}`);
    expect([...got].sort(order)).toEqual([...want].sort(order));
    for (const msl of data.msls) {
      const strengths = msl.relationships.map((r) => r.strength);
      expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    }

    const hcp = await t.client().request<{
      hcp: { mslRelationships: { strength: number; since: string; lastContact: string; msl: { id: string; name: string } }[] };
    }>(gql`
      {
        hcp(id: "hcp-00129") {
          mslRelationships {
            strength
            since
            lastContact
            msl {
              id
              name
            }
          }
        }
      }
    `);
    expect(hcp.hcp.mslRelationships).toEqual([
      { strength: 0.711, since: '2025-01-28', lastContact: '2025-07-12', msl: { id: 'msl-000', name: 'Ines Zimmer' } },
    ]);
  });

  it('lists interactions newest first with their MSL and HCP, paginated', async () => {
    const rows = csvRows('interactions.csv').filter((r) => r.hcpId === 'hcp-00129');
    const want = rows
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
      .map((r) => ({
        id: r.id,
        date: r.date,
        channel: r.channel,
        topic: r.topic || null,
        sentiment: r.sentiment,
        msl: { id: r.mslId },
        hcp: { id: r.hcpId },
      }));
    const q = gql`
      query ($after: String) {
        hcp(id: "hcp-00129") {
          interactions(first: 3, after: $after) {
            totalCount
            edges {
              cursor
              node {
                id
                date
                channel
                topic
                sentiment
                msl {
                  id
                }
                hcp {
                  id
                }
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      }
    `;
    type R = {
      hcp: { interactions: { totalCount: number; edges: { node: unknown }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    };
    const first = await t.client().request<R>(q);
    expect(first.hcp.interactions.totalCount).toBe(want.length);
    expect(first.hcp.interactions.edges.map((e) => e.node)).toEqual(want.slice(0, 3));
    expect(first.hcp.interactions.pageInfo.hasNextPage).toBe(want.length > 3);
    const second = await t.client().request<R>(q, { after: first.hcp.interactions.pageInfo.endCursor });
    expect(second.hcp.interactions.edges.map((e) => e.node)).toEqual(want.slice(3, 6));
  });

  it("gives an MSL's interactions newest first, covering interactions.csv", async () => {
    const data = await t
      .client()
      .request<{ msls: { id: string; interactions: { totalCount: number; edges: { node: { id: string; date: string } }[] } }[] }>(gql`
        {
          msls {
            id
            interactions(first: 100) {
              totalCount
              edges {
                node {
                  id
                  date
                }
              }
            }
          }
        }
      `);
    const rows = csvRows('interactions.csv');
    for (const msl of data.msls) {
      const want = rows
        .filter((r) => r.mslId === msl.id)
        .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
        .map((r) => ({ id: r.id, date: r.date }));
      expect(msl.interactions.totalCount).toBe(want.length);
      expect(msl.interactions.edges.map((e) => e.node)).toEqual(want);
    }
  });

  it('gives institutions and territories their HCPs, institutions and MSLs', async () => {
    const hcps = csvRows('hcps.csv');
    const data = await t.client().request<{
      territories: {
        id: string;
        hcps: { totalCount: number; edges: { node: { id: string } }[] };
        institutions: { id: string; territory: { id: string }; hcps: { totalCount: number } }[];
        msls: { id: string }[];
      }[];
    }>(gql`
      {
        territories {
          id
          hcps(first: 400) {
            totalCount
            edges {
              node {
                id
              }
            }
          }
          institutions {
            id
            territory {
              id
            }
            hcps {
              totalCount
            }
          }
          msls {
            id
          }
        }
      }
    `);
    expect(data.territories.map((x) => x.id)).toEqual(
      csvRows('territories.csv')
        .map((r) => r.id)
        .sort(),
    );
    for (const territory of data.territories) {
      const want = hcps
        .filter((h) => h.territoryId === territory.id)
        .map((h) => h.id)
        .sort();
      expect(territory.hcps.totalCount).toBe(want.length);
      expect(territory.hcps.edges.map((e) => e.node.id)).toEqual(want);
      const institutions = csvRows('institutions.csv')
        .filter((i) => i.territoryId === territory.id)
        .map((i) => i.id)
        .sort();
      expect(territory.institutions.map((i) => i.id)).toEqual(institutions);
      for (const institution of territory.institutions) {
        expect(institution.territory.id).toBe(territory.id);
        expect(institution.hcps.totalCount).toBe(hcps.filter((h) => h.institutionId === institution.id).length);
      }
      expect(territory.msls.map((m) => m.id)).toEqual(
        csvRows('msls.csv')
          .filter((m) => m.territoryId === territory.id)
          .map((m) => m.id)
          .sort(),
      );
    }
  });

  it('looks up institutions, territories, areas and interactions by id, null when unknown', async () => {
    const data = await t.client().request<Record<string, unknown>>(gql`
      {
        institution(id: "inst-ne-01") {
          id
          name
          city
          territory {
            id
          }
        }
        noInstitution: institution(id: "inst-x") {
          id
        }
        territory(id: "ter-ne") {
          id
          name
          region
        }
        noTerritory: territory(id: "ter-x") {
          id
        }
        therapeuticAreas {
          id
          name
        }
        interaction(id: "int-00000-0") {
          id
          date
          channel
          sentiment
          topic
          notes
          insights {
            id
          }
          msl {
            id
          }
          hcp {
            id
          }
        }
        noInteraction: interaction(id: "int-x") {
          id
        }
      }
    `);
    expect(data).toMatchObject({
      institution: { id: 'inst-ne-01', city: 'Boston', territory: { id: 'ter-ne' } },
      noInstitution: null,
      territory: { id: 'ter-ne', name: 'Northeast', region: 'US' },
      noTerritory: null,
      interaction: {
        id: 'int-00000-0',
        date: '2025-02-14',
        channel: 'PHONE',
        sentiment: 'POSITIVE',
        topic: 'safety profile',
        notes: null,
        insights: [],
        msl: { id: 'msl-000' },
        hcp: { id: 'hcp-00129' },
      },
      noInteraction: null,
    });
    expect((data.therapeuticAreas as { id: string }[]).map((a) => a.id)).toEqual(
      csvRows('therapeutic_areas.csv')
        .map((r) => r.id)
        .sort(),
    );
  });
});
