import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { withAudit } from './audit/audit.wrap';
import { authChecker } from './auth';
import { NetworkNode } from './common/network-node';
import { resolvers } from './resolvers';

let schema: GraphQLSchema | undefined;

/**
 * The executable schema, built once from the type-graphql classes (the single source of every type),
 * with the role checker of `@Authorized` (src/graph/auth) and every mutation audited (src/graph/audit).
 */
export function graphqlSchema(): GraphQLSchema {
  schema ??= withAudit(buildSchemaSync({ resolvers, orphanedTypes: [NetworkNode], validate: false, authChecker, authMode: 'error' }));
  return schema;
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs are about content, not order). */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(graphqlSchema()))}\n`;
}
