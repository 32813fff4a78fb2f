import { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
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
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  isEnumType,
} from 'graphql';
import { Bounds, DATA_BOUNDS } from '../graph/common/list-bounds';

/**
 * Query limits, checked on the parsed document BEFORE validation (so no validation rule ever runs
 * on a hostile document) and again once the operation is resolved (a cached document may come
 * back with other variables). Over a limit: QUERY_TOO_COMPLEX, nothing executed.
 *
 * - tokens: graphql-js's own parser stops at MAX_QUERY_TOKENS (Apollo `parseOptions.maxTokens`).
 * - depth: the longest chain of nested fields, fragments counted as written out; introspection
 *   subtrees too, against max(MAX_QUERY_DEPTH, INTROSPECTION_MAX_DEPTH) (the standard
 *   introspection query nests `ofType` eight deep).
 * - aliases: aliased fields as the document expands (a fragment spread twice counts twice).
 * - repeats: MAX_REPEATED_FIELDS fields with one response key in one selection set at most.
 * - cost: each field costs 1 plus its own work (WORK, for root fields whose resolution is a
 *   computation, not a read), and the cost of its selection is multiplied by the items it can
 *   return: `first` or `last` (literal, variable or default, at most MAX_PAGE_SIZE) where the field
 *   has it; the length of the list argument for `nodes(ids:)`;
 *   otherwise the list's current bound measured on the data (ListBounds: the largest degree, the
 *   largest MSL relationship count...; at least MIN_LIST_BOUND), the vocabulary size, the schema's
 *   own size for introspection, and MAX_PAGE_SIZE for a list without a declared bound. A
 *   connection's `edges`/`nodes` count 1 (its `first` is counted on the connection).
 *
 * Every fragment is measured once per context (memoized), so the analysis is linear in the
 * document: 32 fragments each spreading the next twice cost 2^32 without taking 2^32 steps.
 *
 * Why our own visitor: graphql-armor's cost-limit plugin prices every object and scalar alike
 * and cannot multiply by `first` or by a list's size, and `graphql-query-complexity` is not
 * installed; its max-aliases/max-depth rules would add two more walks and run only during
 * validation, after the quadratic OverlappingFieldsCanBeMerged rule has had its go.
 */
export const MIN_LIST_BOUND = 10;
/**
 * Fields sharing one response key in one selection set: graphql-js's overlap validation compares
 * them pairwise (quadratic), and no honest query repeats a field this often.
 */
export const MAX_REPEATED_FIELDS = 20;
export const INTROSPECTION_MAX_DEPTH = 15;

/** Fields that compute rather than read (root fields, facet lists): their cost is the work of one call, in "items". */
export const WORK: Readonly<Record<string, number>> = {
  'Query.introductionPaths': 10000,
  'Query.networkReach': 10000,
  'Query.egoNetwork': 10000,
  'Query.engagementPlan': 10000,
  'Query.similarHcps': 10000,
  'Query.communities': 10000,
  'Query.kolRanking': 2000,
  'Query.coverageGaps': 2000,
  'Query.insightTrends': 2000,
  'Query.checkCompliance': 1000,
  'Query.bestIntroducers': 10000,
  'Query.keyPersonRisk': 10000,
  'Query.handoverPlan': 10000,
  'Query.territoryCoverage': 10000,
  'Query.mslWorkload': 2000,
  // One bestIntroducers search per target (at most MAX_TARGETS), then a small min-cost flow.
  'Query.proposeAssignment': 50000,
  // Each facet list is one aggregation over the HCPs the filter matches (all of them at worst).
  'HcpFacets.territories': 2000,
  'HcpFacets.therapeuticAreas': 2000,
  'HcpFacets.specialties': 2000,
  'HcpFacets.institutions': 2000,
};

/** Lists sized by a vocabulary (channels, link types, categories...) or by a small request argument (hops). */
export const VOCABULARY_SIZED: ReadonlySet<string> = new Set([
  'ChannelPreference.evidence',
  'StrengthFormula.channelWeights',
  'StrengthFormula.sentimentMultipliers',
  'EgoEdge.types',
  'EngagementSuggestion.reasons',
  'InsightTrends.byCategory',
  'NetworkReach.byHop',
  'IntroductionPath.nodes',
  'AuditEvent.entityIds',
  'EgoEdge.linkTypes',
  'CompositeExplanation.signals',
]);

/** Lists with a fixed maximum length: one point per year, at most 50 years. */
export const FIXED_BOUNDS: Readonly<Record<string, number>> = {
  'HCP.influenceHistory': 50,
  'RisingStar.trajectory': 50,
  // At most MAX_TARGETS (src/graph/assignment/assignment.service.ts) targets per proposal.
  'AssignmentProposal.assignments': 100,
  'AssignmentProposal.unassigned': 100,
  'MslWorkload.strengthBands': 3,
  // At most MAX_MONTHS (src/graph/continuity/continuity.service.ts).
  'MslWorkload.interactionsByMonth': 60,
  // At most MAX_TRANSFER_HCPS (src/graph/transfer/transfer.service.ts) per transfer.
  'RelationshipTransfer.relationships': 1000,
};

/** Lists as long as one of their list arguments (`nodes(ids:)`). */
export const SIZED_BY_ARGUMENT: Readonly<Record<string, string>> = { 'Query.nodes': 'ids' };

/**
 * Lists sized by their parent field's `first`: an ego network holds at most `first` nodes, and
 * their ties at most `first` x the largest degree.
 */
export const SIZED_BY_PARENT_FIRST: Readonly<Record<string, (first: number, bound: ListBound) => number>> = {
  'EgoNetwork.nodes': (first) => first,
  'EgoNetwork.edges': (first, bound) => first * bound('HCP.links'),
};

/**
 * A list nested in a list that enumerates a whole collection: together the children are the
 * collection once (every HCP is in one community; every field belongs to one type), so under
 * that parent a child list counts its average length, not its longest.
 */
const PARTITIONS: Readonly<Record<string, string>> = {
  'Community.members': 'CommunityResult.communities',
  '__Type.fields': '__Schema.types',
  '__Type.inputFields': '__Schema.types',
  '__Type.enumValues': '__Schema.types',
  '__Type.interfaces': '__Schema.types',
  '__Type.possibleTypes': '__Schema.types',
  '__Field.args': '__Type.fields',
  '__Directive.args': '__Schema.directives',
};

export interface Limits {
  maxDepth: number;
  maxCost: number;
  maxFirst: number;
  maxAliases: number;
}

export interface Complexity {
  depth: number;
  introspectionDepth: number;
  cost: number;
  aliases: number;
  /** The most fields sharing one response key in one selection set (as written). */
  repeats: number;
}

/** Items a list field (by coordinate) may return when no `first` says: see the module comment. */
export type ListBound = (coordinate: string) => number;

export function listBound(schema: GraphQLSchema, bounds: Bounds | undefined, maxFirst: number): ListBound {
  const structural = structuralBounds(schema);
  return (coordinate) => {
    if (coordinate in DATA_BOUNDS)
      return bounds ? Math.min(maxFirst, Math.max(MIN_LIST_BOUND, bounds.get(coordinate) ?? maxFirst)) : maxFirst;
    if (VOCABULARY_SIZED.has(coordinate)) return MIN_LIST_BOUND;
    if (coordinate in FIXED_BOUNDS) return FIXED_BOUNDS[coordinate];
    return structural.get(coordinate) ?? maxFirst;
  };
}

const CAP = 1e15; // costs saturate here instead of overflowing
const ZERO: Complexity = { depth: 0, introspectionDepth: 0, cost: 0, aliases: 0, repeats: 0 };

export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  options: { maxFirst: number; bound: ListBound },
): Complexity {
  const { maxFirst, bound } = options;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const partitionParents = new Set(Object.values(PARTITIONS));

  /** The value of argument `name` as given (literal or variable), else its default. */
  const argumentValue = (
    field: GraphQLField<unknown, unknown>,
    args: readonly { name: { value: string }; value: ValueNode }[],
    name: string,
  ): unknown => {
    const definition = field.args.find((arg) => arg.name === name);
    if (!definition) return undefined;
    const node = args.find((arg) => arg.name.value === name)?.value;
    if (!node) return definition.defaultValue;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.LIST) return node.values;
    if (node.kind === Kind.VARIABLE) {
      const fallback = variableDefaults.get(node.name.value);
      const given = variables?.[node.name.value];
      if (given !== undefined) return given;
      if (fallback?.kind === Kind.INT) return Number(fallback.value);
      if (fallback?.kind === Kind.LIST) return fallback.values;
      return definition.defaultValue;
    }
    return undefined;
  };
  const count = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(Math.trunc(value), maxFirst)) : undefined;
  /** The page size: `first` or `last` as given (the larger when both), else `first`'s default; undefined when the list returns everything. */
  const pageOf = (
    field: GraphQLField<unknown, unknown>,
    args: readonly { name: { value: string }; value: ValueNode }[],
  ): number | undefined => {
    const given = (name: string) => (args.some((arg) => arg.name.value === name) ? count(argumentValue(field, args, name)) : undefined);
    const first = given('first');
    const last = given('last');
    if (first !== undefined || last !== undefined) return Math.max(first ?? 0, last ?? 0);
    return count(argumentValue(field, args, 'first'));
  };

  const memo = new Map<string, Complexity>();
  const fieldOf = (parent: GraphQLNamedType | null | undefined, name: string) => {
    if (name === '__schema') return { field: undefined, type: schema.getType('__Schema') };
    if (name === '__type') return { field: undefined, type: schema.getType('__Type') };
    const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    return { field, type: field ? getNamedType(field.type) : undefined };
  };

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | null | undefined,
    enclosing: string | undefined,
    inIntrospection: boolean,
    parentFirst?: number,
  ): Complexity => {
    const total = { ...ZERO };
    const keys = new Map<string, number>();
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const seen = (keys.get(key) ?? 0) + 1;
        keys.set(key, seen);
        total.repeats = Math.max(total.repeats, seen);
      }
      let inner: Complexity;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const { field, type } = fieldOf(parent, name);
        const coordinate = `${parent?.name ?? '?'}.${name}`;
        const introspection = inIntrospection || name === '__schema' || name === '__type';
        const list = field ? isListType(getNullableType(field.type)) : false;
        const connectionItems = list && parent?.name.endsWith('Connection') && (name === 'edges' || name === 'nodes');
        const partitioned = PARTITIONS[coordinate] !== undefined && PARTITIONS[coordinate] === enclosing;
        const first = field ? pageOf(field, selection.arguments ?? []) : undefined;
        const sizingArgument =
          field && SIZED_BY_ARGUMENT[coordinate]
            ? argumentValue(field, selection.arguments ?? [], SIZED_BY_ARGUMENT[coordinate])
            : undefined;
        // `first` multiplies a list or a connection; on another object (egoNetwork) it sizes the lists inside.
        const paged = list || Boolean(type?.name.endsWith('Connection'));
        const multiplier =
          first !== undefined && paged
            ? first
            : !list || connectionItems
              ? 1
              : Array.isArray(sizingArgument)
                ? Math.min(maxFirst, sizingArgument.length)
                : partitioned
                  ? bound(`${coordinate}<${enclosing}`)
                  : coordinate in SIZED_BY_PARENT_FIRST && parentFirst !== undefined
                    ? Math.min(maxFirst, SIZED_BY_PARENT_FIRST[coordinate](parentFirst, bound))
                    : bound(coordinate);
        const nextEnclosing = list
          ? partitionParents.has(coordinate) && (partitioned || !PARTITIONS[coordinate])
            ? coordinate
            : undefined
          : enclosing;
        const child = selection.selectionSet
          ? walk(selection.selectionSet, type, nextEnclosing, introspection, paged ? undefined : first)
          : ZERO;
        const own = 1 + (WORK[coordinate] ?? 0);
        inner = {
          depth: introspection ? 0 : 1 + child.depth,
          introspectionDepth: introspection ? 1 + Math.max(child.depth, child.introspectionDepth) : child.introspectionDepth,
          cost: Math.min(CAP, own + multiplier * child.cost),
          // Aliases count as written (fragments expanded), not per returned item.
          aliases: Math.min(CAP, (selection.alias ? 1 : 0) + child.aliases),
          repeats: child.repeats,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        inner = walk(selection.selectionSet, type, enclosing, inIntrospection, parentFirst);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const key = `${fragment.name.value}|${enclosing ?? ''}|${inIntrospection}|${parentFirst ?? ''}`;
        let known = memo.get(key);
        if (!known) {
          memo.set(key, ZERO); // a cycle (invalid anyway) counts nothing the second time round
          known = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), enclosing, inIntrospection, parentFirst);
          memo.set(key, known);
        }
        inner = known;
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.introspectionDepth = Math.max(total.introspectionDepth, inner.introspectionDepth);
      total.cost = Math.min(CAP, total.cost + inner.cost);
      total.aliases = Math.min(CAP, total.aliases + inner.aliases);
      total.repeats = Math.max(total.repeats, inner.repeats);
    }
    return total;
  };
  return walk(operation.selectionSet, root, undefined, false);
}

/** Bounds known from the schema: introspection lists (the number of types, the most fields of one type...) and partitions. */
const structuralCache = new WeakMap<GraphQLSchema, Map<string, number>>();
function structuralBounds(schema: GraphQLSchema): Map<string, number> {
  let bounds = structuralCache.get(schema);
  if (bounds) return bounds;
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  const sizes = (sizeOf: (type: GraphQLNamedType) => number) => types.map(sizeOf);
  const fields = sizes((t) => (isObjectType(t) || isInterfaceType(t) ? Object.keys(t.getFields()).length : 0));
  const args = types.flatMap((t) => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()).map((f) => f.args.length) : []));
  const inputFields = sizes((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0));
  const enumValues = sizes((t) => (isEnumType(t) ? t.getValues().length : 0));
  const interfaces = sizes((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0));
  const possible = sizes((t) => (isUnionType(t) ? t.getTypes().length : isInterfaceType(t) ? schema.getPossibleTypes(t).length : 0));
  const directiveArgs = directives.map((d) => d.args.length);
  const max = (values: number[]) => Math.max(1, ...values);
  const average = (values: number[], count: number) => Math.max(1, Math.ceil(values.reduce((a, b) => a + b, 0) / Math.max(1, count)));
  bounds = new Map([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', max(fields)],
    ['__Type.inputFields', max(inputFields)],
    ['__Type.enumValues', max(enumValues)],
    ['__Type.interfaces', max(interfaces)],
    ['__Type.possibleTypes', max(possible)],
    ['__Field.args', max(args)],
    ['__Directive.args', max(directiveArgs)],
    ['__Directive.locations', 20],
    ['__Type.fields<__Schema.types', average(fields, types.length)],
    ['__Type.inputFields<__Schema.types', average(inputFields, types.length)],
    ['__Type.enumValues<__Schema.types', average(enumValues, types.length)],
    ['__Type.interfaces<__Schema.types', average(interfaces, types.length)],
    ['__Type.possibleTypes<__Schema.types', average(possible, types.length)],
    ['__Field.args<__Type.fields', average(args, args.length)],
    ['__Directive.args<__Schema.directives', average(directiveArgs, directives.length)],
    // Every HCP is in exactly one community.
    ['Community.members<CommunityResult.communities', 1],
  ]);
  structuralCache.set(schema, bounds);
  return bounds;
}

export function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

/** The reason `complexity` breaks `limits`, or undefined. */
export function violation(complexity: Complexity, limits: Limits): string | undefined {
  const { depth, introspectionDepth, cost, aliases, repeats } = complexity;
  if (repeats > MAX_REPEATED_FIELDS)
    return `the query selects one field ${repeats} times in one place; at most ${MAX_REPEATED_FIELDS} are allowed`;
  if (depth > limits.maxDepth) return `the query is ${depth} levels deep; at most ${limits.maxDepth} are allowed`;
  const introspectionLimit = Math.max(limits.maxDepth, INTROSPECTION_MAX_DEPTH);
  if (introspectionDepth > introspectionLimit)
    return `the introspection query is ${introspectionDepth} levels deep; at most ${introspectionLimit} are allowed`;
  if (aliases > limits.maxAliases) return `the query has ${aliases} aliased fields; at most ${limits.maxAliases} are allowed`;
  if (cost > limits.maxCost)
    return `the query's estimated cost is ${cost}; at most ${limits.maxCost} is allowed (lower \`first\` or select fewer nested lists)`;
  return undefined;
}

/**
 * The Apollo plugin enforcing `limits` on every operation. `bounds` gives the data-sized list
 * bounds (src/graph/common/list-bounds.ts); undefined (database down) costs those lists at
 * MAX_PAGE_SIZE.
 */
export function complexityLimits(limits: Limits, bounds: () => Promise<Bounds | undefined>): ApolloServerPlugin {
  const check = async (context: GraphQLRequestContext<object>, operations: readonly OperationDefinitionNode[]) => {
    const { schema, document, request } = context as Required<Pick<GraphQLRequestContext<object>, 'schema' | 'document' | 'request'>>;
    const bound = listBound(schema, await bounds(), limits.maxFirst);
    for (const operation of operations) {
      const problem = violation(measure(schema, document!, operation, request.variables, { maxFirst: limits.maxFirst, bound }), limits);
      if (problem) throw tooComplex(problem);
    }
  };
  return {
    // A hook that throws before validation is an "unexpected error" to Apollo, which would answer
    // 500; rethrowing our own error here makes Apollo answer with it (graphql-armor does the same).
    unexpectedErrorProcessingRequest: async ({ error }) => {
      if (error instanceof GraphQLError && error.extensions.code === 'QUERY_TOO_COMPLEX') throw error;
    },
    requestDidStart: async () => ({
      // Thrown here, the error ends the request before any validation rule runs.
      validationDidStart: async (context) => {
        const operations = context.document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
        const chosen = context.request.operationName
          ? operations.filter((o) => o.name?.value === context.request.operationName)
          : operations;
        await check(context, chosen);
        return undefined;
      },
      didResolveOperation: async (context) => {
        if (context.operation) await check(context, [context.operation]);
      },
    }),
  };
}
