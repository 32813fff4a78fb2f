import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  DocumentNode,
  ExecutionResult,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  execute,
} from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** Which executor runs queries: graphql-jit's compiled code (default) or graphql-js. */
export type ExecutorKind = 'jit' | 'graphql-js';

/**
 * Runs queries through graphql-jit behind Apollo Server. Apollo Server 5 has no `executor`
 * option; its gateway hook (`load()` returning an executor) is the documented way in, and keeps
 * everything else Apollo does: parsing, validation (introspection switch included), plugins (the
 * depth/cost limits, metrics, access log), error formatting and HTTP.
 *
 * graphql-jit compiles each operation once into straight-line JavaScript: plain property fields
 * are read inline instead of through a resolver call each, and the per-field bookkeeping of
 * graphql-js (argument coercion, path objects, completeValue dispatch) is done at compile time.
 * On a 100-HCP, 1,800-link response that is most of the GraphQL share of the CPU (docs/performance.md).
 *
 * graphql-js still runs, with identical results by construction, what the compiled path either
 * cannot do or should not risk:
 * - mutations (rare, serial, audited: the reference executor keeps their ordering semantics);
 * - introspection (`__schema`, `__type`): large, rare, and the reference implementation's answer;
 * - documents graphql-jit cannot compile;
 * - requests that fail before execution (variables that do not coerce): no resolver has run, so
 *   graphql-js answers with its own messages, the ones clients and tests know.
 */
export function compiledExecutor(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiledFor = (
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | undefined,
  ): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      const eligible = operation.operation === 'query' && !introspects(document, operation.selectionSet, new Set());
      const query = eligible ? compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true }) : null;
      byName.set(key, query && isCompiledQuery(query) ? query : null);
    }
    return byName.get(key) ?? null;
  };

  const reference = (
    document: DocumentNode,
    contextValue: unknown,
    variableValues: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ) => execute({ schema, document, contextValue, variableValues, operationName }) as Promise<ExecutionResult> | ExecutionResult;

  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    const query = compiledFor(document, operation, request.operationName ?? undefined);
    if (!query) return reference(document, context, request.variables, request.operationName ?? undefined);
    const result = await query.query(undefined, context, request.variables ?? {});
    if (!result.errors?.length) return result;
    if (result.data === undefined) return reference(document, context, request.variables, request.operationName ?? undefined);
    return { ...result, errors: result.errors.map((error) => located(error, document)) };
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}

/**
 * graphql-jit's field errors carry `locations` but no AST nodes; Apollo rebuilds every error from
 * nodes or source positions and would drop them. The same error as graphql-js would raise: source
 * positions recomputed from the locations, path, original error and its extensions kept.
 */
function located(error: GraphQLError, document: DocumentNode): GraphQLError {
  const source = document.loc?.source;
  const lineStarts = source ? lineOffsets(source.body) : [];
  const positions = source ? (error.locations ?? []).map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1) : undefined;
  return new GraphQLError(error.message, {
    source,
    positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

function lineOffsets(body: string): number[] {
  const starts = [0];
  for (const match of body.matchAll(/\r\n|[\n\r]/g)) starts.push((match.index ?? 0) + match[0].length);
  return starts;
}

/** Whether the operation selects `__schema` or `__type` anywhere, fragments included. */
function introspects(document: DocumentNode, selectionSet: SelectionSetNode, seen: Set<string>): boolean {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__schema' || selection.name.value === '__type') return true;
      if (selection.selectionSet && introspects(document, selection.selectionSet, seen)) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (introspects(document, selection.selectionSet, seen)) return true;
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment && fragment.kind === Kind.FRAGMENT_DEFINITION && introspects(document, fragment.selectionSet, seen)) return true;
    }
  }
  return false;
}
