/** The explorer's only way to the data: POST /graphql (the public API), with a bearer token when the server wants one. */

const TOKEN_KEY = 'msl-graph-token';

export function authRequired(): boolean {
  return document.querySelector('meta[name="msl-graph-auth"]')?.getAttribute('content') === 'bearer';
}

export function storedToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function storeToken(token: string): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token lasts for this page only
  }
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let token = storedToken();
export function setToken(value: string): void {
  token = value.trim();
  storeToken(token);
}

export async function gql<T>(operationName: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ operationName, query, variables }) });
  } catch {
    throw new GraphQLRequestError('the server cannot be reached', 'NETWORK');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new GraphQLRequestError(`the server answered ${response.status} without JSON`, `HTTP_${response.status}`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new GraphQLRequestError(first.message, first.extensions?.code);
  }
  if (!body.data) throw new GraphQLRequestError(`the server answered ${response.status} without data`, `HTTP_${response.status}`);
  return body.data;
}

// ---------------------------------------------------------------------------------------------
// Operations (named, so they show per operation in the server's metrics and logs)

export interface HcpSummary {
  id: string;
  name: string;
  specialty: string | null;
  institution: { name: string } | null;
  territory: { name: string } | null;
}

export const SEARCH = /* GraphQL */ `
  query ExplorerSearch($filter: HcpFilter!, $first: Int!) {
    hcps(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          name
          specialty
          institution {
            name
          }
          territory {
            name
          }
        }
      }
    }
    hcpFacets(filter: $filter) {
      territories {
        value
        label
        count
      }
      therapeuticAreas {
        value
        label
        count
      }
      specialties(first: 8) {
        value
        label
        count
      }
      institutions(first: 8) {
        value
        label
        count
      }
    }
  }
`;
export interface FacetValue {
  value: string;
  label: string;
  count: number;
}
export type FacetName = 'territories' | 'therapeuticAreas' | 'specialties' | 'institutions';
export interface SearchData {
  hcps: { totalCount: number; edges: { node: HcpSummary }[] };
  hcpFacets: Record<FacetName, FacetValue[]>;
}

export const EGO = /* GraphQL */ `
  query ExplorerEgo($id: ID!, $hops: Int!, $minWeight: Float!, $first: Int!) {
    hcp(id: $id) {
      id
      name
      specialty
      institution {
        name
        city
      }
      territory {
        id
        name
      }
      therapeuticAreas {
        id
        name
      }
      influence {
        pagerank
        betweenness
        degree
        rank
        percentile
      }
      community {
        id
        size
      }
    }
    egoNetwork(hcpId: $id, hops: $hops, minWeight: $minWeight, first: $first) {
      truncated
      nodes {
        hops
        pagerank
        communityId
        hcp {
          id
          name
          specialty
        }
      }
      edges {
        sourceId
        targetId
        weight
        types
      }
    }
  }
`;
export interface EgoNodeData {
  hops: number;
  pagerank: number;
  communityId: string;
  hcp: { id: string; name: string; specialty: string | null };
}
export interface EgoEdgeData {
  sourceId: string;
  targetId: string;
  weight: number;
  types: string[];
}
export interface EgoData {
  hcp: {
    id: string;
    name: string;
    specialty: string | null;
    institution: { name: string; city: string | null } | null;
    territory: { id: string; name: string } | null;
    therapeuticAreas: { id: string; name: string }[];
    influence: { pagerank: number; betweenness: number; degree: number; rank: number; percentile: number } | null;
    community: { id: string; size: number } | null;
  } | null;
  egoNetwork: { truncated: boolean; nodes: EgoNodeData[]; edges: EgoEdgeData[] };
}

export const REFERENCE = /* GraphQL */ `
  query ExplorerReference {
    msls {
      id
      name
      territory {
        name
      }
    }
    territories {
      id
      name
    }
    therapeuticAreas {
      id
      name
    }
  }
`;
export interface ReferenceData {
  msls: { id: string; name: string; territory: { name: string } | null }[];
  territories: { id: string; name: string }[];
  therapeuticAreas: { id: string; name: string }[];
}

export const PATHS = /* GraphQL */ `
  query ExplorerPaths($mslId: ID!, $hcpId: ID!, $maxHops: Int!, $first: Int!) {
    introductionPaths(fromMslId: $mslId, toHcpId: $hcpId, maxHops: $maxHops, first: $first) {
      hops
      cost
      strength
      nodes {
        __typename
        id
        name
      }
    }
  }
`;
export interface PathData {
  hops: number;
  cost: number;
  strength: number;
  nodes: { __typename: 'MSL' | 'HCP'; id: string; name: string }[];
}
export interface PathsData {
  introductionPaths: PathData[];
}

export const KOLS = /* GraphQL */ `
  query ExplorerKolRanking($metric: InfluenceMetric!, $territoryId: ID, $therapeuticAreaId: ID, $first: Int!) {
    kolRanking(metric: $metric, territoryId: $territoryId, therapeuticAreaId: $therapeuticAreaId, first: $first) {
      rank
      score
      hcp {
        id
        name
        specialty
        territory {
          name
        }
      }
    }
  }
`;
export interface KolData {
  kolRanking: {
    rank: number;
    score: number;
    hcp: { id: string; name: string; specialty: string | null; territory: { name: string } | null };
  }[];
}
