/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** How KOL influence is measured; all computed on the whole HCP network. */
export type InfluenceMetric =
  /** Normalized betweenness on the undirected, unweighted HCP network. */
  | 'BETWEENNESS'
  /** Blend of percentile ranks (0..1) over all HCPs: PageRank 0.4, betweenness 0.15, publications 0.15, trials 0.1, engagement (interactions + positive interactions) 0.2. A signal no HCP has (e.g. no publications imported) is left out and the other weights are scaled to sum to 1. Score in 0..1. */
  | 'COMPOSITE'
  /** Number of distinct HCPs linked, either direction. */
  | 'DEGREE'
  /** PageRank (damping 0.85) over the directed weighted HCP network: symmetric links both ways, referrals source to target. */
  | 'PAGERANK';

/** Seen from the HCP whose link it is: OUTGOING = it refers to the other, INCOMING = the other refers to it, UNDIRECTED = a symmetric tie. */
export type LinkDirection =
  | 'INCOMING'
  | 'OUTGOING'
  | 'UNDIRECTED';

/** REFERRAL is directed (source refers patients to target); the others are symmetric. */
export type LinkType =
  | 'COAUTHOR'
  | 'COLLEAGUE'
  | 'CO_INVESTIGATOR'
  | 'MENTOR'
  | 'REFERRAL';

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
