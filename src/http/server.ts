import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, ApolloServerPlugin, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Config } from '../config';
import { DomainError } from '../errors';
import { AppServices, GraphContext, createContext } from '../graph/context';
import { graphqlSchema } from '../graph/schema';
import { Logger } from '../logger';
import { authConfigProblem, authConfigured, authenticator } from './auth';
import { formatError } from './errors';
import { compiledExecutor } from './executor';
import { complexityLimits } from './limits';
import { readPriority } from './read-priority';
import { Metrics } from './metrics';
import { AccessLog } from './access-log';
import { webRoutes } from './explorer';
import { endCompressed } from './compression';
import { warmUp } from './warm-up';
import { LiveSockets, attachLiveSockets } from './live-socket';
import { EXPORT_ROUTES, exportRoutes } from './exports';
import { TOO_LARGE, hasBearer, isJsonMediaType, openModeRefusal, readBody } from './guards';

const READY_TIMEOUT_MS = 2000;
/** How long in-flight requests may finish after SIGTERM: short enough to stop within 5 s. */
const DRAIN_GRACE_MS = 2500;

export interface HttpServer {
  url: string;
  /** Where /metrics answers: PORT, or METRICS_PORT when set. */
  metricsUrl: string;
  server: http.Server;
  metrics: Metrics;
  /** Subscriptions over WebSocket on the same port (live-socket.ts). */
  liveSockets: LiveSockets;
  /** Runs the common operations once through the whole request path (see warm-up.ts). */
  warmUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Serves GraphQL over HTTP at /graphql (POST and GET) plus /health, /ready and /metrics, on a
 * plain node:http server: routing, body limits and status codes stay in our hands.
 */
export async function startHttpServer(app: AppServices, logger: Logger): Promise<HttpServer> {
  const { config } = app;
  const metrics = new Metrics(config.metricsMaxOperations);
  const accessLog = new AccessLog(logger);
  const problem = authConfigProblem(config);
  if (problem) throw new Error(problem);
  const openMode = !authConfigured(config);
  const authenticate = authenticator(config);
  const csvExports = exportRoutes(app, authenticate);
  const web = webRoutes({ graphqlIde: config.graphqlIde, authRequired: !openMode });
  const guarded =
    (handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) =>
    (req: http.IncomingMessage, res: http.ServerResponse) => {
      handler(req, res).catch((error) => {
        logger.error({ err: error }, 'unhandled HTTP error');
        if (!res.headersSent)
          send(
            res,
            500,
            'application/json',
            JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
          );
      });
    };
  const server = createServer(config, guarded(handle));
  const metricsServer =
    config.metricsPort === undefined
      ? undefined
      : createServer(
          config,
          guarded(async (req, res) => {
            const route = new URL(req.url ?? '/', 'http://localhost').pathname;
            if (route === '/metrics') return serveMetrics(req, res);
            return send(res, 404, 'application/json', JSON.stringify({ error: 'not found' }));
          }),
        );

  const limits = { maxDepth: config.maxDepth, maxCost: config.maxCost, maxFirst: config.maxFirst, maxAliases: config.maxAliases };
  // Subscriptions over WebSocket on the same port and path (live-socket.ts).
  const liveSockets = attachLiveSockets(server, app, { authenticate, openMode, limits, maxTokens: config.maxTokens, logger });

  const apollo = new ApolloServer<GraphContext>({
    // Queries run compiled (graphql-jit) unless GRAPHQL_EXECUTOR=graphql-js; see executor.ts.
    ...(config.graphqlExecutor === 'jit' ? { gateway: compiledExecutor(graphqlSchema()) } : { schema: graphqlSchema() }),
    formatError,
    // GRAPHQL_INTROSPECTION (default: on unless NODE_ENV=production) also switches the explorer
    // landing page and "did you mean" suggestions in validation errors.
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // graphql-js stops parsing past this many tokens (answered QUERY_TOO_COMPLEX by formatError).
    parseOptions: { maxTokens: config.maxTokens },
    // Auth is a bearer header, never a cookie, so cross-site requests carry no credentials:
    // Apollo's CSRF guard would only break plain GET clients (GraphQL over HTTP).
    csrfPrevention: false,
    // src/main.ts owns SIGTERM/SIGINT: it stops the API, then the embedded Neo4j. Apollo's own
    // handler would call stop() first, and a second, concurrent stop() never resolves (Apollo
    // resolves the waiting callers only when stopping fails), so shutdown would hang.
    stopOnTerminationSignals: false,
    plugins: [
      // Idle keep-alive connections are closed at once; in-flight requests get DRAIN_GRACE_MS.
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: DRAIN_GRACE_MS }),
      // The default cache-control plugin wraps every field resolver to compute cache hints we never
      // set (about a sixth of the CPU time of a 2,000-link response); its only visible effect,
      // `cache-control: no-store`, is set below instead.
      ApolloServerPluginCacheControlDisabled(),
      complexityLimits(limits, () => app.listBounds.current()),
      readPriority(() => app.db.writeGate),
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
    const refusal = openMode ? openModeRefusal(req) : undefined;
    if (refusal) return sendErrors(res, refusal.status, 'FORBIDDEN', refusal.message);
    if (route === '/ready') {
      // A down database must not make probes hang: the driver retries for seconds, the probe waits 2 s at most.
      const up = await Promise.race([
        app.db.ping(),
        new Promise<boolean>((resolve) => setTimeout(resolve, READY_TIMEOUT_MS, false).unref()),
      ]);
      const status = !up ? 'database unavailable' : app.prepared ? 'ready' : 'preparing the database';
      return send(res, up && app.prepared ? 200 : 503, 'application/json', JSON.stringify({ status }));
    }
    if (route === '/metrics' && !metricsServer) return serveMetrics(req, res);
    if (web(req, res, route, url)) return;
    if (route === '/graphql') return graphql(req, res, url);
    if (await csvExports(req, res, route, url)) return;
    return send(res, 404, 'application/json', JSON.stringify({ error: 'not found' }));
  }

  async function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (config.metricsToken && !hasBearer(req, config.metricsToken)) {
      res.setHeader('www-authenticate', 'Bearer');
      return sendErrors(res, 401, 'UNAUTHENTICATED', '/metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    return send(res, 200, metrics.registry.contentType, await metrics.registry.metrics());
  }

  async function graphql(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const requestId = String(req.headers['x-request-id'] ?? randomUUID());
    res.setHeader('x-request-id', requestId);
    const body = await readBody(req, config.maxBodyBytes);
    if (body === TOO_LARGE) {
      // The unread rest makes the connection unusable: Node closes it once the 413 is sent.
      res.setHeader('connection', 'close');
      return sendErrors(res, 413, 'BAD_REQUEST', `request body larger than ${config.maxBodyBytes} bytes`);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    let parsed: unknown = undefined;
    if (body.length > 0 && req.method === 'POST') {
      // Only the JSON media types: the bodies a page may send cross-site without a preflight
      // (text/plain, forms) are never parsed, so never executed.
      if (!isJsonMediaType(headers.get('content-type')))
        return sendErrors(res, 415, 'BAD_REQUEST', 'the request body must be application/json');
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendErrors(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
      }
    }
    let context: GraphContext;
    try {
      context = createContext(app, await authenticate(headers.get('authorization')), requestId);
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
    if (response.body.kind === 'complete') await endCompressed(req, res, response.body.string, config.compressionMinBytes);
    else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    logger.debug({ requestId, status: res.statusCode, ms: Date.now() - started }, 'graphql request');
  }

  const port = await listen(server, config.port, config.host);
  const metricsPort = metricsServer ? await listen(metricsServer, config.metricsPort ?? 0, config.host) : undefined;
  return {
    url: `http://${config.host}:${port}/graphql`,
    metricsUrl: `http://${config.host}:${metricsPort ?? port}/metrics`,
    server,
    metrics,
    liveSockets,
    warmUp: () => warmUp(apollo, app, logger),
    stop: async () => {
      // Upgraded sockets keep the HTTP server open: they close first.
      await liveSockets.stop();
      if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
      await apollo.stop();
    },
  };
}

/**
 * A node:http server with the limits of `config`: a whole request must arrive within
 * HTTP_REQUEST_TIMEOUT_MS (a client sending its body a byte at a time is cut off), its headers
 * within HTTP_HEADERS_TIMEOUT_MS, idle kept-alive connections close after
 * HTTP_KEEP_ALIVE_TIMEOUT_MS, and at most HTTP_MAX_CONNECTIONS are open at once.
 */
function createServer(config: Config, handler: http.RequestListener): http.Server {
  const requestTimeout = config.httpRequestTimeoutMs;
  const headersTimeout = Math.min(config.httpHeadersTimeoutMs, requestTimeout);
  const server = http.createServer(
    {
      requestTimeout,
      headersTimeout,
      keepAliveTimeout: config.httpKeepAliveTimeoutMs,
      // Node checks those timeouts every 30 s by default, far too coarse for seconds-long limits.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(headersTimeout / 4))),
    },
    handler,
  );
  server.maxConnections = config.httpMaxConnections;
  return server;
}

async function listen(server: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
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
    const requestErrors =
      !('data' in parsed) && errors.length > 0 && errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)));
    return requestErrors ? 200 : status;
  } catch {
    return status;
  }
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
  return ['/graphql', '/health', '/ready', '/metrics', '/', ...EXPORT_ROUTES].includes(route) ? route : 'other';
}
