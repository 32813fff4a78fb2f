import { gql } from 'graphql-request';
import { TestApp, errorCode } from '../support/app';
import { startExclusiveTestApp } from './exclusive';

/** insights(filter) per audience with paging, and insightTrends per month by category and area. */
let t: TestApp;

beforeAll(async () => {
  t = await startExclusiveTestApp();
  await t.db.write(
    `CREATE (m:MSL {id: 'msl-1', firstName: 'Ines', lastName: 'Zimmer'}), (h:HCP {id: 'hcp-1', firstName: 'Vera', lastName: 'Rossi'})
     CREATE (onc:TherapeuticArea {id: 'ta-onc', name: 'Oncology'}), (card:TherapeuticArea {id: 'ta-card', name: 'Cardiology'})
     CREATE (m)-[:LOGGED]->(i:Interaction {id: 'int-1', date: date('2025-01-10'), channel: 'IN_PERSON', sentiment: 'POSITIVE'})-[:WITH]->(h)
     WITH i, onc, card
     UNWIND [
       ['ins-01', '2025-01-05T09:00:00Z', 'unmet need',  'R_AND_D',         'ta-onc'],
       ['ins-02', '2025-01-20T09:00:00Z', 'Unmet Need',  'R_AND_D',         'ta-onc'],
       ['ins-03', '2025-01-31T23:59:59Z', 'safety',      'REGULATORY',      'ta-card'],
       ['ins-04', '2025-02-01T00:00:00Z', 'competitor',  'MARKETING',       null],
       ['ins-05', '2025-02-14T12:00:00Z', 'unmet need',  'R_AND_D',         'ta-card'],
       ['ins-06', '2025-02-14T12:00:00Z', 'safety',      'MEDICAL_AFFAIRS', 'ta-onc'],
       ['ins-07', '2025-03-03T08:00:00Z', 'unmet need',  'R_AND_D',         'ta-onc']
     ] AS r
     CREATE (s:Insight {id: r[0], createdAt: datetime(r[1]), category: r[2], audience: r[3], text: 'Text ' + r[0]})-[:FROM]->(i)
     FOREACH (a IN CASE r[4] WHEN 'ta-onc' THEN [onc] WHEN 'ta-card' THEN [card] ELSE [] END | CREATE (s)-[:IN_AREA]->(a))`,
  );
});
afterAll(() => t.stop());

const INSIGHTS = gql`
  query ($filter: InsightFilter, $first: Int, $after: String) {
    insights(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          category
          audience
          therapeuticArea {
            id
          }
          interaction {
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
`;
interface Page {
  insights: {
    totalCount: number;
    edges: { node: { id: string; therapeuticArea: { id: string } | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const ids = (page: Page) => page.insights.edges.map((e) => e.node.id);

describe('insights', () => {
  it('lists every insight newest first (same instant: by id)', async () => {
    const page = await t.client().request<Page>(INSIGHTS, {});
    expect(page.insights.totalCount).toBe(7);
    expect(ids(page)).toEqual(['ins-07', 'ins-05', 'ins-06', 'ins-04', 'ins-03', 'ins-02', 'ins-01']);
    expect(page.insights.edges[0].node).toEqual({
      id: 'ins-07',
      category: 'unmet need',
      audience: 'R_AND_D',
      therapeuticArea: { id: 'ta-onc' },
      interaction: { id: 'int-1' },
    });
  });

  it('filters by audience, area, category (case-insensitive) and inclusive dates', async () => {
    const rd = await t.client().request<Page>(INSIGHTS, { filter: { audience: 'R_AND_D' } });
    expect(ids(rd)).toEqual(['ins-07', 'ins-05', 'ins-02', 'ins-01']);
    const onc = await t.client().request<Page>(INSIGHTS, { filter: { audience: 'R_AND_D', therapeuticAreaId: 'ta-onc' } });
    expect(ids(onc)).toEqual(['ins-07', 'ins-02', 'ins-01']);
    const need = await t.client().request<Page>(INSIGHTS, { filter: { category: 'UNMET NEED' } });
    expect(need.insights.totalCount).toBe(4);
    const january = await t.client().request<Page>(INSIGHTS, { filter: { from: '2025-01-20', to: '2025-01-31' } });
    expect(ids(january)).toEqual(['ins-03', 'ins-02']);
    const none = await t.client().request<Page>(INSIGHTS, { filter: { audience: 'MARKETING', therapeuticAreaId: 'ta-onc' } });
    expect(none.insights).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('pages with cursors without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: Page = await t.client().request<Page>(INSIGHTS, { first: 3, after });
      expect(page.insights.totalCount).toBe(7);
      seen.push(...ids(page));
      if (!page.insights.pageInfo.hasNextPage) break;
      after = page.insights.pageInfo.endCursor;
    }
    expect(seen).toEqual(['ins-07', 'ins-05', 'ins-06', 'ins-04', 'ins-03', 'ins-02', 'ins-01']);
  });

  it('includes insights captured through the API', async () => {
    await t.client().request(gql`
      mutation {
        captureInsight(id: "ins-new", interactionId: "int-1", text: "Wants data", category: "data gap", audience: MEDICAL_AFFAIRS) {
          id
        }
      }
    `);
    const page = await t.client().request<Page>(INSIGHTS, { filter: { audience: 'MEDICAL_AFFAIRS' } });
    expect(ids(page)).toEqual(['ins-new', 'ins-06']);
    await t.db.write("MATCH (s:Insight {id: 'ins-new'}) DETACH DELETE s");
  });

  it('rejects bad dates, ranges and cursors with BAD_USER_INPUT', async () => {
    expect(await errorCode(t.client().request(INSIGHTS, { filter: { from: '2025-02-30' } }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(INSIGHTS, { filter: { from: '2025-03-01', to: '2025-02-01' } }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(INSIGHTS, { after: 'nope' }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(INSIGHTS, { filter: { audience: 'SALES' } }))).toBe('BAD_USER_INPUT');
  });
});

const TRENDS = gql`
  query ($from: String, $to: String, $audience: Audience) {
    insightTrends(from: $from, to: $to, audience: $audience) {
      total
      byCategory {
        month
        category
        count
      }
      byTherapeuticArea {
        month
        therapeuticArea {
          id
          name
        }
        count
      }
    }
  }
`;

describe('insightTrends', () => {
  it('counts per month by category and by therapeutic area', async () => {
    const data = await t.client().request<{ insightTrends: unknown }>(TRENDS, {});
    expect(data.insightTrends).toEqual({
      total: 7,
      byCategory: [
        { month: '2025-01', category: 'Unmet Need', count: 2 },
        { month: '2025-01', category: 'safety', count: 1 },
        { month: '2025-02', category: 'competitor', count: 1 },
        { month: '2025-02', category: 'safety', count: 1 },
        { month: '2025-02', category: 'unmet need', count: 1 },
        { month: '2025-03', category: 'unmet need', count: 1 },
      ],
      byTherapeuticArea: [
        { month: '2025-01', therapeuticArea: { id: 'ta-onc', name: 'Oncology' }, count: 2 },
        { month: '2025-01', therapeuticArea: { id: 'ta-card', name: 'Cardiology' }, count: 1 },
        { month: '2025-02', therapeuticArea: { id: 'ta-card', name: 'Cardiology' }, count: 1 },
        { month: '2025-02', therapeuticArea: { id: 'ta-onc', name: 'Oncology' }, count: 1 },
        { month: '2025-02', therapeuticArea: null, count: 1 },
        { month: '2025-03', therapeuticArea: { id: 'ta-onc', name: 'Oncology' }, count: 1 },
      ],
    });
  });

  it('restricts to a date range and an audience', async () => {
    const data = await t.client().request<{ insightTrends: { total: number; byCategory: unknown[] } }>(TRENDS, {
      from: '2025-02-01',
      to: '2025-02-28',
      audience: 'R_AND_D',
    });
    expect(data.insightTrends.total).toBe(1);
    expect(data.insightTrends.byCategory).toEqual([{ month: '2025-02', category: 'unmet need', count: 1 }]);
    const empty = await t.client().request<{ insightTrends: unknown }>(TRENDS, { from: '2030-01-01' });
    expect(empty.insightTrends).toEqual({ total: 0, byCategory: [], byTherapeuticArea: [] });
  });
});
