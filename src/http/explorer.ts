import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { projectRoot } from '../paths';

/**
 * The browser pages, bundled by scripts/build-web.ts into web/dist (no CDN at run time):
 *  - `/`: the network explorer (always on; it only calls the public GraphQL API);
 *  - `/graphql`: GraphiQL, for a browser's GET (Accept: text/html, no `query` parameter) when
 *    GRAPHQL_IDE is on; every other /graphql request (GET with `query`, JSON clients, POST) is
 *    left to GraphQL over HTTP;
 *  - `/assets/<file>`: the bundles.
 * The pages learn from meta tags whether the server wants a bearer token (JWT_SECRET set) and
 * whether GraphiQL is served.
 */
export interface WebOptions {
  graphqlIde: boolean;
  /** True when requests need `Authorization: Bearer <jwt>`. */
  authRequired: boolean;
  /** Default: <project>/web/dist. */
  distDir?: string;
}

export type WebRoute = (req: http.IncomingMessage, res: http.ServerResponse, route: string, url: URL) => boolean;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Scripts and styles from this origin only; the API on this origin only; no framing. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

interface Cached {
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
}

/** Returns the route hook: true when it answered the request. */
export function webRoutes(options: WebOptions): WebRoute {
  const dist = options.distDir ?? path.join(projectRoot, 'web', 'dist');
  const cache = new Map<string, Cached>();
  const auth = options.authRequired ? 'bearer' : 'none';

  function read(file: string): Cached | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit;
    let body = fs.readFileSync(file);
    if (file.endsWith('.html'))
      body = Buffer.from(
        body
          .toString('utf8')
          .replaceAll('%MSL_GRAPH_AUTH%', auth)
          .replaceAll('%MSL_GRAPH_IDE%', options.graphqlIde ? 'on' : 'off'),
      );
    const entry = { mtimeMs: stat.mtimeMs, size: stat.size, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    cache.set(file, entry);
    return entry;
  }

  function serve(req: http.IncomingMessage, res: http.ServerResponse, file: string): true {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return true;
    }
    const entry = read(file);
    if (!entry) {
      const built = fs.existsSync(dist);
      res.writeHead(built ? 404 : 503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(built ? 'not found\n' : 'The web pages are not built: run `npm run build:web` (or `npm run build`).\n');
      return true;
    }
    const headers: http.OutgoingHttpHeaders = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      // Names are not hashed: revalidate every time, answered by 304 while unchanged.
      'cache-control': 'no-cache',
      etag: entry.etag,
      'x-content-type-options': 'nosniff',
    };
    if (file.endsWith('.html')) {
      headers['content-security-policy'] = CSP;
      headers['referrer-policy'] = 'no-referrer';
      headers['x-frame-options'] = 'DENY';
    }
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    headers['content-length'] = entry.body.length;
    res.writeHead(200, headers);
    res.end(method === 'HEAD' ? undefined : entry.body);
    return true;
  }

  return (req, res, route, url) => {
    if (route === '/' || route === '/index.html') return serve(req, res, path.join(dist, 'index.html'));
    if (route.startsWith('/assets/')) {
      const name = route.slice('/assets/'.length);
      // A plain file name only: no folders, no dot files, nothing outside dist/assets.
      if (!/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(name)) return false;
      return serve(req, res, path.join(dist, 'assets', name));
    }
    if (route === '/graphql' && options.graphqlIde && wantsIde(req, url)) return serve(req, res, path.join(dist, 'graphiql.html'));
    return false;
  };
}

/** A browser navigating to /graphql: GET or HEAD, HTML accepted, no GraphQL parameters. */
function wantsIde(req: http.IncomingMessage, url: URL): boolean {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (url.searchParams.has('query')) return false;
  return String(req.headers.accept ?? '').includes('text/html');
}
