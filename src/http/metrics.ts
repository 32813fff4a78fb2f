import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, OperationDefinitionNode } from 'graphql';
import client from 'prom-client';
import { DomainError } from '../errors';

function errorCode(error: GraphQLError): string {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original.code;
  return String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}

/** Longest operation name kept as a label value. */
const MAX_NAME_LENGTH = 64;

/**
 * Operation names come from the client's document, so each one would be a new time series: the
 * label is the name of the operation actually resolved ('invalid' when none was), names longer
 * than MAX_NAME_LENGTH and names beyond the first `max` distinct ones are folded into 'other'.
 */
export class OperationLabels {
  private readonly kept = new Set<string>();

  constructor(private readonly max: number) {}

  label(operation: OperationDefinitionNode | undefined | null): string {
    if (!operation) return 'invalid';
    const name = operation.name?.value;
    if (!name) return 'anonymous';
    if (this.kept.has(name)) return name;
    if (name.length > MAX_NAME_LENGTH || this.kept.size >= this.max) return 'other';
    this.kept.add(name);
    return name;
  }
}

/** Prometheus metrics of this process: default Node metrics plus per-operation GraphQL counters and latency. */
export class Metrics {
  readonly registry = new client.Registry();
  readonly operations = new client.Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations executed, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    registers: [this.registry],
  });
  readonly errors = new client.Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors returned, by operation name and error code',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });
  readonly latency = new client.Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation latency in seconds, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly http = new client.Counter({
    name: 'http_requests_total',
    help: 'HTTP requests, by route and status code',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly labels: OperationLabels;

  constructor(maxOperations = 200) {
    this.labels = new OperationLabels(maxOperations);
    client.collectDefaultMetrics({ register: this.registry });
  }

  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          didEncounterErrors: async ({ operation, errors }) => {
            for (const error of errors) this.errors.inc({ operation: this.labels.label(operation), code: errorCode(error) });
          },
          willSendResponse: async ({ operation }) => {
            const name = this.labels.label(operation);
            this.operations.inc({ operation: name, type: operation?.operation ?? 'unknown' });
            this.latency.observe({ operation: name }, Number(process.hrtime.bigint() - started) / 1e9);
          },
        };
      },
    };
  }
}
