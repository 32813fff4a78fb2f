import { gql } from 'graphql-request';
import { toFulltextQueries } from '../../src/graph/hcp/hcp.search';
import { TestApp, errorCode, startTestApp } from '../support/app';

describe('toFulltextQueries', () => {
  it('folds accents and case, escapes, prefixes every word and lets long words have one typo', () => {
    expect(toFulltextQueries('  Müller  Onc ')).toEqual(['muller* OR muller~1', 'onc*']);
    expect(toFulltextQueries('a+b (c)')).toEqual(['a\\+b*', '\\(c\\)*']);
  });
  it('refuses overlong text naming the field', () => {
    expect(() => toFulltextQueries('x'.repeat(201))).toThrow(/filter.search/);
  });
});

describe('hcps(filter: {search})', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.db.write(`
      CREATE (b:Institution {id: 'inst-b', name: 'Massachusetts General', city: 'Boston'}), (p:Institution {id: 'inst-p', name: 'Hôpital Pitié', city: 'Paris'})
      CREATE (:HCP {id: 'hcp-1', firstName: 'Ada', lastName: 'Lovelace', specialty: 'Oncology'})-[:AFFILIATED_WITH]->(b)
      CREATE (:HCP {id: 'hcp-2', firstName: 'Ben', lastName: 'Boston', specialty: 'Cardiology'})-[:AFFILIATED_WITH]->(p)
      CREATE (:HCP {id: 'hcp-3', firstName: 'Chloé', lastName: 'Müller', specialty: 'Oncology'})-[:AFFILIATED_WITH]->(p)
      CREATE (:HCP {id: 'hcp-4', firstName: 'Dan', lastName: 'Smith', specialty: 'Cardiology'})-[:AFFILIATED_WITH]->(b)
    `);
    await t.db.write('CALL db.awaitIndexes(60)');
  });
  afterAll(() => t.stop());

  const search = async (text: string): Promise<string[]> =>
    (
      await t.client().request<{ hcps: { edges: { node: { id: string } }[] } }>(
        gql`
          query ($s: String) {
            hcps(first: 50, filter: { search: $s }) {
              edges {
                node {
                  id
                }
              }
            }
          }
        `,
        { s: text },
      )
    ).hcps.edges
      .map((e) => e.node.id)
      .sort();

  it('matches every word against name, specialty, institution name or city', async () => {
    expect(await search('Oncology Boston')).toEqual(['hcp-1']);
    expect(await search('boston')).toEqual(['hcp-1', 'hcp-2', 'hcp-4']);
    expect(await search('cardio massachusetts')).toEqual(['hcp-4']);
    expect(await search('onc par')).toEqual(['hcp-3']);
  });

  it('ignores case and accents, either way', async () => {
    expect(await search('MULLER')).toEqual(['hcp-3']);
    expect(await search('chloe hopital')).toEqual(['hcp-3']);
    expect(await search('Pitie')).toEqual(['hcp-2', 'hcp-3']);
  });

  it('tolerates one typo in words of five letters or more, not in shorter ones', async () => {
    expect(await search('Oncolgy Bostn')).toEqual(['hcp-1']);
    expect(await search('Lovelac')).toEqual(['hcp-1']);
    expect(await search('Smoth')).toEqual(['hcp-4']);
    expect(await search('Dab')).toEqual([]);
    expect(await search('Oncxxgy')).toEqual([]);
  });

  it('ranks by relevance and finds nothing for operators', async () => {
    const ranked = (
      await t.client().request<{ hcps: { edges: { node: { id: string } }[] } }>(gql`
        {
          hcps(first: 5, filter: { search: "boston" }) {
            edges {
              node {
                id
              }
            }
          }
        }
      `)
    ).hcps.edges.map((e) => e.node.id);
    expect(ranked[0]).toBe('hcp-2'); // the name matches exactly; the others through their institution's city
    expect(await search('onc) OR (*')).toEqual([]);
    expect(
      await errorCode(
        t.client().request(
          gql`
            query ($s: String) {
              hcps(filter: { search: $s }) {
                totalCount
              }
            }
          `,
          { s: 'x'.repeat(201) },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
