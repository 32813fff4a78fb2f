/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Channel =
  | 'CONGRESS'
  | 'EMAIL'
  | 'IN_PERSON'
  | 'PHONE'
  | 'VIRTUAL';

export type InfluenceMetric =
  | 'BETWEENNESS'
  | 'COMPOSITE'
  | 'DEGREE'
  | 'PAGERANK';

export type LinkDirection =
  | 'INCOMING'
  | 'OUTGOING'
  | 'UNDIRECTED';

export type LinkType =
  | 'COAUTHOR'
  | 'COLLEAGUE'
  | 'CO_INVESTIGATOR'
  | 'MENTOR'
  | 'REFERRAL';

export type Sentiment =
  | 'NEGATIVE'
  | 'NEUTRAL'
  | 'POSITIVE';

export type SearchHcpsQueryVariables = Exact<{
  search: string;
  first?: number | null | undefined;
}>;


export type SearchHcpsQuery = { hcps: { totalCount: number, edges: Array<{ node: { id: string, name: string, specialty: string | null, institution: { name: string, city: string | null } | null, territory: { name: string } | null } }> } };

export type HcpProfileQueryVariables = Exact<{
  id: string;
  hops?: number | null | undefined;
  minWeight?: number | null | undefined;
  first?: number | null | undefined;
}>;


export type HcpProfileQuery = { hcp: { id: string, name: string, specialty: string | null, institution: { name: string, city: string | null } | null, territory: { id: string, name: string } | null, therapeuticAreas: Array<{ id: string, name: string }>, influence: { pagerank: number, betweenness: number, degree: number, rank: number, percentile: number } | null, community: { id: string, size: number } | null, links: Array<{ type: LinkType, weight: number, direction: LinkDirection, hcp: { id: string, name: string } }> } | null, egoNetwork: { truncated: boolean, nodes: Array<{ hops: number, pagerank: number, communityId: string, hcp: { id: string, name: string } }>, edges: Array<{ sourceId: string, targetId: string, weight: number, types: Array<string> }> } };

export type KolRankingQueryVariables = Exact<{
  metric?: InfluenceMetric | null | undefined;
  therapeuticAreaId?: string | null | undefined;
  territoryId?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type KolRankingQuery = { kolRanking: Array<{ rank: number, score: number, hcp: { id: string, name: string, specialty: string | null, territory: { name: string } | null, influence: { pagerank: number, betweenness: number, degree: number, percentile: number } | null } }> };

export type CommunitiesQueryVariables = Exact<{
  kols?: number | null | undefined;
}>;


export type CommunitiesQuery = { communities: { modularity: number, communities: Array<{ id: string, size: number, topKols: Array<{ id: string, name: string }>, bridges: Array<{ id: string, name: string }> }> } };

export type PlanningContextQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanningContextQuery = { msls: Array<{ id: string, name: string, territory: { id: string, name: string } | null, therapeuticAreas: Array<{ id: string, name: string }> }> };

export type IntroductionPathsQueryVariables = Exact<{
  mslId: string;
  hcpId: string;
  maxHops?: number | null | undefined;
  first?: number | null | undefined;
}>;


export type IntroductionPathsQuery = { introductionPaths: Array<{ hops: number, strength: number, cost: number, nodes: Array<
      | { __typename: 'HCP', id: string, name: string }
      | { __typename: 'MSL', id: string, name: string }
    > }> };

export type TerritoryPlanQueryVariables = Exact<{
  territoryId: string;
  mslId: string;
  first?: number | null | undefined;
}>;


export type TerritoryPlanQuery = { coverageGaps: Array<{ influence: number, hcp: { id: string, name: string, specialty: string | null, institution: { name: string } | null } }>, networkReach: { total: number, byHop: Array<{ hops: number, count: number }> } };

export type LiveInteractionsSubscriptionVariables = Exact<{
  mslId?: string | null | undefined;
}>;


export type LiveInteractionsSubscription = { interactionLogged: { eventId: string, at: string, interaction: { id: string, date: string, channel: Channel, sentiment: Sentiment, topic: string | null, hcp: { id: string, name: string } | null } | null } };
