import { gql } from 'graphql-request';
import { TestApp, startTestApp } from '../support/app';
import { importNetwork400 } from '../support/network400';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await importNetwork400(t.db);
}, 120000);
afterAll(() => t.stop());

const NESTED = gql`
  query ($first: Int) {
    hcps(first: $first) {
      edges {
        node {
          institution {
            name
          }
          territory {
            id
          }
          therapeuticAreas {
            id
          }
          links {
            weight
            hcp {
              name
              institution {
                name
              }
            }
          }
          mslRelationships {
            msl {
              name
            }
          }
        }
      }
    }
  }
`;

/** Statements the server's Database ran for one request (the same instance the server uses). */
async function statementsFor(query: string, variables: Record<string, unknown>): Promise<number> {
  const before = t.db.statements;
  await t.client().request(query, variables);
  return t.db.statements - before;
}

describe('no N+1', () => {
  it('runs a constant number of statements for a nested query, whatever the page size', async () => {
    const ten = await statementsFor(NESTED, { first: 10 });
    const hundred = await statementsFor(NESTED, { first: 100 });
    // hcps (1) + institution, territory, areas, links, relationships (5) + linked HCPs (1) + their institutions (1) + MSLs (1)
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(9);
  });

  it('batches paginated and nested relations per level', async () => {
    const query = gql`
      query ($first: Int) {
        territories {
          hcps(first: $first) {
            edges {
              node {
                interactions(first: 5) {
                  edges {
                    node {
                      msl {
                        name
                      }
                      insights {
                        text
                      }
                    }
                  }
                }
                publications {
                  title
                }
                trials {
                  title
                }
              }
            }
          }
          institutions {
            hcps(first: 3) {
              totalCount
            }
            territory {
              id
            }
          }
          msls {
            relationships {
              hcp {
                name
              }
            }
            interactions(first: 2) {
              totalCount
            }
          }
        }
      }
    `;
    const small = await statementsFor(query, { first: 2 });
    const large = await statementsFor(query, { first: 50 });
    // territories, their HCP pages, institutions, MSLs (4); interactions, publications, trials of the HCPs (3);
    // interaction MSLs and insights (2); institution HCP pages and territories (2); MSL relationships, their HCPs, MSL interactions (3)
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(14);
  });
});
