import { Field, ID, InterfaceType } from 'type-graphql';

/** The name of the GraphQL type of an object resolved through `node`/`nodes` (graphql-js reads `__typename`). */
export type Typed<T> = T & { __typename: string };

@InterfaceType({
  description:
    'An object with an id (Relay global object identification): refetch it with `node(id:)`. Entities keep their domain ids (`hcp-00042`); objects derived from them have ids built from the ids they relate (`MslRelationship/msl-000/hcp-00042`).',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
