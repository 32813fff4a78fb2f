import { gql } from 'graphql-request';
import { TestApp, errorCode, startTestApp } from '../support/app';
import { seedSmallGraph } from '../support/fixture';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedSmallGraph(t.db);
  // hcp-2: 7 interactions with msl-2 (two on the same day), 12 HCPs at inst-b / ter-b; publications and trials
  await t.db.write(`
    MATCH (m:MSL {id: 'msl-2'}), (h:HCP {id: 'hcp-2'}), (inst:Institution {id: 'inst-b'}), (ter:Territory {id: 'ter-b'}), (onc:TherapeuticArea {id: 'ta-onc'})
    UNWIND range(1, 7) AS n
    CREATE (m)-[:LOGGED]->(:Interaction {id: 'int-p' + n, date: date('2025-01-01') + duration({days: CASE WHEN n = 7 THEN 6 ELSE n END}), channel: 'PHONE', sentiment: 'NEUTRAL'})-[:WITH]->(h)
    WITH DISTINCT inst, ter, onc
    UNWIND range(10, 21) AS n
    CREATE (x:HCP {id: 'hcp-b' + n, firstName: 'B', lastName: toString(n)})-[:AFFILIATED_WITH]->(inst), (x)-[:IN_TERRITORY]->(ter)
  `);
  await t.db.write(`
    MATCH (h1:HCP {id: 'hcp-1'}), (h2:HCP {id: 'hcp-2'}), (h3:HCP {id: 'hcp-3'}), (onc:TherapeuticArea {id: 'ta-onc'})
    CREATE (h2)-[:AUTHORED {position: 1}]->(p1:Publication {id: 'pub-1', title: 'First', year: 2021, journal: 'Lancet'})-[:IN_AREA]->(onc)
    CREATE (h1)-[:AUTHORED {position: 2}]->(p1), (h3)-[:AUTHORED {position: 3}]->(p1)
    CREATE (h1)-[:AUTHORED {position: 1}]->(:Publication {id: 'pub-2', title: 'Second', year: 2024})
    CREATE (h1)-[:INVESTIGATOR_ON {role: 'SUB'}]->(c:ClinicalTrial {id: 'trial-1', title: 'Trial', phase: 'II', status: 'COMPLETED'})-[:IN_AREA]->(onc)
    CREATE (h3)-[:INVESTIGATOR_ON {role: 'PRINCIPAL'}]->(c)
  `);
});
afterAll(() => t.stop());

interface Conn {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CONNECTIONS: Record<string, { query: string; pick: (data: Record<string, Record<string, Conn>>) => Conn; all: string[] }> = {
  'hcp.interactions': {
    query: gql`
      query ($first: Int, $after: String) {
        x: hcp(id: "hcp-2") {
          c: interactions(first: $first, after: $after) {
            totalCount
            edges {
              cursor
              node {
                id
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      }
    `,
    pick: (d) => d.x.c,
    // newest first; int-p6 and int-p7 share 2025-01-07 and go by id
    all: ['int-p6', 'int-p7', 'int-p5', 'int-p4', 'int-p3', 'int-p2', 'int-p1'],
  },
  'msl.interactions': {
    query: gql`
      query ($first: Int, $after: String) {
        x: msl(id: "msl-2") {
          c: interactions(first: $first, after: $after) {
            totalCount
            edges {
              cursor
              node {
                id
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      }
    `,
    pick: (d) => d.x.c,
    all: ['int-p6', 'int-p7', 'int-p5', 'int-p4', 'int-p3', 'int-p2', 'int-p1'],
  },
  'institution.hcps': {
    query: gql`
      query ($first: Int, $after: String) {
        x: institution(id: "inst-b") {
          c: hcps(first: $first, after: $after) {
            totalCount
            edges {
              cursor
              node {
                id
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      }
    `,
    pick: (d) => d.x.c,
    all: Array.from({ length: 12 }, (_, i) => `hcp-b${i + 10}`),
  },
  'territory.hcps': {
    query: gql`
      query ($first: Int, $after: String) {
        x: territory(id: "ter-b") {
          c: hcps(first: $first, after: $after) {
            totalCount
            edges {
              cursor
              node {
                id
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      }
    `,
    pick: (d) => d.x.c,
    all: Array.from({ length: 12 }, (_, i) => `hcp-b${i + 10}`),
  },
};

describe.each(Object.entries(CONNECTIONS))('%s', (_name, c) => {
  const page = async (variables: Record<string, unknown>) =>
    c.pick(await t.client().request<Record<string, Record<string, Conn>>>(c.query, variables));

  it('pages through everything in a stable order, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const p: Conn = await page({ first: 3, after });
      expect(p.totalCount).toBe(c.all.length);
      seen.push(...p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(c.all);
  });

  it('has a short last page and an empty page after it', async () => {
    const last = await page({ first: c.all.length - 1, after: (await page({ first: 1 })).pageInfo.endCursor });
    expect(last.edges.map((e) => e.node.id)).toEqual(c.all.slice(1));
    expect(last.pageInfo.hasNextPage).toBe(false);
    const beyond = await page({ first: 5, after: last.pageInfo.endCursor });
    expect(beyond).toEqual({ totalCount: c.all.length, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('defaults to 20 per page', async () => {
    expect((await page({})).edges).toHaveLength(Math.min(20, c.all.length));
  });

  it('rejects a bad cursor and a bad page size with BAD_USER_INPUT', async () => {
    expect(await errorCode(t.client().request(c.query, { after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(c.query, { after: '!!!' }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(c.query, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(c.query, { first: -1 }))).toBe('BAD_USER_INPUT');
  });
});

describe('empty connections', () => {
  it('are empty with a null endCursor', async () => {
    const empty = { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    await t.db.write(
      "CREATE (:Territory {id: 'ter-empty', name: 'Empty'}), (:Institution {id: 'inst-empty', name: 'Empty'}), (:MSL {id: 'msl-empty', firstName: 'No', lastName: 'One'})",
    );
    const more = await t.client().request<Record<string, Record<string, unknown>>>(gql`
      {
        h: hcp(id: "hcp-4") {
          interactions {
            totalCount
            edges {
              cursor
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
        t: territory(id: "ter-empty") {
          hcps {
            totalCount
            edges {
              cursor
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
          institutions {
            id
          }
          msls {
            id
          }
        }
        i: institution(id: "inst-empty") {
          hcps {
            totalCount
            edges {
              cursor
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
          territory {
            id
          }
        }
        m: msl(id: "msl-empty") {
          interactions {
            totalCount
            edges {
              cursor
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
          relationships {
            strength
          }
        }
      }
    `);
    expect(more).toEqual({
      h: { interactions: empty },
      t: { hcps: empty, institutions: [], msls: [] },
      i: { hcps: empty, territory: null },
      m: { interactions: empty, relationships: [] },
    });
  });
});

describe('publications and trials', () => {
  it('lists an HCP’s publications (newest first) with authors in order and area', async () => {
    const data = await t.client().request<{ hcp: unknown }>(gql`
      {
        hcp(id: "hcp-1") {
          publications {
            id
            title
            year
            journal
            therapeuticArea {
              id
            }
            authors {
              id
            }
          }
          trials {
            id
            title
            phase
            status
            therapeuticArea {
              id
            }
            investigators {
              role
              hcp {
                id
              }
            }
          }
        }
      }
    `);
    expect(data.hcp).toEqual({
      publications: [
        { id: 'pub-2', title: 'Second', year: 2024, journal: null, therapeuticArea: null, authors: [{ id: 'hcp-1' }] },
        {
          id: 'pub-1',
          title: 'First',
          year: 2021,
          journal: 'Lancet',
          therapeuticArea: { id: 'ta-onc' },
          authors: [{ id: 'hcp-2' }, { id: 'hcp-1' }, { id: 'hcp-3' }],
        },
      ],
      trials: [
        {
          id: 'trial-1',
          title: 'Trial',
          phase: 'II',
          status: 'COMPLETED',
          therapeuticArea: { id: 'ta-onc' },
          investigators: [
            { role: 'PRINCIPAL', hcp: { id: 'hcp-3' } },
            { role: 'SUB', hcp: { id: 'hcp-1' } },
          ],
        },
      ],
    });
    const none = await t.client().request<{ hcp: unknown }>(gql`
      {
        hcp(id: "hcp-4") {
          publications {
            id
          }
          trials {
            id
          }
        }
      }
    `);
    expect(none.hcp).toEqual({ publications: [], trials: [] });
  });
});

describe('links(first:)', () => {
  it('rejects a bad `first`', async () => {
    expect(
      await errorCode(
        t.client().request(gql`
          {
            hcp(id: "hcp-1") {
              links(first: 0) {
                weight
              }
            }
          }
        `),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
