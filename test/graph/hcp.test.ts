import { gql } from 'graphql-request';
import { TestApp, errorCode, startTestApp } from '../support/app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await t.db.write(`
    CREATE (ne:Territory {id: 'ter-ne', name: 'Northeast', region: 'US'})
    CREATE (onc:TherapeuticArea {id: 'ta-onc', name: 'Oncology'})
    CREATE (card:TherapeuticArea {id: 'ta-card', name: 'Cardiology'})
    CREATE (inst:Institution {id: 'inst-1', name: 'Boston Memorial', type: 'ACADEMIC_MEDICAL_CENTER', city: 'Boston', country: 'US'})-[:IN_TERRITORY]->(ne)
    CREATE (m:MSL {id: 'msl-1', firstName: 'Ines', lastName: 'Zimmer', email: 'ines@pharma.example'})-[:COVERS]->(ne)
    CREATE (m)-[:FOCUSES_ON]->(onc)
    WITH inst, ne, onc, card
    UNWIND range(0, 24) AS i
    CREATE (h:HCP {id: 'hcp-' + right('0000' + toString(i), 5), firstName: 'First' + i, lastName: CASE WHEN i = 7 THEN 'Okonkwo' ELSE 'Last' + i END,
                   specialty: CASE WHEN i % 2 = 0 THEN 'Medical Oncology' ELSE 'Cardiology' END, email: 'h' + i + '@example.org'})
    CREATE (h)-[:AFFILIATED_WITH]->(inst), (h)-[:IN_TERRITORY]->(ne)
    WITH h, CASE WHEN i % 2 = 0 THEN onc ELSE card END AS area
    CREATE (h)-[:SPECIALIZES_IN]->(area)
  `);
  await t.db.write('CALL db.awaitIndexes(60)');
});
afterAll(() => t.stop());

const HCP = gql`
  query ($id: ID!) {
    hcp(id: $id) {
      id
      name
      firstName
      lastName
      specialty
      email
      institution {
        id
        name
        city
      }
      territory {
        id
        name
        region
      }
      therapeuticAreas {
        id
        name
      }
    }
  }
`;

const PAGE = gql`
  query ($first: Int, $after: String, $filter: HcpFilter) {
    hcps(first: $first, after: $after, filter: $filter) {
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
`;

interface PageResult {
  hcps: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('hcp', () => {
  it('returns an HCP with its institution, territory and areas', async () => {
    const data = await t.client().request<{ hcp: Record<string, unknown> }>(HCP, { id: 'hcp-00007' });
    expect(data.hcp).toEqual({
      id: 'hcp-00007',
      name: 'First7 Okonkwo',
      firstName: 'First7',
      lastName: 'Okonkwo',
      specialty: 'Cardiology',
      email: 'h7@example.org',
      institution: { id: 'inst-1', name: 'Boston Memorial', city: 'Boston' },
      territory: { id: 'ter-ne', name: 'Northeast', region: 'US' },
      therapeuticAreas: [{ id: 'ta-card', name: 'Cardiology' }],
    });
  });

  it('returns null for an unknown id', async () => {
    const data = await t.client().request<{ hcp: null }>(HCP, { id: 'hcp-nope' });
    expect(data.hcp).toBeNull();
  });
});

describe('hcps', () => {
  it('pages through every HCP in id order without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const data: PageResult = await t.client().request<PageResult>(PAGE, { first: 10, after });
      expect(data.hcps.totalCount).toBe(25);
      seen.push(...data.hcps.edges.map((e) => e.node.id));
      if (!data.hcps.pageInfo.hasNextPage) break;
      after = data.hcps.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(25);
  });

  it('ends with an empty last page after the final cursor', async () => {
    const all = await t.client().request<PageResult>(PAGE, { first: 25 });
    expect(all.hcps.pageInfo.hasNextPage).toBe(false);
    const after = await t.client().request<PageResult>(PAGE, { first: 5, after: all.hcps.pageInfo.endCursor });
    expect(after.hcps.edges).toEqual([]);
    expect(after.hcps.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('filters by territory, area, institution and specialty', async () => {
    const onc = await t.client().request<PageResult>(PAGE, { filter: { therapeuticAreaId: 'ta-onc' }, first: 100 });
    expect(onc.hcps.totalCount).toBe(13);
    const none = await t.client().request<PageResult>(PAGE, { filter: { territoryId: 'ter-elsewhere' } });
    expect(none.hcps).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const cardio = await t.client().request<PageResult>(PAGE, { filter: { specialty: 'Cardiology', institutionId: 'inst-1' }, first: 100 });
    expect(cardio.hcps.totalCount).toBe(12);
  });

  it('searches names, specialties and institutions in full text', async () => {
    const byName = await t.client().request<PageResult>(PAGE, { filter: { search: 'okonk' } });
    expect(byName.hcps.edges.map((e) => e.node.id)).toEqual(['hcp-00007']);
    const byInstitution = await t.client().request<PageResult>(PAGE, { filter: { search: 'Boston Memorial' }, first: 100 });
    expect(byInstitution.hcps.totalCount).toBe(25);
    const special = await t.client().request<PageResult>(PAGE, { filter: { search: 'onc) OR (*' } });
    expect(special.hcps.totalCount).toBe(0);
  });

  it('rejects a bad cursor and a bad page size with BAD_USER_INPUT', async () => {
    expect(await errorCode(t.client().request(PAGE, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(PAGE, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(PAGE, { first: 10001 }))).toBe('BAD_USER_INPUT');
  });
});

describe('msl', () => {
  it('returns an MSL with territory and areas, or null', async () => {
    const data = await t.client().request<{ msl: unknown; none: unknown }>(gql`
      {
        msl(id: "msl-1") {
          id
          name
          email
          territory {
            id
          }
          therapeuticAreas {
            id
          }
        }
        none: msl(id: "msl-x") {
          id
        }
      }
    `);
    expect(data).toEqual({
      msl: {
        id: 'msl-1',
        name: 'Ines Zimmer',
        email: 'ines@pharma.example',
        territory: { id: 'ter-ne' },
        therapeuticAreas: [{ id: 'ta-onc' }],
      },
      none: null,
    });
  });
});
