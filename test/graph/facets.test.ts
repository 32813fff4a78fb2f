import { gql } from 'graphql-request';
import { HcpFilter } from '../../src/graph/hcp/hcp.input';
import { TestApp, startTestApp } from '../support/app';
import { importNetwork400 } from '../support/network400';

/**
 * hcpFacets over network-400: every count is checked against what `hcps` lists when the filter
 * selects that value (disjunctive: the facet's own criterion replaced, the others kept).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await importNetwork400(t.db);
  await t.db.write('CALL db.awaitIndexes(60)');
});
afterAll(() => t.stop());

interface FacetValue {
  value: string;
  label: string;
  count: number;
}
type Facets = Record<Dimension, FacetValue[]>;
type Dimension = 'territories' | 'therapeuticAreas' | 'specialties' | 'institutions';
const CRITERION: Record<Dimension, keyof HcpFilter> = {
  territories: 'territoryId',
  therapeuticAreas: 'therapeuticAreaId',
  specialties: 'specialty',
  institutions: 'institutionId',
};

const FACETS = gql`
  query Facets($filter: HcpFilter, $first: Int) {
    hcps(filter: $filter, first: 1) {
      totalCount
    }
    hcpFacets(filter: $filter) {
      territories(first: $first) {
        value
        label
        count
      }
      therapeuticAreas(first: $first) {
        value
        label
        count
      }
      specialties(first: $first) {
        value
        label
        count
      }
      institutions(first: $first) {
        value
        label
        count
      }
    }
  }
`;

const facetsOf = (filter: HcpFilter, first = 100) =>
  t.client().request<{ hcps: { totalCount: number }; hcpFacets: Facets }>(FACETS, { filter, first });

/** totalCount of `hcps` for each filter, 40 aliased counts per request. */
async function totals(filters: HcpFilter[]): Promise<number[]> {
  const counts: number[] = [];
  for (let i = 0; i < filters.length; i += 40) {
    const chunk = filters.slice(i, i + 40);
    const variables = Object.fromEntries(chunk.map((filter, j) => [`f${j}`, filter]));
    const query = `query (${chunk.map((_, j) => `$f${j}: HcpFilter`).join(', ')}) { ${chunk
      .map((_, j) => `c${j}: hcps(filter: $f${j}, first: 1) { totalCount }`)
      .join(' ')} }`;
    const data = await t.client().request<Record<string, { totalCount: number }>>(query, variables);
    counts.push(...chunk.map((_, j) => data[`c${j}`].totalCount));
  }
  return counts;
}

const FILTERS: HcpFilter[] = [
  {},
  { search: 'boston' },
  { search: 'oncology' },
  { territoryId: 'ter-ne' },
  { search: 'card', territoryId: 'ter-uk' },
  { therapeuticAreaId: 'ta-onc', specialty: 'Medical Oncology' },
  { institutionId: 'inst-ne-01', search: 'boston' },
];

describe('hcpFacets', () => {
  it.each(FILTERS)('counts exactly what hcps lists with each value selected: %j', async (filter) => {
    const { hcps, hcpFacets } = await facetsOf(filter);
    const checks: { dimension: Dimension; value: FacetValue; filter: HcpFilter }[] = [];
    for (const dimension of Object.keys(CRITERION) as Dimension[]) {
      const values = hcpFacets[dimension];
      if (filter[CRITERION[dimension]] == null && hcps.totalCount > 0) expect(values.length).toBeGreaterThan(0);
      for (const value of values) checks.push({ dimension, value, filter: { ...filter, [CRITERION[dimension]]: value.value } });
      // By count, then label, then value; no empty value.
      const ordered = [...values].sort(
        (a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.value < b.value ? -1 : 1),
      );
      expect(values).toEqual(ordered);
      expect(values.every((v) => v.count > 0)).toBe(true);
    }
    const expected = await totals(checks.map((check) => check.filter));
    expect(checks.map((check) => `${check.dimension} ${check.value.value}: ${check.value.count}`)).toEqual(
      checks.map((check, i) => `${check.dimension} ${check.value.value}: ${expected[i]}`),
    );
  });

  it('ignores a facet’s own criterion and applies the others (disjunctive)', async () => {
    const all = (await facetsOf({})).hcpFacets;
    const inNe = await facetsOf({ territoryId: 'ter-ne' });
    // The territory list is the same as without the territory selected: the user can switch.
    expect(inNe.hcpFacets.territories).toEqual(all.territories);
    expect(inNe.hcpFacets.territories.length).toBeGreaterThan(1);
    // The other lists narrow to the territory: each HCP has one specialty, so they add up to its total.
    const specialties = inNe.hcpFacets.specialties.reduce((sum, v) => sum + v.count, 0);
    expect(specialties).toBe(inNe.hcps.totalCount);
    expect(inNe.hcps.totalCount).toBeLessThan((await facetsOf({})).hcps.totalCount);
    expect(inNe.hcpFacets.institutions.every((v) => v.value.startsWith('inst-ne-'))).toBe(true);
  });

  it('labels entities by name and specialties by themselves, and caps each list at `first`', async () => {
    const { hcpFacets } = await facetsOf({}, 3);
    expect(hcpFacets.institutions).toHaveLength(3);
    expect(hcpFacets.territories[0].label).not.toBe(hcpFacets.territories[0].value);
    expect(hcpFacets.specialties.every((v) => v.label === v.value)).toBe(true);
    const defaults = await t.client().request<{ hcpFacets: { institutions: unknown[] } }>(gql`
      {
        hcpFacets {
          institutions {
            value
          }
        }
      }
    `);
    expect(defaults.hcpFacets.institutions).toHaveLength(10);
  });

  it('finds nothing for unknown values and words', async () => {
    const { hcpFacets } = await facetsOf({ territoryId: 'ter-nowhere', search: 'zzzzqqq' });
    expect(hcpFacets).toEqual({ territories: [], therapeuticAreas: [], specialties: [], institutions: [] });
  });

  it('refuses a bad `first` or search text with BAD_USER_INPUT naming the field', async () => {
    const ask = (first: number, search = 'x') =>
      t.client().request(
        gql`
          query ($first: Int, $search: String) {
            hcpFacets(filter: { search: $search }) {
              territories(first: $first) {
                value
              }
            }
          }
        `,
        { first, search },
      );
    const failure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => undefined,
        (e: { response?: { errors?: { extensions?: { code?: string; field?: string } }[] } }) => e.response?.errors?.[0]?.extensions,
      );
      return error && { code: error.code, field: error.field };
    };
    expect(await failure(ask(0))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await failure(ask(101))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await failure(ask(5, 'x'.repeat(201)))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    await ask(100).catch(() => {
      throw new Error('first: 100 must pass');
    });
  });
});
