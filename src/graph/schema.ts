import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { NetworkNode } from './common/network-node';
import { resolvers } from './resolvers';

let schema: GraphQLSchema | undefined;

/** The executable schema, built once from the type-graphql classes (the single source of every type). */
export function graphqlSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({ resolvers, orphanedTypes: [NetworkNode], validate: false });
  return schema;
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs are about content, not order). */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(graphqlSchema()))}\n`;
}
