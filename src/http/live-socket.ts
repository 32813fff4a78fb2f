import http from 'node:http';
import { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { ExecutionArgs, GraphQLError, OperationDefinitionNode, getOperationAST, getVariableValues, parse, validate } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeJwt } from 'jose';
import { DomainError } from '../errors';
import { AppServices, Viewer, createContext } from '../graph/context';
import { graphqlSchema } from '../graph/schema';
import { Logger } from '../logger';
import { Authenticate } from './auth';
import { formatError } from './errors';
import { openModeRefusal } from './guards';
import { Limits, listBound, measure, tooComplex, violation } from './limits';

/** How long sockets get to close after the server says it stops (1001) before they are cut. */
const CLOSE_GRACE_MS = 500;

export interface LiveSockets {
  /** Open WebSocket connections. */
  readonly connections: number;
  /** Closes every socket (1001 "going away"), cutting those that do not close within CLOSE_GRACE_MS. */
  stop(): Promise<void>;
}

interface Connection {
  viewer: Viewer;
  expiry?: NodeJS.Timeout;
  /** Epoch ms the token expires; undefined in open development mode. */
  expiresAt?: number;
}

/**
 * GraphQL subscriptions over WebSocket at /graphql (graphql-ws protocol, `graphql-transport-ws`),
 * on the HTTP server's own port. What protects it (docs/security.md):
 * - the upgrade request follows the HTTP rules of open development mode (loopback Host and Origin
 *   only: a page of another site cannot open a socket that would be ADMIN, nor can DNS rebinding);
 *   at most WS_MAX_CONNECTIONS sockets; messages over WS_MAX_MESSAGE_BYTES close the socket (1009);
 * - `connection_init` must carry the same bearer token as HTTP (`{"authorization": "Bearer <jwt>"}`,
 *   or the upgrade request's Authorization header): otherwise the socket closes with 4403 and the
 *   reason; it closes with 4403 too when the token expires, however long the socket lives
 *   (clients reconnect with a fresh token); subscribing before that is 4401 (graphql-ws);
 * - only subscriptions (queries and mutations go over HTTP, through its whole pipeline), each
 *   within the HTTP limits (tokens, depth, aliases, cost), at most WS_MAX_SUBSCRIPTIONS per socket;
 * - events run through the same resolvers and field rules as HTTP, as the socket's viewer.
 */
export function attachLiveSockets(
  server: http.Server,
  app: AppServices,
  options: { authenticate: Authenticate; openMode: boolean; limits: Limits; maxTokens: number; logger: Logger },
): LiveSockets {
  const { config } = app;
  const { authenticate, openMode, limits, maxTokens, logger } = options;
  const schema = graphqlSchema();
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.wsMaxMessageBytes });
  const connections = new WeakMap<WebSocket, Connection>();
  let upgrading = 0;

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const route = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (route !== '/graphql') return refuse(socket, 404, 'not found');
    const refusal = openMode ? openModeRefusal(req) : undefined;
    if (refusal) return refuse(socket, refusal.status, refusal.message);
    if (wss.clients.size + upgrading >= config.wsMaxConnections)
      return refuse(socket, 503, `at most ${config.wsMaxConnections} WebSocket connections (WS_MAX_CONNECTIONS)`);
    upgrading += 1;
    wss.handleUpgrade(req, socket, head, (ws) => {
      upgrading -= 1;
      wss.emit('connection', ws, req);
    });
  });

  const tagged = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

  useServer<Record<string, unknown>>(
    {
      schema,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const given = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const authorization = typeof given === 'string' ? given : ctx.extra.request.headers.authorization;
        let viewer: Viewer;
        try {
          viewer = await authenticate(authorization);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          socket.close(CloseCode.Forbidden, error.message.slice(0, 120));
          return false;
        }
        const connection: Connection = { viewer };
        const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
        const exp = !openMode && token ? decodeJwt(token).exp : undefined;
        if (exp !== undefined) {
          connection.expiresAt = exp * 1000;
          // A socket outlives its token otherwise: close it when the token expires.
          connection.expiry = setTimeout(() => socket.close(CloseCode.Forbidden, 'the token has expired'), exp * 1000 - Date.now());
          socket.once('close', () => clearTimeout(connection.expiry));
        }
        connections.set(socket, connection);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connections.get(ctx.extra.socket)!;
        if (connection.expiresAt !== undefined && Date.now() >= connection.expiresAt) {
          ctx.extra.socket.close(CloseCode.Forbidden, 'the token has expired');
          return [tagged('the token has expired', 'UNAUTHENTICATED')];
        }
        // ctx.subscriptions already holds this one.
        if (Object.keys(ctx.subscriptions).length > config.wsMaxSubscriptions)
          return [tagged(`at most ${config.wsMaxSubscriptions} subscriptions per connection (WS_MAX_SUBSCRIPTIONS)`, 'BAD_REQUEST')];
        let document;
        try {
          document = parse(payload.query, { maxTokens });
        } catch (error) {
          return [
            /more th(?:an|at) \d+ tokens/.test((error as Error).message)
              ? tooComplex((error as Error).message)
              : tagged((error as Error).message, 'GRAPHQL_PARSE_FAILED'),
          ];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation)
          return [tagged('the document must hold exactly one operation, or name one (operationName)', 'GRAPHQL_VALIDATION_FAILED')];
        if (operation.operation !== 'subscription')
          return [tagged('only subscriptions go over WebSocket: send queries and mutations to POST /graphql', 'BAD_REQUEST')];
        // Limits first, as over HTTP: no validation rule ever runs on a hostile document.
        const problem = await limitProblem(operation, document, payload.variables ?? undefined);
        if (problem) return [tooComplex(problem)];
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (coerced.errors) return coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT'));
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: createContext(app, connection.viewer, `ws-${randomUUID()}`),
        };
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => format(error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => format(error)),
    },
    wss,
  );
  // graphql-ws reports socket errors (an oversized message, a broken frame) with console.error;
  // ws closes those sockets itself (1009, 1002): they belong in the JSON log, as a warning.
  wss.on('connection', (socket: WebSocket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error) => logger.warn({ err: error.message }, 'WebSocket closed on a protocol error'));
  });

  async function limitProblem(
    operation: OperationDefinitionNode,
    document: ReturnType<typeof parse>,
    variables: Record<string, unknown> | undefined,
  ): Promise<string | undefined> {
    const bound = listBound(schema, await app.listBounds.current(), limits.maxFirst);
    return violation(measure(schema, document, operation, variables, { maxFirst: limits.maxFirst, bound }), limits);
  }

  function format(error: GraphQLError) {
    const formatted = formatError(error.toJSON(), error);
    if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR')
      logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error in a subscription');
    return formatted;
  }

  return {
    get connections() {
      return wss.clients.size;
    },
    stop: async () => {
      const open = [...wss.clients];
      for (const client of open) client.close(1001, 'the server is stopping');
      await Promise.race([
        Promise.all(
          open.map(
            (client) => new Promise((resolve) => (client.readyState === WebSocket.CLOSED ? resolve(null) : client.once('close', resolve))),
          ),
        ),
        new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref()),
      ]);
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
}

/** Answers an upgrade request with a plain HTTP error and closes the connection. */
function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({
    errors: [{ message, extensions: { code: status === 503 ? 'SERVICE_UNAVAILABLE' : status === 404 ? 'NOT_FOUND' : 'FORBIDDEN' } }],
  });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
