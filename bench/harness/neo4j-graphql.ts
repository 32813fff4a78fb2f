/**
 * The competitor: the Neo4j GraphQL Library (@neo4j/graphql), which compiles a whole GraphQL
 * operation into one Cypher statement, serving type definitions equivalent to ours for the
 * nested front-end query, with its own ApolloServer on its own port, over the same driver and
 * database.
 *
 * Two ways to express an HCP's links (five relationship types, symmetric ones stored once):
 * - `links`: one @cypher field returning our HcpLink shape (type, weight, direction, hcp) -
 *   the same type definitions as ours;
 * - native relationship fields with edge properties, one per type (undirected query
 *   direction) plus referrals each way - what the library generates filtering, sorting and
 *   pagination for.
 * Both are measured; the faster one is the comparison point.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { Driver } from 'neo4j-driver';

const NAME = "trim(coalesce(o.firstName, '') + ' ' + coalesce(o.lastName, ''))";

/** The relationship fields of the native variant: field, type, direction, query direction, our LinkDirection. */
export const NATIVE_LINK_FIELDS = [
  { field: 'coauthors', type: 'COAUTHOR', direction: 'OUT', query: 'UNDIRECTED', seen: 'UNDIRECTED' },
  { field: 'coInvestigators', type: 'CO_INVESTIGATOR', direction: 'OUT', query: 'UNDIRECTED', seen: 'UNDIRECTED' },
  { field: 'colleagues', type: 'COLLEAGUE', direction: 'OUT', query: 'UNDIRECTED', seen: 'UNDIRECTED' },
  { field: 'mentorships', type: 'MENTOR', direction: 'OUT', query: 'UNDIRECTED', seen: 'UNDIRECTED' },
  { field: 'refersTo', type: 'REFERRAL', direction: 'OUT', query: 'DIRECTED', seen: 'OUTGOING' },
  { field: 'referredBy', type: 'REFERRAL', direction: 'IN', query: 'DIRECTED', seen: 'INCOMING' },
] as const;

export const TYPE_DEFS = /* GraphQL */ `
  type Institution @node {
    id: ID!
    name: String!
  }

  type TherapeuticArea @node {
    id: ID!
    name: String!
  }

  type LinkedHcp {
    id: ID!
    name: String!
  }

  type HcpLink {
    type: String!
    weight: Float!
    direction: String!
    hcp: LinkedHcp!
  }

  type Link @relationshipProperties {
    weight: Float!
  }

  type HCP @node {
    id: ID!
    firstName: String
    lastName: String
    name: String! @customResolver(requires: "firstName lastName")
    institution: [Institution!]! @relationship(type: "AFFILIATED_WITH", direction: OUT)
    therapeuticAreas: [TherapeuticArea!]! @relationship(type: "SPECIALIZES_IN", direction: OUT)
    links: [HcpLink!]!
      @cypher(
        statement: """
        MATCH (this)-[l:COAUTHOR|CO_INVESTIGATOR|COLLEAGUE|MENTOR|REFERRAL]-(o:HCP)
        WITH l, o ORDER BY l.weight DESC, o.id, type(l)
        RETURN {
          type: type(l), weight: l.weight,
          direction: CASE WHEN type(l) <> 'REFERRAL' THEN 'UNDIRECTED' WHEN startNode(l) = this THEN 'OUTGOING' ELSE 'INCOMING' END,
          hcp: {id: o.id, name: ${NAME}}
        } AS link
        """
        columnName: "link"
      )
    ${NATIVE_LINK_FIELDS.map((f) => `${f.field}: [HCP!]! @relationship(type: "${f.type}", direction: ${f.direction}, queryDirection: ${f.query}, properties: "Link")`).join('\n    ')}
  }
`;

const resolvers = {
  HCP: { name: (hcp: { firstName?: string | null; lastName?: string | null }) => [hcp.firstName, hcp.lastName].filter(Boolean).join(' ') },
};

/** The nested query through the @cypher `links` field (same shape as ours). */
export const CYPHER_FIELD_QUERY = /* GraphQL */ `
  query Nested($first: Int!) {
    hcps(limit: $first, sort: [{ id: ASC }]) {
      id
      name
      institution {
        id
        name
      }
      therapeuticAreas {
        id
        name
      }
      links {
        type
        weight
        direction
        hcp {
          id
          name
        }
      }
    }
  }
`;

/** The nested query through the native relationship fields. */
export const NATIVE_QUERY = /* GraphQL */ `
  query Nested($first: Int!) {
    hcps(limit: $first, sort: [{ id: ASC }]) {
      id
      name
      institution { id name }
      therapeuticAreas { id name }
      ${NATIVE_LINK_FIELDS.map((f) => `${f.field}Connection { edges { properties { weight } node { id name } } }`).join('\n      ')}
    }
  }
`;

export interface RunningNeo4jGraphql {
  url: string;
  stop(): Promise<void>;
}

export async function startNeo4jGraphql(driver: Driver, database: string): Promise<RunningNeo4jGraphql> {
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, resolvers, driver }).getSchema();
  const server = new ApolloServer({ schema, introspection: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => ({ sessionConfig: { database } }),
  });
  return { url, stop: () => server.stop() };
}
