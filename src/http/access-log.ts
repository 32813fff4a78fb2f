import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '../logger';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * One info line per HTTP request once its response is sent (or the client went away):
 * `{ method, route, status, ms, requestId, operationName }`, msg "request". The request id is the
 * client's `x-request-id` when it is a plain token (letters, digits, . _ : -, at most 128), else a
 * new UUID; it is echoed in the `x-request-id` response header and is the GraphQL context's id.
 */
export class AccessLog {
  /** GraphQL operation names by request id, filled by the plugin, read when the response ends. */
  private readonly operations = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  /** Call first for every request: returns its id and logs the request when it ends. */
  begin(req: http.IncomingMessage, res: http.ServerResponse, route: string): string {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    // Later handlers (the GraphQL context) read the id from the request header.
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const operationName = this.operations.get(requestId);
      this.operations.delete(requestId);
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const status = res.writableFinished ? res.statusCode : 499;
      this.logger.info(
        { requestId, method: req.method, route: accessRoute(route), status, ms, ...(operationName ? { operationName } : {}) },
        'request',
      );
    };
    res.once('finish', done);
    res.once('close', done);
    return requestId;
  }

  /** Records each GraphQL operation's name for its request's line. */
  plugin(): ApolloServerPlugin<{ requestId: string }> {
    return {
      requestDidStart: async ({ contextValue }) => ({
        didResolveOperation: async ({ operationName }) => {
          this.operations.set(contextValue.requestId, operationName ?? 'anonymous');
        },
      }),
    };
  }
}

/** Routes as logged: fixed paths as they are, assets as /assets/*, anything else as "other". */
function accessRoute(route: string): string {
  if (['/', '/graphql', '/health', '/ready', '/metrics', '/index.html'].includes(route)) return route;
  if (route.startsWith('/assets/')) return '/assets/*';
  return 'other';
}
