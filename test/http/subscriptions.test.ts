import { Client, FormattedExecutionResult, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signToken } from '../../src/http/auth';
import { TestApp, startTestApp } from '../support/app';
import { seedSmallGraph } from '../support/fixture';
import { LoggedInteraction, followInteractions } from '../../examples/live';

/**
 * GraphQL subscriptions over WebSocket (graphql-ws) against TWO API instances on one database:
 * a write through instance A reaches a subscriber of instance B (the live event record is the only
 * thing they share), with the viewer's field rules, the subscription's filters, and the
 * connection's authentication.
 */
type ExecutionResult<T = Record<string, unknown>> = FormattedExecutionResult<T, unknown>;

const SECRET = 'subscriptions-test-secret-0123456789abcdef';
const tokens = {
  admin: signToken(SECRET, { sub: 'adm', roles: ['ADMIN'] }),
  analyst: signToken(SECRET, { sub: 'ana', roles: ['ANALYST'] }),
  owner: signToken(SECRET, { sub: 'ines', roles: ['MSL'], mslId: 'msl-1' }),
  otherMsl: signToken(SECRET, { sub: 'maya', roles: ['MSL'], mslId: 'msl-2' }),
};

let a: TestApp;
let b: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  a = await startTestApp({ JWT_SECRET: SECRET, LIVE_POLL_MS: '100' });
  b = await startTestApp({ JWT_SECRET: SECRET, LIVE_POLL_MS: '100' }, { reset: false });
  await seedSmallGraph(a.db);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await until(() => a.app.services.live.listening === 0 && b.app.services.live.listening === 0);
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

function wsUrl(t: TestApp): string {
  return t.url.replace(/^http/, 'ws');
}

async function until(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Closed {
  code: number;
  reason: string;
}

/** A graphql-ws client of `t` with `token`; `closed` resolves with the close code and reason. */
function connect(t: TestApp, token?: string, params?: Record<string, unknown>): { client: Client; closed: Promise<Closed> } {
  let onClosed: (closed: Closed) => void = () => undefined;
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: wsUrl(t),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: params ?? (token ? { authorization: `Bearer ${token}` } : {}),
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed({ code: (event as CloseEvent).code, reason: String((event as CloseEvent).reason) }) },
  });
  clients.push(client);
  return { client, closed };
}

/** Subscribes and collects what arrives; `next()` waits for the next result (or error). */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: (ExecutionResult | { error: unknown })[] = [];
  let done = false;
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (result) => void results.push(result),
      error: (error) => void results.push({ error }),
      complete: () => (done = true),
    },
  );
  let read = 0;
  return {
    results,
    dispose,
    get done() {
      return done;
    },
    async next(timeoutMs = 10000) {
      await until(() => results.length > read, timeoutMs);
      return results[read++];
    },
  };
}

/** Waits until `t` listens for `count` subscriptions and has polled since: events written after this are delivered. */
async function listening(t: TestApp, count: number): Promise<void> {
  await until(() => t.app.services.live.listening === count);
  const polls = t.app.services.live.polls;
  await until(() => t.app.services.live.polls > polls + 1);
}

let seq = 0;
async function logInteraction(t: TestApp, mslId: string, hcpId: string, notes = 'private notes'): Promise<string> {
  const id = `int-live-${++seq}`;
  await t.client(tokens.admin).request(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, {
    input: { id, mslId, hcpId, date: '2025-06-01', channel: 'EMAIL', sentiment: 'POSITIVE', notes },
  });
  return id;
}

const INTERACTIONS = `subscription($mslId: ID, $hcpId: ID) {
  interactionLogged(mslId: $mslId, hcpId: $hcpId) { eventId at interaction { id notes msl { id } hcp { id } } } }`;

describe('delivery across instances', () => {
  it('an interaction logged through instance A reaches a subscriber of instance B, notes for its owner', async () => {
    const { client } = connect(b, tokens.owner);
    const sub = subscribe(client, INTERACTIONS, { mslId: 'msl-1' });
    await listening(b, 1);
    const id = await logInteraction(a, 'msl-1', 'hcp-2', 'asked about trial 7');
    const result = (await sub.next()) as ExecutionResult<{ interactionLogged: { eventId: string; at: string; interaction: unknown } }>;
    expect(result.errors).toBeUndefined();
    expect(result.data!.interactionLogged.interaction).toEqual({
      id,
      notes: 'asked about trial 7',
      msl: { id: 'msl-1' },
      hcp: { id: 'hcp-2' },
    });
    expect(result.data!.interactionLogged.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(result.data!.interactionLogged.at)).toBeGreaterThan(Date.now() - 60000);
    // Nothing else arrives (each event once).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sub.results).toHaveLength(1);
  });

  it('an ANALYST never receives notes, nor another MSL (FORBIDDEN on the field, the rest arrives)', async () => {
    const analyst = subscribe(connect(b, tokens.analyst).client, INTERACTIONS, { hcpId: 'hcp-3' });
    const other = subscribe(connect(a, tokens.otherMsl).client, INTERACTIONS, { hcpId: 'hcp-3' });
    await listening(b, 1);
    await listening(a, 1);
    const id = await logInteraction(a, 'msl-1', 'hcp-3', 'confidential');
    for (const sub of [analyst, other]) {
      const result = (await sub.next()) as ExecutionResult<{ interactionLogged: { interaction: { id: string; notes: string | null } } }>;
      expect(result.data!.interactionLogged.interaction).toMatchObject({ id, notes: null });
      expect(result.errors!.map((error) => [error.extensions?.code, error.path?.join('.')])).toEqual([
        ['FORBIDDEN', 'interactionLogged.interaction.notes'],
      ]);
      expect(JSON.stringify(sub.results)).not.toContain('confidential');
    }
  });

  it('filters: mslId/hcpId for interactions, audiences for insights', async () => {
    const { client } = connect(b, tokens.admin);
    const ofMsl2 = subscribe(client, INTERACTIONS, { mslId: 'msl-2' });
    const pair = subscribe(client, INTERACTIONS, { mslId: 'msl-1', hcpId: 'hcp-4' });
    const insights = subscribe(
      client,
      `subscription { insightCaptured(audiences: [R_AND_D, REGULATORY]) { insight { id audience text interaction { id } } } }`,
    );
    await listening(b, 3);
    await logInteraction(a, 'msl-1', 'hcp-2');
    const wanted = await logInteraction(a, 'msl-1', 'hcp-4');
    const capture = (id: string, audience: string) =>
      a
        .client(tokens.admin)
        .request(
          `mutation($id: ID, $audience: Audience!) { captureInsight(id: $id, interactionId: "int-1", text: "needs data", category: "unmet need", audience: $audience) { id } }`,
          { id, audience },
        );
    await capture('ins-live-m', 'MARKETING');
    await capture('ins-live-r', 'R_AND_D');
    expect(
      ((await pair.next()) as ExecutionResult<{ interactionLogged: { interaction: { id: string } } }>).data!.interactionLogged.interaction
        .id,
    ).toBe(wanted);
    expect(await insights.next()).toEqual({
      data: { insightCaptured: { insight: { id: 'ins-live-r', audience: 'R_AND_D', text: 'needs data', interaction: { id: 'int-1' } } } },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ofMsl2.results).toHaveLength(0);
    expect(pair.results).toHaveLength(1);
    expect(insights.results).toHaveLength(1);
  });

  it('relationship strength changes (set, and recomputed by a logged interaction) and scheduling conflicts', async () => {
    const { client } = connect(b, tokens.otherMsl);
    const strengths = subscribe(
      client,
      `subscription { relationshipStrengthChanged(mslId: "msl-2") { relationship { id strength baseStrength hcp { id } } } }`,
    );
    const conflicts = subscribe(
      client,
      `subscription { schedulingConflict(mslId: "msl-2") { planned { id msl { id } hcp { id } } conflicts { msl { id } daysApart plannedInteraction { id } } } }`,
    );
    await listening(b, 2);
    await a.client(tokens.admin).request(`mutation { setMslRelationship(mslId: "msl-2", hcpId: "hcp-4", strength: 0.7) { id } }`);
    const set = (await strengths.next()) as ExecutionResult<{ relationshipStrengthChanged: { relationship: Record<string, unknown> } }>;
    expect(set.data!.relationshipStrengthChanged.relationship).toEqual({
      id: 'MslRelationship/msl-2/hcp-4',
      strength: 0.7,
      baseStrength: 0.7,
      hcp: { id: 'hcp-4' },
    });
    await logInteraction(a, 'msl-2', 'hcp-4');
    const recomputed = (await strengths.next()) as ExecutionResult<{ relationshipStrengthChanged: { relationship: { strength: number } } }>;
    expect(recomputed.data!.relationshipStrengthChanged.relationship.strength).toBeGreaterThan(0.7);

    const future = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
    const schedule = (id: string, mslId: string, date: string) =>
      a
        .client(tokens.admin)
        .request(`mutation($input: ScheduleInteractionInput!) { scheduleInteraction(input: $input) { conflicts { msl { id } } } }`, {
          input: { id, mslId, hcpId: 'hcp-3', date, channel: 'PHONE' },
        });
    await schedule('plan-live-1', 'msl-2', future(10));
    await schedule('plan-live-2', 'msl-1', future(13));
    expect(await conflicts.next()).toEqual({
      data: {
        schedulingConflict: {
          planned: { id: 'plan-live-2', msl: { id: 'msl-1' }, hcp: { id: 'hcp-3' } },
          conflicts: [{ msl: { id: 'msl-2' }, daysApart: 3, plannedInteraction: { id: 'plan-live-1' } }],
        },
      },
    });
    expect(conflicts.results).toHaveLength(1);
  });
});

describe('the typed example (examples/live.ts)', () => {
  it('follows the interactions of an MSL with an ANALYST token', async () => {
    const events: LoggedInteraction[] = [];
    const stop = followInteractions(wsUrl(b), { token: tokens.analyst, mslId: 'msl-2', onEvent: (event) => events.push(event) });
    try {
      await listening(b, 1);
      const id = await logInteraction(a, 'msl-2', 'hcp-1');
      await until(() => events.length === 1);
      expect(events[0].interaction).toMatchObject({ id, channel: 'EMAIL', sentiment: 'POSITIVE', hcp: { id: 'hcp-1', name: 'Ada One' } });
    } finally {
      await stop();
    }
  });
});

describe('authentication at connection_init', () => {
  it('no token, a bad signature, an expired token: closed with 4403 and the reason', async () => {
    const expired = signToken(SECRET, { sub: 'adm', roles: ['ADMIN'] }, -60);
    const forged = signToken('another-secret-0123456789abcdef-0123456789', { sub: 'adm', roles: ['ADMIN'] });
    const cases: [string | undefined, RegExp][] = [
      [undefined, /bearer token is required/],
      [forged, /invalid/],
      [expired, /expired/],
    ];
    for (const [token, reason] of cases) {
      const { client, closed } = connect(b, token);
      const sub = subscribe(client, INTERACTIONS);
      const { code, reason: text } = await closed;
      expect(code).toBe(4403);
      expect(text).toMatch(reason);
      expect(sub.results.every((r) => 'error' in r)).toBe(true);
    }
  });

  it('the socket closes (4403) when its token expires, however long it lives', async () => {
    const shortLived = signToken(SECRET, { sub: 'adm', roles: ['ADMIN'] }, 2);
    const { client, closed } = connect(b, shortLived);
    subscribe(client, INTERACTIONS);
    await listening(b, 1);
    const started = Date.now();
    expect(await closed).toEqual({ code: 4403, reason: 'the token has expired' });
    expect(Date.now() - started).toBeLessThan(3000);
    await until(() => b.app.services.live.listening === 0);
  });

  it('subscribing before connection_init is refused with 4401 (graphql-ws)', async () => {
    const socket = new WebSocket(wsUrl(b), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: INTERACTIONS } }));
    const [code] = await new Promise<[number]>((resolve) => socket.once('close', (c) => resolve([c])));
    expect(code).toBe(4401);
  });

  it('the Authorization header of the upgrade request also authenticates (Node clients)', async () => {
    const client = createClient({
      url: wsUrl(b),
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols: string[]) {
          super(url, protocols, { headers: { authorization: `Bearer ${tokens.analyst}` } });
        }
      },
      retryAttempts: 0,
    });
    clients.push(client);
    const sub = subscribe(client, INTERACTIONS, { hcpId: 'hcp-1' });
    await listening(b, 1);
    const id = await logInteraction(a, 'msl-1', 'hcp-1');
    const result = (await sub.next()) as ExecutionResult<{ interactionLogged: { interaction: { id: string } } }>;
    expect(result.data!.interactionLogged.interaction.id).toBe(id);
  });
});

describe('bad input', () => {
  it('an empty audience list and an unknown audience: BAD_USER_INPUT naming the field', async () => {
    const { client } = connect(b, tokens.admin);
    const empty = subscribe(client, `subscription { insightCaptured(audiences: []) { eventId } }`);
    const result = (await empty.next()) as ExecutionResult;
    expect(result.errors!.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'audiences']]);
    const unknown = subscribe(client, `subscription($a: [Audience!]) { insightCaptured(audiences: $a) { eventId } }`, { a: ['NOBODY'] });
    const error = (await unknown.next()) as { error: { extensions?: { code?: string } }[] };
    expect(error.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    await until(() => empty.done);
    expect(b.app.services.live.listening).toBe(0);
  });

  it('queries and mutations are refused over the socket (BAD_REQUEST): they go over HTTP', async () => {
    const sub = subscribe(
      connect(b, tokens.admin).client,
      `mutation { setMslRelationship(mslId: "msl-1", hcpId: "hcp-1", strength: 0.9) { id } }`,
    );
    const { error } = (await sub.next()) as { error: { extensions?: { code?: string } }[] };
    expect(error[0].extensions?.code).toBe('BAD_REQUEST');
    const [row] = await a.db.read<{ strength: number }>(
      `MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'hcp-1'}) RETURN k.strength AS strength`,
    );
    expect(row.strength).not.toBe(0.9);
  });
});
