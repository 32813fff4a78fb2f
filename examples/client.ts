/**
 * A typed client of the MSL Graph API: graphql-request plus the TypeScript types that
 * `npm run codegen` generates from schema/schema.graphql and examples/operations.ts.
 *
 *   npm run example -- [search text]
 *   MSL_GRAPH_URL=http://127.0.0.1:4000/graphql MSL_GRAPH_TOKEN=<jwt> npm run example -- oncology
 *
 * It plays the three kinds of client in turn: the front end (search, an HCP's profile and ego
 * network), the analyst (KOL ranking, communities) and the planner (coverage gaps, network
 * reach, introduction paths). No operation reads personal data, so an ANALYST or PLANNER
 * token is enough when the server has JWT_SECRET.
 */
import { GraphQLClient } from 'graphql-request';
import type {
  CommunitiesQuery,
  CommunitiesQueryVariables,
  HcpProfileQuery,
  HcpProfileQueryVariables,
  IntroductionPathsQuery,
  IntroductionPathsQueryVariables,
  KolRankingQuery,
  KolRankingQueryVariables,
  PlanningContextQuery,
  PlanningContextQueryVariables,
  SearchHcpsQuery,
  SearchHcpsQueryVariables,
  TerritoryPlanQuery,
  TerritoryPlanQueryVariables,
} from './generated/graphql';
import { COMMUNITIES, HCP_PROFILE, INTRODUCTION_PATHS, KOL_RANKING, PLANNING_CONTEXT, SEARCH_HCPS, TERRITORY_PLAN } from './operations';

export interface ExampleResult {
  search: SearchHcpsQuery['hcps'];
  profile: HcpProfileQuery | null;
  kols: KolRankingQuery['kolRanking'];
  communities: CommunitiesQuery['communities'];
  plan: { msl: PlanningContextQuery['msls'][number]; territory: TerritoryPlanQuery | null; target: string; paths: IntroductionPathsQuery['introductionPaths'] } | null;
}

export async function runExamples(url: string, options: { token?: string; search?: string; log?: (line: string) => void } = {}): Promise<ExampleResult> {
  const log = options.log ?? (() => undefined);
  const client = new GraphQLClient(url, { headers: options.token ? { authorization: `Bearer ${options.token}` } : {} });

  // Front end ---------------------------------------------------------------------------------
  const search = options.search ?? 'cardiology';
  const found = await client.request<SearchHcpsQuery, SearchHcpsQueryVariables>(SEARCH_HCPS, { search, first: 5 });
  log(`front end: "${search}" matches ${found.hcps.totalCount} HCP(s)`);
  for (const { node } of found.hcps.edges) log(`  ${node.id}  ${node.name}  ${node.specialty ?? ''}  ${node.institution?.name ?? ''}`);
  let profile: HcpProfileQuery | null = null;
  const firstHit = found.hcps.edges[0]?.node;
  if (firstHit) {
    profile = await client.request<HcpProfileQuery, HcpProfileQueryVariables>(HCP_PROFILE, { id: firstHit.id, hops: 1, first: 25 });
    const { hcp, egoNetwork } = profile;
    log(`front end: ${hcp?.name}: PageRank rank #${hcp?.influence?.rank}, community ${hcp?.community?.id}; ego network ${egoNetwork.nodes.length} HCPs, ${egoNetwork.edges.length} ties`);
    for (const link of hcp?.links ?? []) log(`  ${link.type.toLowerCase()} (${link.direction.toLowerCase()}, ${link.weight.toFixed(2)}) ${link.hcp.name}`);
  }

  // Analyst -----------------------------------------------------------------------------------
  const ranking = await client.request<KolRankingQuery, KolRankingQueryVariables>(KOL_RANKING, { metric: 'COMPOSITE', first: 5 });
  log('analyst: top KOLs by composite score');
  for (const row of ranking.kolRanking) log(`  #${row.rank} ${row.hcp.name} (${row.hcp.specialty ?? '—'}, ${row.hcp.territory?.name ?? '—'}) ${row.score.toFixed(3)}`);
  const { communities } = await client.request<CommunitiesQuery, CommunitiesQueryVariables>(COMMUNITIES, { kols: 2 });
  log(`analyst: ${communities.communities.length} communities, modularity ${communities.modularity.toFixed(3)}`);
  for (const community of communities.communities.slice(0, 3)) log(`  ${community.id}: ${community.size} HCPs, KOLs ${community.topKols.map((k) => k.name).join(', ')}`);

  // Planner -----------------------------------------------------------------------------------
  let plan: ExampleResult['plan'] = null;
  const { msls } = await client.request<PlanningContextQuery, PlanningContextQueryVariables>(PLANNING_CONTEXT);
  const msl = msls.find((m) => m.territory) ?? msls[0];
  if (msl) {
    const territory = msl.territory
      ? await client.request<TerritoryPlanQuery, TerritoryPlanQueryVariables>(TERRITORY_PLAN, { territoryId: msl.territory.id, mslId: msl.id, first: 3 })
      : null;
    log(`planner: ${msl.name} (${msl.territory?.name ?? 'no territory'}) reaches ${territory?.networkReach.total ?? 0} HCPs within 2 hops`);
    for (const gap of territory?.coverageGaps ?? []) log(`  uncovered: ${gap.hcp.name} (PageRank ${gap.influence.toFixed(5)})`);
    const target = territory?.coverageGaps[0]?.hcp.id ?? ranking.kolRanking[0]?.hcp.id;
    if (target) {
      const { introductionPaths } = await client.request<IntroductionPathsQuery, IntroductionPathsQueryVariables>(INTRODUCTION_PATHS, { mslId: msl.id, hcpId: target, maxHops: 4, first: 3 });
      const targetName = territory?.coverageGaps[0]?.hcp.name ?? ranking.kolRanking[0]?.hcp.name;
      log(`planner: ${introductionPaths.length} introduction path(s) from ${msl.name} to ${targetName} (${target})`);
      for (const path of introductionPaths) log(`  ${path.nodes.map((n) => n.name).join(' → ')}  (strength ${path.strength.toFixed(3)})`);
      plan = { msl, territory, target, paths: introductionPaths };
    }
  }

  return { search: found.hcps, profile, kols: ranking.kolRanking, communities, plan };
}

if (require.main === module) {
  const url = process.env.MSL_GRAPH_URL ?? 'http://127.0.0.1:4000/graphql';
  runExamples(url, { token: process.env.MSL_GRAPH_TOKEN || undefined, search: process.argv[2], log: (line) => console.log(line) }).catch((error: unknown) => {
    const response = (error as { response?: { errors?: unknown } }).response;
    console.error(response?.errors ? JSON.stringify(response.errors, null, 2) : error);
    process.exit(1);
  });
}
