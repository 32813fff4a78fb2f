import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { gql } from '@apollo/client';
import type { ApolloClient } from '@apollo/client';
import { createApolloClient } from '../../examples/apollo';
import { APOLLO_CACHE_FILE, apolloCacheSource } from '../../scripts/codegen-apollo';
import { printedSchema } from '../../src/graph/schema';
import { generateNetwork } from '../../src/import/generate';
import { importNetwork } from '../../src/import/importer';
import { TestApp, startTestApp } from '../support/app';

/**
 * Apollo Client 4 in Node against the server, with the generated cache configuration: views of
 * one HCP asking different fields merge, fragments on interfaces match, connections page forward
 * and back into one list, filtered lists stay apart. Any console warning or error fails.
 */
let t: TestApp;
let client: ApolloClient;
const noise: unknown[][] = [];

beforeAll(async () => {
  t = await startTestApp();
  await importNetwork(t.db, generateNetwork({ hcps: 150, seed: 11 }));
  for (const level of ['warn', 'error'] as const)
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void noise.push([level, ...args]));
}, 120000);
beforeEach(() => {
  client = createApolloClient(t.url);
});
afterEach(() => {
  expect(noise).toEqual([]);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await t?.stop();
});

const first = async (): Promise<string> => {
  const { data } = await client.query<{ hcps: { edges: { node: { id: string } }[] } }>({
    query: gql`
      {
        hcps(first: 1) {
          edges {
            node {
              id
            }
          }
        }
      }
    `,
  });
  return data!.hcps.edges[0].node.id;
};

describe('the generated cache configuration', () => {
  it('is what the schema implies (npm run codegen)', () => {
    expect(fs.readFileSync(APOLLO_CACHE_FILE, 'utf8')).toBe(apolloCacheSource(buildSchema(printedSchema())));
  });
});

describe('Apollo Client against the API', () => {
  it('merges two views of one HCP asking different influence and preference fields', async () => {
    const id = await first();
    const A = gql`
      query A($id: ID!) {
        hcp(id: $id) {
          id
          name
          influence {
            id
            pagerank
            rank
          }
          channelPreference {
            id
            effective
          }
        }
      }
    `;
    const B = gql`
      query B($id: ID!) {
        hcp(id: $id) {
          id
          specialty
          influence {
            id
            betweenness
            degree
          }
          channelPreference {
            id
            evidence {
              channel
              score
            }
          }
        }
      }
    `;
    const a = await client.query({ query: A, variables: { id } });
    await client.query({ query: B, variables: { id } });
    // the first view is still whole in the cache after the second
    expect(client.readQuery({ query: A, variables: { id } })).toEqual(a.data);
    const stored = client.cache.extract() as Record<string, Record<string, unknown>>;
    expect(Object.keys(stored[`Influence:Influence/${id}`]).sort()).toEqual([
      '__typename',
      'betweenness',
      'degree',
      'id',
      'pagerank',
      'rank',
    ]);
  });

  it('matches fragments on Node and NetworkNode (possibleTypes)', async () => {
    const id = await first();
    const query = gql`
      query N($id: ID!) {
        node(id: $id) {
          id
          ... on NetworkNode {
            name
          }
          ... on HCP {
            specialty
          }
        }
      }
    `;
    const { data } = await client.query<{ node: { id: string; name: string } }>({ query, variables: { id } });
    expect(data!.node.name).toEqual(expect.any(String));
    expect(client.readQuery({ query, variables: { id } })).toEqual(data);
  });

  it('pages forward and back into one list, and keeps filtered lists apart', async () => {
    const PAGE = gql`
      query Page($first: Int, $after: String, $last: Int, $before: String, $filter: HcpFilter) {
        hcps(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
          totalCount
          edges {
            cursor
            node {
              id
              name
            }
          }
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
        }
      }
    `;
    type Page = {
      hcps: {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; startCursor: string; endCursor: string };
      };
    };
    const all = (await client.query<Page>({ query: PAGE, variables: { first: 150 }, fetchPolicy: 'no-cache' })).data!.hcps.edges.map(
      (e) => e.node.id,
    );

    const watch = client.watchQuery<Page>({ query: PAGE, variables: { first: 10 } });
    const one = await watch.refetch();
    expect(one.data!.hcps.edges.map((e) => e.node.id)).toEqual(all.slice(0, 10));
    await watch.fetchMore({ variables: { after: one.data!.hcps.pageInfo.endCursor } });
    const two = watch.getCurrentResult().data as Page;
    expect(two.hcps.edges.map((e) => e.node.id)).toEqual(all.slice(0, 20));

    const tail = client.watchQuery<Page>({ query: PAGE, variables: { last: 10, filter: { search: null } } });
    const end = await tail.refetch();
    expect(end.data!.hcps.edges.map((e) => e.node.id)).toEqual(all.slice(-10));
    await tail.fetchMore({ variables: { last: 10, before: end.data!.hcps.pageInfo.startCursor } });
    expect((tail.getCurrentResult().data as Page).hcps.edges.map((e) => e.node.id)).toEqual(all.slice(-20));

    const territory = (
      await client.query<{ territories: { id: string }[] }>({
        query: gql`
          {
            territories {
              id
            }
          }
        `,
      })
    ).data!.territories[0].id;
    const filtered = await client.query<Page>({ query: PAGE, variables: { first: 5, filter: { territoryId: territory } } });
    expect(filtered.data!.hcps.totalCount).toBeLessThan(all.length);
    // the unfiltered list is untouched by the filtered one
    expect((watch.getCurrentResult().data as Page).hcps.edges.map((e) => e.node.id)).toEqual(all.slice(0, 20));
  });

  it('keeps links, relationships and an ego network of one HCP apart from a second view', async () => {
    const id = await first();
    await client.query({
      query: gql`
        query L($id: ID!) {
          hcp(id: $id) {
            id
            links {
              id
              type
              weight
            }
            mslRelationships {
              id
              strength
            }
          }
        }
      `,
      variables: { id },
    });
    await client.query({
      query: gql`
        query L2($id: ID!) {
          hcp(id: $id) {
            id
            links {
              id
              direction
              hcp {
                id
              }
            }
            mslRelationships {
              id
              since
              msl {
                id
              }
            }
          }
        }
      `,
      variables: { id },
    });
    await client.query({
      query: gql`
        query E($id: ID!) {
          egoNetwork(hcpId: $id) {
            truncated
            nodes {
              id
              hops
            }
            edges {
              id
              weight
            }
          }
        }
      `,
      variables: { id },
    });
    await client.query({
      query: gql`
        query E2($id: ID!) {
          egoNetwork(hcpId: $id) {
            nodes {
              id
              pagerank
              hcp {
                id
              }
            }
            edges {
              id
              linkTypes
            }
          }
        }
      `,
      variables: { id },
    });
    await client.query({
      query: gql`
        {
          communities {
            modularity
            communities {
              id
              size
            }
          }
        }
      `,
    });
    await client.query({
      query: gql`
        {
          communities {
            communities {
              id
              topKols(first: 2) {
                id
              }
            }
          }
        }
      `,
    });
  });
});
