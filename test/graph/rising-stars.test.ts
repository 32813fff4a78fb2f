import fs from 'node:fs';
import path from 'node:path';
import { gql } from 'graphql-request';
import { importFolder } from '../../src/import/importer';
import { TestApp, startTestApp } from '../support/app';
import { FIXTURES, NETWORK_400 } from '../support/fixtures';

/**
 * risingStars and HCP.influenceHistory through the API on the 400-HCP network with the dated
 * publications and trials of test/fixtures/science-400, against networkx answers computed by
 * scripts/oracle/science.py.
 */
const SCIENCE = path.join(FIXTURES, 'science-400');
interface Star {
  id: string;
  growth: number;
  percentileFrom: number;
  percentileTo: number;
  pagerankFrom: number;
  pagerankTo: number;
  publications: number;
  trials: number;
  newTies: number;
}
const expected = JSON.parse(fs.readFileSync(path.join(SCIENCE, 'expected.json'), 'utf8')) as {
  years: Record<string, { pagerank: Record<string, number>; percentile: Record<string, number>; ties: Record<string, number> }>;
  risingStars: { fromYear: number; toYear: number; therapeuticAreaId: string | null; stars: Star[] }[];
};

const STARS = gql`
  query ($fromYear: Int!, $toYear: Int!, $therapeuticAreaId: ID, $first: Int) {
    risingStars(fromYear: $fromYear, toYear: $toYear, therapeuticAreaId: $therapeuticAreaId, first: $first) {
      growth
      percentileFrom
      percentileTo
      pagerankFrom
      pagerankTo
      publications
      trials
      newTies
      hcp {
        id
      }
    }
  }
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await importFolder(t.db, NETWORK_400);
  await importFolder(t.db, SCIENCE);
});
afterAll(() => t.stop());

async function stars(variables: Record<string, unknown>): Promise<Star[]> {
  const data = await t.client().request<{ risingStars: (Omit<Star, 'id'> & { hcp: { id: string } })[] }>(STARS, variables);
  return data.risingStars.map(({ hcp, ...rest }) => ({ id: hcp.id, ...rest }));
}

async function failure(query: string, variables: Record<string, unknown>) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()).errors[0].extensions as { code: string; field?: string };
}

describe('influenceHistory (networkx on network-400 + science-400)', () => {
  it('every HCP, every checked year: PageRank to 1e-6, percentile and ties exactly', async () => {
    const data = await t.client().request<{
      hcps: {
        edges: { node: { id: string; influenceHistory: { year: number; pagerank: number; percentile: number; ties: number }[] } }[];
      };
    }>(gql`
      {
        hcps(first: 400) {
          edges {
            node {
              id
              influenceHistory(fromYear: 2004, toYear: 2024) {
                year
                pagerank
                percentile
                ties
              }
            }
          }
        }
      }
    `);
    expect(data.hcps.edges).toHaveLength(400);
    for (const { node } of data.hcps.edges) {
      expect(node.influenceHistory.map((p) => p.year)).toEqual(Array.from({ length: 21 }, (_, i) => 2004 + i));
      for (const [year, answer] of Object.entries(expected.years)) {
        const point = node.influenceHistory[Number(year) - 2004];
        expect(Math.abs(point.pagerank - answer.pagerank[node.id])).toBeLessThan(1e-6);
        expect(Math.abs(point.percentile - answer.percentile[node.id])).toBeLessThan(1e-9);
        expect(point.ties).toBe(answer.ties[node.id]);
      }
    }
  });
});

describe('risingStars (networkx on network-400 + science-400)', () => {
  it.each(expected.risingStars.map((c) => [`${c.fromYear}-${c.toYear} ${c.therapeuticAreaId ?? 'all'}`, c] as const))(
    '%s: same HCPs, order and evidence',
    async (_name, question) => {
      const listed = await stars({
        fromYear: question.fromYear,
        toYear: question.toYear,
        therapeuticAreaId: question.therapeuticAreaId,
        first: 1000,
      });
      expect(question.stars.length).toBeGreaterThan(10);
      expect(listed.map((s) => s.id)).toEqual(question.stars.map((s) => s.id));
      listed.forEach((star, i) => {
        const want = question.stars[i];
        for (const key of ['growth', 'percentileFrom', 'percentileTo'] as const) expect(Math.abs(star[key] - want[key])).toBeLessThan(1e-9);
        for (const key of ['pagerankFrom', 'pagerankTo'] as const) expect(Math.abs(star[key] - want[key])).toBeLessThan(1e-6);
        expect([star.publications, star.trials, star.newTies]).toEqual([want.publications, want.trials, want.newTies]);
      });
    },
  );

  it('first defaults to 20; trajectories span the period', async () => {
    const data = await t
      .client()
      .request<{ risingStars: { percentileFrom: number; percentileTo: number; trajectory: { year: number; percentile: number }[] }[] }>(gql`
        {
          risingStars(fromYear: 2015, toYear: 2020) {
            percentileFrom
            percentileTo
            trajectory {
              year
              percentile
            }
          }
        }
      `);
    expect(data.risingStars).toHaveLength(20);
    for (const star of data.risingStars) {
      expect(star.trajectory.map((p) => p.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
      expect(star.trajectory[0].percentile).toBe(star.percentileFrom);
      expect(star.trajectory[5].percentile).toBe(star.percentileTo);
    }
  });

  it.each([
    [{ fromYear: 2020, toYear: 2020 }, 'toYear'],
    [{ fromYear: 2020, toYear: 2015 }, 'toYear'],
    [{ fromYear: 1800, toYear: 2015 }, 'fromYear'],
    [{ fromYear: 2000, toYear: 2200 }, 'toYear'],
    [{ fromYear: 1950, toYear: 2020 }, 'toYear'],
    [{ fromYear: 2010, toYear: 2020, first: 0 }, 'first'],
  ])('%j: BAD_USER_INPUT naming %s', async (variables, field) => {
    expect(await failure(STARS, variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('unknown therapeutic area: NOT_FOUND; influenceHistory checks its years too', async () => {
    expect(await failure(STARS, { fromYear: 2010, toYear: 2020, therapeuticAreaId: 'ta-none' })).toMatchObject({ code: 'NOT_FOUND' });
    const history = 'query ($f: Int!, $t: Int!) { hcp(id: "hcp-00001") { influenceHistory(fromYear: $f, toYear: $t) { year } } }';
    expect(await failure(history, { f: 2020, t: 2019 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toYear' });
    expect(await failure(history, { f: 1900, t: 2000 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toYear' });
  });

  it('reflects a committed write: a new dated publication ties its authors from its year on', async () => {
    const query = gql`
      {
        hcp(id: "hcp-00001") {
          influenceHistory(fromYear: 2023, toYear: 2024) {
            year
            ties
            publications
          }
        }
      }
    `;
    const before = (await t.client().request<{ hcp: { influenceHistory: { ties: number; publications: number }[] } }>(query)).hcp
      .influenceHistory;
    await t.db.write(`
      CREATE (p:Publication {id: 'pub-new', title: 'Fresh', year: 2024})
      WITH p MATCH (h:HCP) WHERE h.id IN ['hcp-00001', 'hcp-00002', 'hcp-00003'] CREATE (h)-[:AUTHORED {position: 1}]->(p)`);
    const after = (await t.client().request<{ hcp: { influenceHistory: { ties: number; publications: number }[] } }>(query)).hcp
      .influenceHistory;
    expect(after[0]).toEqual(before[0]);
    expect(after[1].publications).toBe(before[1].publications + 1);
    expect(after[1].ties).toBeGreaterThan(before[1].ties);

    // A year changed by hand moves the work into an earlier year's network.
    await t.db.write(`MATCH (p:Publication {id: 'pub-new'}) SET p.year = 2023`);
    const moved = (await t.client().request<{ hcp: { influenceHistory: { ties: number; publications: number }[] } }>(query)).hcp
      .influenceHistory;
    expect(moved[0].publications).toBe(before[0].publications + 1);
    expect(moved[0].ties).toBeGreaterThan(before[0].ties);
  });
});
