import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { withMutationPath } from './common/mutation';
import { authChecker } from './auth';
import { NetworkNode } from './common/network-node';
import { withPlainFields, withSyncTypeResolvers } from './common/plain-fields';
import { resolvers } from './resolvers';

let schema: GraphQLSchema | undefined;

/**
 * The executable schema, built once from the type-graphql classes (the single source of every type),
 * with the role checker of `@Authorized` (src/graph/auth), every mutation on its one path (common/mutation.ts: transaction, checks, audit),
 * plain property fields left to graphql's default resolver and synchronous type resolvers
 * (common/plain-fields.ts).
 */
export function graphqlSchema(): GraphQLSchema {
  schema ??= withMutationPath(
    withSyncTypeResolvers(
      withPlainFields(buildSchemaSync({ resolvers, orphanedTypes: [NetworkNode], validate: false, authChecker, authMode: 'error' })),
    ),
  );
  return schema;
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs are about content, not order). */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(graphqlSchema()))}\n`;
}
