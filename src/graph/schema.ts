import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { PubSub, buildSchemaSync } from 'type-graphql';
import { withMutationPath } from './common/mutation';
import { authChecker } from './auth';
import { NetworkNode } from './common/network-node';
import { withDirectResolvers, withPlainFields, withSyncTypeResolvers } from './common/plain-fields';
import { resolvers } from './resolvers';

let schema: GraphQLSchema | undefined;

/** Arguments are checked by our own code (src/graph/common/validate.ts), not class-validator. */
const VALIDATE = false;

/**
 * type-graphql wants a PubSub as soon as there is a subscription, even when each brings its own
 * `subscribe` (ours stream the live events every instance reads from the database,
 * src/graph/live): this one only says so if anything ever uses it.
 */
const NO_PUBSUB: PubSub = {
  publish: () => {
    throw new Error('live events are written by runMutation in the mutation transaction (src/db/live-events.ts)');
  },
  subscribe: () => {
    throw new Error('subscriptions stream the live feed (src/graph/live/live.service.ts)');
  },
};

/**
 * The executable schema, built once from the type-graphql classes (the single source of every type),
 * with the role checker of `@Authorized` (src/graph/auth), every mutation on its one path (common/mutation.ts: transaction, checks, audit),
 * plain property fields left to graphql's default resolver, field resolvers without guards or
 * arguments to convert called directly, and synchronous type resolvers (common/plain-fields.ts).
 */
export function graphqlSchema(): GraphQLSchema {
  schema ??= withMutationPath(
    withSyncTypeResolvers(
      withDirectResolvers(
        withPlainFields(
          buildSchemaSync({
            resolvers,
            orphanedTypes: [NetworkNode],
            validate: VALIDATE,
            authChecker,
            authMode: 'error',
            pubSub: NO_PUBSUB,
          }),
        ),
        { validate: VALIDATE },
      ),
    ),
  );
  return schema;
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs are about content, not order). */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(graphqlSchema()))}\n`;
}
