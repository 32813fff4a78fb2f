import { ApolloServer, HeaderMap } from '@apollo/server';
import { AppServices, GraphContext, createContext } from '../graph/context';
import { Logger } from '../logger';

/**
 * What the first requests after a start would otherwise pay for, done before /ready says 200:
 * the driver's connection pool, the query plans of the common statements (and of the network
 * sync's, which the first answer after the first write needs), the network snapshot
 * with PageRank and communities, the full-text index, and the GraphQL request path itself
 * (parsing, validation, resolvers, JSON). The operations are those the explorer and list views
 * send first; each runs a few times so the JIT has seen them too. Betweenness is not asked for: it
 * is O(n·m), and building the snapshot already starts it in the background on big networks.
 */
const OPERATIONS = [
  `query WarmUpFirstView { hcps(first: 20) { totalCount edges { node { id name specialty institution { name city } influence { pagerank rank } community { id size } } } }
   search: hcps(first: 20, filter: {search: "onco"}) { totalCount edges { node { id name } } } kolRanking(first: 10) { rank score hcp { id name } } }`,
  `query WarmUpList { hcps(first: 20) { totalCount edges { cursor node { id name specialty explicitPreferredChannel institution { id name city } territory { id name }
     therapeuticAreas { id name } influence { id pagerank rank } community { id size } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
   territories { id name } therapeuticAreas { id name } msls { id name } }`,
  'query WarmUpSearch { hcps(first: 20, filter: {search: "a"}) { totalCount edges { node { id name institution { name } } } } }',
  'query WarmUpRanking { kolRanking(first: 20) { rank score hcp { id name institution { name } } } communities { modularity communities { id size } } }',
  `query WarmUpHcp($id: ID!) { hcp(id: $id) { id name links(first: 50) { id type weight direction hcp { id name } } mslRelationships { id strength msl { id name } }
     interactions(first: 5) { edges { node { id date channel } } } } egoNetwork(hcpId: $id) { nodes { id hops pagerank communityId hcp { id name } } edges { id weight } } }`,
];
const VIEWER = { sub: 'warm-up', roles: ['ADMIN' as const] };
const ROUNDS = 6;
const POOL_CONNECTIONS = 8;

export async function warmUp(apollo: ApolloServer<GraphContext>, app: AppServices, logger: Logger): Promise<void> {
  try {
    await run(apollo, app);
  } catch (error) {
    // A cold start is slower, not broken: readiness must not wait on it.
    logger.warn({ err: (error as Error).message }, 'warm-up failed');
  }
}

async function run(apollo: ApolloServer<GraphContext>, app: AppServices): Promise<void> {
  await Promise.all(Array.from({ length: POOL_CONNECTIONS }, () => app.db.ping()));
  const execute = (query: string, variables: Record<string, unknown> = {}) =>
    apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query, variables },
      },
      context: async () => createContext(app, VIEWER, 'warm-up'),
    });
  const perHcp = OPERATIONS.filter((query) => query.includes('$id'));
  let hcpId: string | null = null;
  // The first round side by side: the database plans its statements and opens the full-text index
  // while Node builds the network snapshot (shared, built once), which on two cores halves the
  // first round. The HCP view starts as soon as any answer names an HCP (the search comes first).
  await Promise.all([
    ...OPERATIONS.filter((query) => !perHcp.includes(query)).map(async (query) => {
      const response = await execute(query);
      if (hcpId || response.body.kind !== 'complete') return;
      hcpId = firstHcpId(response.body.string);
      if (hcpId) await Promise.all(perHcp.map((hcpQuery) => execute(hcpQuery, { id: hcpId })));
    }),
    app.network.warmUp(),
  ]);
  // The later rounds one after another, as a client would send them.
  const operations = OPERATIONS.filter((query) => hcpId || !perHcp.includes(query));
  for (let round = 1; round < ROUNDS; round++) {
    for (const query of operations) await execute(query, perHcp.includes(query) ? { id: hcpId } : {});
  }
}

function firstHcpId(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { data?: { hcps?: { edges?: { node: { id: string } }[] } } };
    return parsed.data?.hcps?.edges?.[0]?.node.id ?? null;
  } catch {
    return null;
  }
}
