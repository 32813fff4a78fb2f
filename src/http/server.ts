import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, ApolloServerPlugin, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { DomainError } from '../errors';
import { AppServices, GraphContext, createContext } from '../graph/context';
import { graphqlSchema } from '../graph/schema';
import { Logger } from '../logger';
import { viewerFromAuthorization } from './auth';
import { formatError } from './errors';
import { complexityLimits } from './limits';
import { Metrics } from './metrics';
import { AccessLog } from './access-log';
import { webRoutes } from './explorer';

const MAX_BODY_BYTES = 1024 * 1024;
const READY_TIMEOUT_MS = 2000;

export interface HttpServer {
  url: string;
  server: http.Server;
  metrics: Metrics;
  stop(): Promise<void>;
}

/**
 * Serves GraphQL over HTTP at /graphql (POST and GET) plus /health, /ready and /metrics, on a
 * plain node:http server: routing, body limits and status codes stay in our hands.
 */
export async function startHttpServer(app: AppServices, logger: Logger): Promise<HttpServer> {
  const { config } = app;
  const metrics = new Metrics();
  // Issue 8: access log line per request; explorer page, GraphiQL and their assets.
  const accessLog = new AccessLog(logger);
  const web = webRoutes({ graphqlIde: config.graphqlIde, authRequired: Boolean(config.jwtSecret) });
  let apollo: ApolloServer<GraphContext>;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      logger.error({ err: error }, 'unhandled HTTP error');
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    });
  });

  apollo = new ApolloServer<GraphContext>({
    schema: graphqlSchema(),
    formatError,
    // GRAPHQL_INTROSPECTION (default: on unless NODE_ENV=production) also switches the explorer
    // landing page and "did you mean" suggestions in validation errors.
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Auth is a bearer header, never a cookie, so cross-site requests carry no credentials:
    // Apollo's CSRF guard would only break plain GET clients (GraphQL over HTTP).
    csrfPrevention: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // The default cache-control plugin wraps every field resolver to compute cache hints we never
      // set (about a sixth of the CPU time of a 2,000-link response); its only visible effect,
      // `cache-control: no-store`, is set below instead.
      ApolloServerPluginCacheControlDisabled(),
      complexityLimits({ maxDepth: config.maxDepth, maxCost: config.maxCost, maxFirst: config.maxFirst }),
      metrics.plugin(),
      accessLog.plugin(),
      logUnexpectedErrors(logger),
      // Apollo's landing page loads from a CDN: the bundled GraphiQL (GRAPHQL_IDE) replaces it.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname;
    accessLog.begin(req, res, route);
    res.on('finish', () => metrics.http.inc({ route: knownRoute(route), status: String(res.statusCode) }));
    if (route === '/health') return send(res, 200, 'application/json', JSON.stringify({ status: 'ok' }));
    if (route === '/ready') {
      // A down database must not make probes hang: the driver retries for seconds, the probe waits 2 s at most.
      const up = await Promise.race([app.db.ping(), new Promise<boolean>((resolve) => setTimeout(resolve, READY_TIMEOUT_MS, false).unref())]);
      const status = !up ? 'database unavailable' : app.prepared ? 'ready' : 'preparing the database';
      return send(res, up && app.prepared ? 200 : 503, 'application/json', JSON.stringify({ status }));
    }
    if (route === '/metrics') return send(res, 200, metrics.registry.contentType, await metrics.registry.metrics());
    if (web(req, res, route, url)) return;
    if (route === '/graphql') return graphql(req, res, url);
    return send(res, 404, 'application/json', JSON.stringify({ error: 'not found' }));
  }

  async function graphql(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const requestId = String(req.headers['x-request-id'] ?? randomUUID());
    res.setHeader('x-request-id', requestId);
    const body = await readBody(req);
    if (body === TOO_LARGE) return sendErrors(res, 413, 'BAD_REQUEST', `request body larger than ${MAX_BODY_BYTES} bytes`);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    let parsed: unknown = undefined;
    if (body.length > 0 && (headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendErrors(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
      }
    } else if (body.length > 0) {
      parsed = body;
    }
    let context: GraphContext;
    try {
      context = createContext(app, viewerFromAuthorization(headers.get('authorization'), config.jwtSecret), requestId);
    } catch (error) {
      if (error instanceof DomainError) return sendErrors(res, 401, error.code, error.message);
      throw error;
    }
    const started = Date.now();
    const request: HTTPGraphQLRequest = { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body: parsed };
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (!res.hasHeader('cache-control')) res.setHeader('cache-control', 'no-store');
    res.statusCode = legacyJsonStatus(response.status ?? 200, response.headers.get('content-type'), response.body);
    if (response.body.kind === 'complete') res.end(response.body.string);
    else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    logger.debug({ requestId, status: res.statusCode, ms: Date.now() - started }, 'graphql request');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}/graphql`,
    server,
    metrics,
    stop: () => apollo.stop(),
  };
}

/** Unexpected errors reach clients as a bare INTERNAL_SERVER_ERROR; the details go to the log. */
function logUnexpectedErrors(logger: Logger): ApolloServerPlugin<GraphContext> {
  return {
    requestDidStart: async () => ({
      didEncounterErrors: async ({ errors, contextValue }) => {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof DomainError || !(original instanceof Error) || original instanceof GraphQLError) continue;
          logger.error({ err: original, requestId: contextValue.requestId, path: error.path }, 'unexpected error in a resolver');
        }
      },
    }),
  };
}

/** Errors raised before execution because of the request's document or variables. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'QUERY_TOO_COMPLEX']);

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (the legacy media type) gets
 * 200 for a well-formed request whose document fails to parse or validate, whose variables fail
 * to coerce, or that is too complex (the errors are in the body, there is no `data`). Apollo
 * answers 400 there; with `application/graphql-response+json` 400 is right and kept. Everything
 * else (bad JSON, missing query, GET mutation, auth) keeps its status.
 */
function legacyJsonStatus(status: number, contentType: string | undefined, body: { kind: string; string?: string }): number {
  if (status !== 400 || !contentType?.startsWith('application/json') || body.kind !== 'complete' || !body.string) return status;
  try {
    const parsed = JSON.parse(body.string) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const errors = parsed.errors ?? [];
    const requestErrors = !('data' in parsed) && errors.length > 0 && errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)));
    return requestErrors ? 200 : status;
  } catch {
    return status;
  }
}

const TOO_LARGE = Symbol('too large');

function readBody(req: http.IncomingMessage): Promise<string | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client still gets its 413.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.end(body);
}

function sendErrors(res: http.ServerResponse, status: number, code: string, message: string): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

function knownRoute(route: string): string {
  return ['/graphql', '/health', '/ready', '/metrics', '/'].includes(route) ? route : 'other';
}
