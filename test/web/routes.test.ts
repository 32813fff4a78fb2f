import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { WebOptions, webRoutes } from '../../src/http/explorer';

/** The static routes on a bare node:http server over a fake dist folder (no database, no build). */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<meta name="msl-graph-auth" content="%MSL_GRAPH_AUTH%"><meta name="msl-graph-ide" content="%MSL_GRAPH_IDE%">explorer',
  );
  fs.writeFileSync(path.join(dir, 'graphiql.html'), '<title>GraphiQL</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'explorer.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'assets', 'explorer.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'assets', '.hidden'), 'secret');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function serve(options: Partial<WebOptions>, run: (base: string) => Promise<void>): Promise<void> {
  const route = webRoutes({ graphqlIde: true, authRequired: false, distDir: dir, ...options });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!route(req, res, url.pathname, url)) {
      res.writeHead(404, { 'x-fallthrough': 'yes' });
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('web routes', () => {
  it('serves the explorer at / with its security headers, the auth mode filled in, and 304 while unchanged', () =>
    serve({ authRequired: true }, async (base) => {
      const res = await fetch(`${base}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const body = await res.text();
      expect(body).toContain('content="bearer"');
      expect(body).toContain('name="msl-graph-ide" content="on"');
      const etag = res.headers.get('etag');
      expect(etag).toBeTruthy();
      const again = await fetch(`${base}/`, { headers: { 'if-none-match': etag ?? '' } });
      expect(again.status).toBe(304);
      const head = await fetch(`${base}/index.html`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    }));

  it('serves bundle files by name only: no folders, no dot files, nothing outside assets', () =>
    serve({}, async (base) => {
      const js = await fetch(`${base}/assets/explorer.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await js.text()).toBe('console.log(1)');
      expect((await fetch(`${base}/assets/explorer.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
      for (const probe of [
        '/assets/.hidden',
        '/assets/%2e%2e%2fsecret.txt',
        '/assets/..%2fsecret.txt',
        '/assets/sub/explorer.js',
        '/secret.txt',
      ]) {
        const res = await fetch(`${base}${probe}`);
        expect([probe, res.headers.get('x-fallthrough')]).toEqual([probe, 'yes']);
      }
      expect((await fetch(`${base}/`, { method: 'POST', body: 'x' })).status).toBe(405);
    }));

  it('answers a browser at /graphql with GraphiQL only when GRAPHQL_IDE is on and no query is given', async () => {
    await serve({ graphqlIde: true }, async (base) => {
      const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('GraphiQL');
      // GraphQL over HTTP clients fall through to the API.
      for (const [query, accept] of [
        ['', 'application/json'],
        ['', 'application/graphql-response+json'],
        ['?query=%7B__typename%7D', 'text/html'],
        ['', '*/*'],
      ]) {
        expect((await fetch(`${base}/graphql${query}`, { headers: { accept } })).headers.get('x-fallthrough')).toBe('yes');
      }
      expect((await fetch(`${base}/graphql`, { method: 'POST', headers: { accept: 'text/html' } })).headers.get('x-fallthrough')).toBe(
        'yes',
      );
    });
    await serve({ graphqlIde: false }, async (base) => {
      expect((await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).headers.get('x-fallthrough')).toBe('yes');
      expect(await (await fetch(`${base}/`)).text()).toContain('name="msl-graph-ide" content="off"');
    });
  });

  it('says how to build the pages when web/dist is missing', async () => {
    const route = webRoutes({ graphqlIde: true, authRequired: false, distDir: path.join(dir, 'nope') });
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      route(req, res, url.pathname, url);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:web');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('front-end sources', () => {
  it('type-check (tsc -p web/tsconfig.json: DOM, JSX)', async () => {
    const { execFile } = await import('node:child_process');
    const root = path.resolve(__dirname, '../..');
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const output = await new Promise<string>((resolve) => {
      execFile(process.execPath, [tsc, '--noEmit', '-p', path.join(root, 'web', 'tsconfig.json')], { cwd: root }, (error, stdout) =>
        resolve(error ? `${stdout}\n${error.message}` : stdout),
      );
    });
    expect(output).toBe('');
  }, 120000);
});
