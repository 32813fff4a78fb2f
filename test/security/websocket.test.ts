import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TestApp, startTestApp } from '../support/app';

/**
 * Hostile WebSocket clients, each attack tried for real: cross-site WebSocket hijacking and DNS
 * rebinding in open development mode (every socket would be ADMIN), documents over the HTTP
 * limits, too many subscriptions, connections or bytes; and what an idle server pays for polling.
 */
let t: TestApp;
const clients: Client[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  // Open development mode: no JWT_SECRET, everyone ADMIN, loopback only.
  t = await startTestApp({ WS_MAX_CONNECTIONS: '3', WS_MAX_SUBSCRIPTIONS: '2', WS_MAX_MESSAGE_BYTES: '16384', LIVE_POLL_MS: '100' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  for (const socket of sockets.splice(0)) socket.terminate();
  await until(() => t.app.http.liveSockets.connections === 0 && t.app.services.live.listening === 0);
});
afterAll(() => t?.stop());

const wsUrl = () => t.url.replace(/^http/, 'ws');

async function until(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A WebSocket upgrade request with `headers`: the HTTP status answered (101 = upgraded). */
function upgrade(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(t.url, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        'sec-websocket-protocol': 'graphql-transport-ws',
        ...headers,
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function client(): Client {
  const created = createClient({ url: wsUrl(), webSocketImpl: WebSocket, retryAttempts: 0 });
  clients.push(created);
  return created;
}

/** The first thing a subscription receives: a result, or the errors of an `error` message. */
function first(c: Client, query: string): Promise<{ errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }> {
  return new Promise((resolve) => {
    c.subscribe(
      { query },
      {
        next: (result) => resolve(result as never),
        error: (error) => resolve({ errors: error as never }),
        complete: () => undefined,
      },
    );
  });
}

describe('the upgrade request in open development mode', () => {
  it('a page of another origin cannot open a socket (cross-site WebSocket hijacking): 403', async () => {
    expect(await upgrade({ origin: 'https://evil.example' })).toBe(403);
    expect(await upgrade({ origin: 'http://localhost.evil.example' })).toBe(403);
    expect(await upgrade({ origin: `http://localhost:${new URL(t.url).port}` })).toBe(101);
  });

  it('a rebinding host name (Host not loopback) is refused: 421', async () => {
    expect(await upgrade({ host: 'evil.example' })).toBe(421);
    expect(await upgrade({ host: `127.0.0.1:${new URL(t.url).port}` })).toBe(101);
  });

  it('only /graphql upgrades', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(t.url.replace('/graphql', '/metrics'), {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': randomBytes(16).toString('base64'),
        },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('upgrade', () => resolve(101));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });
});

describe('limits', () => {
  it('a subscription deeper than MAX_QUERY_DEPTH is refused with QUERY_TOO_COMPLEX', async () => {
    const deep = `subscription { interactionLogged { interaction { msl { interactions { edges { node { msl { interactions { edges { node { msl { id } } } } } } } } } } } }`;
    const { errors } = await first(client(), deep);
    expect(errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(errors?.[0].message).toMatch(/levels deep/);
  });

  it('a subscription over MAX_QUERY_COST is refused with QUERY_TOO_COMPLEX', async () => {
    const costly = `subscription { interactionLogged { interaction { hcp { interactions(first: 10000) { edges { node { hcp { interactions(first: 100) { totalCount } } } } } } } } }`;
    const { errors } = await first(client(), costly);
    expect(errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(errors?.[0].message).toMatch(/estimated cost/);
  });

  it('a document over MAX_QUERY_TOKENS is refused with QUERY_TOO_COMPLEX', async () => {
    const { errors } = await first(client(), `subscription { interactionLogged { eventId ${'eventId '.repeat(1500)} } }`);
    expect(errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('at most WS_MAX_SUBSCRIPTIONS per connection; the others keep working', async () => {
    const c = client();
    const query = 'subscription { interactionLogged { eventId } }';
    c.subscribe({ query }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    c.subscribe({ query }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await until(() => t.app.services.live.listening === 2);
    const { errors } = await first(c, query);
    expect(errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(errors?.[0].message).toMatch(/at most 2 subscriptions/);
    expect(t.app.services.live.listening).toBe(2);
  });

  it('at most WS_MAX_CONNECTIONS sockets: the next upgrade gets 503', async () => {
    for (let i = 0; i < 3; i++) {
      const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
      sockets.push(socket);
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    }
    expect(await upgrade({})).toBe(503);
  });

  it('a message over WS_MAX_MESSAGE_BYTES closes the socket (1009) before it is parsed', async () => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    sockets.push(socket);
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(20000) } }));
    expect(await closed).toBe(1009);
  });

  it('a socket that never sends connection_init is closed (4408, graphql-ws default 3 s)', async () => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    sockets.push(socket);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    expect(await closed).toBe(4408);
  });
});

describe('cost of polling', () => {
  it('an instance without subscribers never polls; polling stops when the last one leaves', async () => {
    const before = t.app.services.live.polls;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(t.app.services.live.polls).toBe(before);
    const c = client();
    const dispose = c.subscribe(
      { query: 'subscription { insightCaptured { eventId } }' },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    await until(() => t.app.services.live.polls > before + 2);
    dispose();
    await until(() => t.app.services.live.listening === 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = t.app.services.live.polls;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(t.app.services.live.polls).toBe(after);
  });
});

describe('stopping', () => {
  it('stop() closes open sockets (1001) within the API stop bound', async () => {
    const other = await startTestApp({ LIVE_POLL_MS: '100' }, { reset: false });
    const socket = new WebSocket(other.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const acknowledged = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await acknowledged;
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { interactionLogged { eventId } }' } }));
    await until(() => other.app.services.live.listening === 1);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const started = Date.now();
    await other.stop();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await closed).toBe(1001);
  });
});
