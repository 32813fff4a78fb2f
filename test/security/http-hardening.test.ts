import http from 'node:http';
import net from 'node:net';
import { signToken } from '../../src/http/auth';
import { TestApp, startTestApp } from '../support/app';
import { snapshot } from '../support/mutations';

/**
 * Hostile HTTP clients: cross-site "simple" requests, DNS rebinding in open mode, oversized and
 * slow bodies, idle and excess connections, metric label floods, an unprotected /metrics.
 */

const CREATE = 'mutation { createInstitution(input: { id: "csrf-victim", name: "Pwned" }) { id } }';

function portOf(t: TestApp): number {
  return Number(new URL(t.url).port);
}

/** A request with headers fetch will not let us forge (Host). */
function rawRequest(
  port: number,
  options: { path?: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path ?? '/graphql',
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens a socket, writes `head`, and collects what comes back until the server closes it. */
function socketSession(port: number): { socket: net.Socket; received: () => string; closed: Promise<number> } {
  const socket = net.connect(port, '127.0.0.1');
  let data = '';
  const started = Date.now();
  socket.on('data', (chunk) => (data += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
  return { socket, received: () => data, closed };
}

describe('cross-site requests and DNS rebinding (open development mode)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({});
  });
  afterAll(() => t.stop());

  it.each([
    ['text/plain;charset=json'],
    ['text/plain'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=x'],
    ['application/jsonp'],
    ['application/json-patch+json'],
    ['text/json'],
  ])('a POST with content-type %s never executes: 415, nothing written', async (contentType) => {
    const before = await snapshot(t);
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ query: CREATE }) });
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).errors[0].message).toMatch(/application\/json/);
    expect(await snapshot(t)).toBe(before);
  });

  it.each([
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['Application/JSON;charset=UTF-8'],
    ['application/graphql-response+json'],
  ])('the JSON media types are parsed (%s)', async (contentType) => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: JSON.stringify({ query: '{ msls { id } }' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.msls).toEqual([]);
  });

  it('GET queries keep working', async () => {
    const res = await fetch(`${t.url}?query=${encodeURIComponent('{ msls { id } }')}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
  });

  it('a rebinding page (foreign Host) gets 421 on every route but /health, and nothing runs', async () => {
    const before = await snapshot(t);
    const port = portOf(t);
    const post = await rawRequest(port, {
      method: 'POST',
      headers: { host: `attacker.example:${port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: CREATE }),
    });
    expect(post.status).toBe(421);
    expect(
      (
        await rawRequest(port, {
          headers: { host: 'attacker.example' },
          path: `/graphql?query=${encodeURIComponent('{ msls { id email } }')}`,
        })
      ).status,
    ).toBe(421);
    expect((await rawRequest(port, { headers: { host: '127.0.0.1.attacker.example' }, path: '/metrics' })).status).toBe(421);
    expect((await rawRequest(port, { headers: { host: 'attacker.example' }, path: '/' })).status).toBe(421);
    expect(await snapshot(t)).toBe(before);
    expect((await rawRequest(port, { headers: { host: 'attacker.example' }, path: '/health' })).status).toBe(200);
  });

  it('a page of another origin gets 403; loopback hosts and origins are served', async () => {
    const port = portOf(t);
    const body = JSON.stringify({ query: '{ msls { id } }' });
    const headers = (extra: Record<string, string>) => ({ 'content-type': 'application/json', ...extra });
    expect(
      (
        await rawRequest(port, {
          method: 'POST',
          headers: headers({ host: `localhost:${port}`, origin: 'https://attacker.example' }),
          body,
        })
      ).status,
    ).toBe(403);
    expect((await rawRequest(port, { method: 'POST', headers: headers({ host: `localhost:${port}`, origin: 'null' }), body })).status).toBe(
      403,
    );
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost']) {
      expect((await rawRequest(port, { method: 'POST', headers: headers({ host, origin: `http://${host}` }), body })).status).toBe(200);
    }
  });
});

describe('with authentication configured', () => {
  let t: TestApp;
  const secret = 'a-long-enough-secret-for-hs256-signing!';
  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET: secret }, { reset: false });
  });
  afterAll(() => t.stop());

  it('any Host is served (the bearer token, never a cookie, is the defence)', async () => {
    const token = signToken(secret, { sub: 'a', roles: ['ANALYST'] });
    const res = await rawRequest(portOf(t), {
      method: 'POST',
      headers: { host: 'api.example.com', authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ msls { id } }' }),
    });
    expect(res.status).toBe(200);
  });

  it('text/plain is refused there too', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ msls { id } }' }),
    });
    expect(res.status).toBe(415);
  });
});

describe('body limit, timeouts, connection cap', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(
      {
        MAX_BODY_BYTES: '10000',
        HTTP_REQUEST_TIMEOUT_MS: '1500',
        HTTP_HEADERS_TIMEOUT_MS: '1000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '500',
        HTTP_MAX_CONNECTIONS: '4',
      },
      { reset: false },
    );
  });
  afterAll(() => t.stop());

  it('a declared length over the limit: 413 at once, the body is never read', async () => {
    const s = socketSession(portOf(t));
    s.socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n');
    const ms = await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(ms).toBeLessThan(1000);
  });

  it('a chunked body growing past the limit: 413 while the client is still sending', async () => {
    const s = socketSession(portOf(t));
    s.socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = 'x'.repeat(4000);
    for (let i = 0; i < 4; i++) s.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    // No terminating chunk: the body never ends, yet the answer comes.
    const ms = await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(ms).toBeLessThan(1000);
  });

  it('a body sent one byte at a time is cut off at HTTP_REQUEST_TIMEOUT_MS', async () => {
    const s = socketSession(portOf(t));
    s.socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
    const drip = setInterval(() => s.socket.writable && s.socket.write('{'), 100);
    const ms = await s.closed;
    clearInterval(drip);
    expect(s.received()).toMatch(/^HTTP\/1\.1 408|^$/);
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(4000);
  });

  it('headers sent slowly are cut off at HTTP_HEADERS_TIMEOUT_MS', async () => {
    const s = socketSession(portOf(t));
    s.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => s.socket.writable && s.socket.write('X-A: b\r\n'), 100);
    const ms = await s.closed;
    clearInterval(drip);
    expect(ms).toBeLessThan(3000);
    expect(s.received()).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('an idle kept-alive connection is closed after HTTP_KEEP_ALIVE_TIMEOUT_MS', async () => {
    const s = socketSession(portOf(t));
    s.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const ms = await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(ms).toBeLessThan(2500);
  });

  it('connections beyond HTTP_MAX_CONNECTIONS are closed at once; service resumes when they go', async () => {
    const held = Array.from({ length: 4 }, () => socketSession(portOf(t)));
    await Promise.all(held.map((s) => new Promise((resolve) => s.socket.once('connect', resolve))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = socketSession(portOf(t));
    extra.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await extra.closed;
    expect(extra.received()).toBe('');
    for (const s of held) s.socket.destroy();
    await Promise.all(held.map((s) => s.closed));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await rawRequest(portOf(t), { path: '/health' })).status).toBe(200);
  });
});

describe('/metrics', () => {
  it('operation names are bounded: long names and names past METRICS_MAX_OPERATIONS fold into "other"', async () => {
    const t = await startTestApp({ METRICS_MAX_OPERATIONS: '5' }, { reset: false });
    try {
      const post = (query: string, operationName?: string) =>
        fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, operationName }) });
      const size = async () => (await (await fetch(t.app.http.metricsUrl)).text()).length;
      await post('query Probe { msls { id } }');
      const baseline = await size();
      for (let i = 0; i < 200; i++) await post(`query Op${i}_${'x'.repeat(2000)} { msls { id } }`);
      for (let i = 0; i < 50; i++) await post(`query Short${i} { msls { id } }`);
      await post('{ msls { id } }', `Claimed${'y'.repeat(500)}`);
      await post('query { nope }');
      const text = await (await fetch(t.app.http.metricsUrl)).text();
      const operations = new Set([...text.matchAll(/graphql_operations_total\{operation="([^"]*)"/g)].map((m) => m[1]));
      expect(operations.has('Probe')).toBe(true);
      expect(operations.has('other')).toBe(true);
      expect([...operations].filter((name) => !['other', 'anonymous', 'invalid'].includes(name)).length).toBeLessThanOrEqual(5);
      expect([...operations].every((name) => name.length <= 64)).toBe(true);
      expect(text.length - baseline).toBeLessThan(20000);
    } finally {
      await t.stop();
    }
  });

  it('METRICS_TOKEN: /metrics needs the bearer token', async () => {
    const t = await startTestApp({ METRICS_TOKEN: 'scrape-me-please' }, { reset: false });
    try {
      expect((await fetch(t.app.http.metricsUrl)).status).toBe(401);
      expect((await fetch(t.app.http.metricsUrl, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await fetch(t.app.http.metricsUrl, { headers: { authorization: 'Bearer scrape-me-please' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('http_requests_total');
    } finally {
      await t.stop();
    }
  });

  it('METRICS_PORT: /metrics only on its own port', async () => {
    const t = await startTestApp({ METRICS_PORT: '0' }, { reset: false });
    try {
      expect((await fetch(t.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
      expect(t.app.http.metricsUrl).not.toBe(t.url.replace(/\/graphql$/, '/metrics'));
      expect((await fetch(t.app.http.metricsUrl)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });
});
