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

/** What type-graphql records of a field resolver's parameter, as far as `withDirectResolvers` reads it. */
type DirectParam = {
  kind: string;
  index: number;
  name?: string;
  propertyName?: string;
  getType?: () => unknown;
  validateSettings?: unknown;
  validateFn?: unknown;
};

/**
 * Calls field resolver methods directly when type-graphql's wrapper would add nothing: parameters
 * only `@Root()`, `@Ctx()`, `@Info()` and, when the schema is built with `validate: false`,
 * `@Arg()`s of scalar or enum types (or lists of them).
 *
 * For each call type-graphql's wrapper looks the resolver instance up in its container, builds a
 * resolver-data object, runs the (empty) middleware chain and sorts the parameter list again
 * before building the arguments, for every HCP's `institution`, `therapeuticAreas` and `links` of
 * a page and every `HcpLink.id`; with an argument it also answers through a promise (its argument
 * validation is async even when off). Here the parameter list is built once and the method called
 * on one instance per resolver class (type-graphql's default container keeps one too).
 *
 * Same rules as `withPlainFields`: a field with roles, middlewares or any other kind of parameter
 * (`@Args()` classes and input-type arguments go through type-graphql's conversion to their
 * class, and arguments with their own validation through it) keeps the wrapper. Scalar and enum
 * argument values reach the method as type-graphql gives them: the executor's coerced value, lists
 * copied. A root that is not already an instance of the declared root type goes through the
 * wrapper too, which converts it as before.
 */
export function withDirectResolvers(schema: GraphQLSchema, options: { validate: boolean }): GraphQLSchema {
  const storage = getMetadataStorage();
  const isInputClass = (type: unknown) => storage.inputTypes.some((input) => input.target === type);
  const plainArg = (p: DirectParam) =>
    p.kind === 'arg' &&
    !options.validate &&
    p.name !== undefined &&
    p.validateSettings === undefined &&
    p.validateFn === undefined &&
    !isInputClass(p.getType?.());
  const instances = new Map<Function, Record<string, (...args: unknown[]) => unknown>>();
  for (const resolver of storage.fieldResolvers) {
    const objectClass = resolver.getObjectType?.();
    const type = schema.getType(storage.objectTypes.find((objectType) => objectType.target === objectClass)?.name ?? '');
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    const wrapped = field?.resolve;
    const params = [...(resolver.params as DirectParam[])].sort((a, b) => a.index - b.index);
    const direct = params.every(
      (p) => (!p.propertyName && (p.kind === 'root' || p.kind === 'context' || p.kind === 'info')) || plainArg(p),
    );
    if (!field || !wrapped || resolver.kind !== 'external' || !direct) continue;
    if (resolver.roles !== undefined || (resolver.middlewares?.length ?? 0) > 0) continue;
    const target = resolver.target as new () => Record<string, (...args: unknown[]) => unknown>;
    if (!instances.has(target)) instances.set(target, new target());
    const instance = instances.get(target)!;
    const method = instance[resolver.methodName];
    const rootType = params.find((p) => p.kind === 'root')?.getType?.();
    field.resolve = (root, args, context, info) => {
      if (root != null && typeof rootType === 'function' && !(root instanceof rootType)) return wrapped(root, args, context, info);
      return method.apply(
        instance,
        params.map((p) =>
          p.kind === 'root' ? root : p.kind === 'context' ? context : p.kind === 'info' ? info : copyLists(args[p.name!]),
        ),
      );
    };
  }
  return schema;
}

/** An argument value with its lists copied, as type-graphql passes it (the executor may share one coerced value between calls). */
function copyLists(value: unknown): unknown {
  return Array.isArray(value) ? value.map(copyLists) : value;
}
