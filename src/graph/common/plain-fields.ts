import { GraphQLSchema, GraphQLTypeResolver, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Gives every plain property field of `schema` graphql's default resolver back.
 *
 * type-graphql wraps each `@Field` of an object type in its own resolver (building a resolver-data
 * object and running the middleware chain - empty for almost all of them) unless the field is
 * declared `simple`. A 1,800-link response resolves ~12,000 such fields; a compiled executor
 * (graphql-jit) can only read a property inline when the field has no resolver at all.
 *
 * Only fields with nothing to run are unwrapped: no field resolver method, no middleware (the
 * guards of src/graph/auth, e.g. `@PersonalData`), no `@Authorized` roles, and the same name in
 * the schema as on the class. Everything else keeps type-graphql's wrapper, so a guard added to a
 * field later is never skipped: it makes the field non-plain by being there.
 */
export function withPlainFields(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const hasFieldResolver = (target: Function, name: string) =>
    storage.fieldResolvers.some((r) => r.methodName === name && r.getObjectType?.() === target);
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const graphqlField = fields[field.schemaName];
      if (!graphqlField || field.name !== field.schemaName) continue;
      if (field.roles !== undefined || (field.middlewares?.length ?? 0) > 0 || hasFieldResolver(field.target, field.name)) continue;
      graphqlField.resolve = undefined;
    }
  }
  return schema;
}

/**
 * Makes the type resolvers of interfaces and unions declared with a `resolveType` synchronous.
 * type-graphql wraps each one in an async function (to accept a class or a promise back); a
 * promise there costs a microtask per object in graphql-js and is not accepted by graphql-jit.
 * A user function that itself returns a promise still works (graphql-js awaits it).
 */
export function withSyncTypeResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const nameOf = (resolved: unknown): string | undefined => {
    if (!resolved || typeof resolved === 'string') return (resolved as string | undefined) ?? undefined;
    return storage.objectTypes.find((objectType) => objectType.target === resolved)?.name;
  };
  const declared = [...storage.interfaceTypes, ...storage.unions];
  for (const abstract of declared) {
    const userResolveType = abstract.resolveType;
    const type = schema.getType(abstract.name);
    if (!userResolveType || !(isInterfaceType(type) || isUnionType(type))) continue;
    const resolveType: GraphQLTypeResolver<unknown, unknown> = (value, context, info, abstractType) => {
      const resolved = userResolveType(value, context, info, abstractType) as unknown;
      return resolved instanceof Promise ? resolved.then(nameOf) : nameOf(resolved);
    };
    type.resolveType = resolveType;
  }
  return schema;
}
