import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
} from 'graphql';

/**
 * Depth and cost limits, computed on the parsed and validated document before execution.
 *
 * - depth: the longest chain of nested fields (root fields are depth 1); fragments (named and
 *   inline) count as if written out. Introspection subtrees (`__schema`, `__type`) are not counted:
 *   introspection has its own switch (GRAPHQL_INTROSPECTION).
 * - cost: every field costs 1, and the cost of a field's selection is multiplied by the number of
 *   items it can return: `first` where the field takes a `first` argument (literal, variable, or
 *   the argument's default; clamped to maxFirst), DEFAULT_LIST_SIZE for other list fields, 1 for
 *   the `edges` of a connection (its size is the connection's `first`) and for single objects.
 *   Fields of fragments for several types are all counted (an upper bound).
 *
 * Over either limit the request fails with QUERY_TOO_COMPLEX before any resolver runs
 * (HTTP 400 with application/graphql-response+json; 200 with application/json, like every other
 * request error - see server.ts).
 */
export const DEFAULT_LIST_SIZE = 10;

export interface Limits {
  maxDepth: number;
  maxCost: number;
  maxFirst: number;
}

export interface Complexity {
  depth: number;
  cost: number;
}

export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxFirst: number,
): Complexity {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const CAP = 1e12; // costs saturate here instead of overflowing

  const firstOf = (field: GraphQLField<unknown, unknown>, args: readonly { name: { value: string }; value: ValueNode }[]): number | undefined => {
    const definition = field.args.find((arg) => arg.name === 'first');
    if (!definition) return undefined;
    const node = args.find((arg) => arg.name.value === 'first')?.value;
    let value: unknown = definition.defaultValue;
    if (node?.kind === Kind.INT) value = Number(node.value);
    else if (node?.kind === Kind.VARIABLE) {
      const name = node.name.value;
      const fallback = variableDefaults.get(name);
      value = variables?.[name] ?? (fallback?.kind === Kind.INT ? Number(fallback.value) : definition.defaultValue);
    }
    const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 1;
    return Math.max(0, Math.min(n, maxFirst));
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | null | undefined, seen: Set<string>): Complexity => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let inner: Complexity;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        let childCost = 0;
        let childDepth = 0;
        if (selection.selectionSet) {
          const child = walk(selection.selectionSet, field ? getNamedType(field.type) : undefined, seen);
          childCost = child.cost;
          childDepth = child.depth;
        }
        const first = field ? firstOf(field, selection.arguments ?? []) : undefined;
        const list = field ? isListType(getNullableType(field.type)) : false;
        const multiplier = first !== undefined ? first : list && name !== 'edges' ? DEFAULT_LIST_SIZE : 1;
        inner = { depth: 1 + childDepth, cost: Math.min(CAP, 1 + multiplier * childCost) };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        inner = walk(selection.selectionSet, type, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        inner = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), new Set(seen).add(name));
      }
      depth = Math.max(depth, inner.depth);
      cost = Math.min(CAP, cost + inner.cost);
    }
    return { depth, cost };
  };
  return walk(operation.selectionSet, root, new Set());
}

/** The Apollo plugin enforcing `limits` on every operation. */
export function complexityLimits(limits: Limits): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, operation, request }) => {
        if (!operation) return;
        const { depth, cost } = measure(schema, document, operation, request.variables, limits.maxFirst);
        const problem =
          depth > limits.maxDepth
            ? `the query is ${depth} levels deep; at most ${limits.maxDepth} are allowed`
            : cost > limits.maxCost
              ? `the query's estimated cost is ${cost}; at most ${limits.maxCost} is allowed (lower \`first\` or select fewer nested lists)`
              : undefined;
        if (problem) throw new GraphQLError(problem, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
      },
    }),
  };
}
