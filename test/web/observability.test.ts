import pino from 'pino';
import { RunningApp, startApp } from '../../src/app';
import { resetDatabase, testConfig } from '../support/db';

/** Access log lines (pino, one per request, with request id and duration) and per-operation Prometheus metrics. */

interface Line {
  level: number;
  msg: string;
  requestId?: string;
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
  operationName?: string;
}

let app: RunningApp;
let base: string;
const lines: Line[] = [];

beforeAll(async () => {
  const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Line) };
  app = await startApp(testConfig({ PORT: '0' }), pino({ level: 'info' }, stream));
  await app.prepared;
  await resetDatabase(app.services.db);
  base = app.url.replace(/\/graphql$/, '');
});
afterAll(() => app?.stop());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** The access line of a request: written when the response finished, so poll briefly. */
async function accessLine(requestId: string): Promise<Line> {
  for (let i = 0; i < 50; i++) {
    const line = lines.find((l) => l.msg === 'request' && l.requestId === requestId);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no access line for ${requestId}`);
}

describe('access log', () => {
  it('logs one info line per GraphQL request: method, route, status, ms, request id, operation name', async () => {
    const res = await post({ query: 'query LogProbe { msls { id } }' }, { 'x-request-id': 'probe-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('probe-1');
    const line = await accessLine('probe-1');
    expect(line).toMatchObject({ level: 30, msg: 'request', method: 'POST', route: '/graphql', status: 200, operationName: 'LogProbe' });
    expect(typeof line.ms).toBe('number');
    expect(line.ms).toBeGreaterThanOrEqual(0);
    expect(lines.filter((l) => l.requestId === 'probe-1' && l.msg === 'request')).toHaveLength(1);
  });

  it('names anonymous operations, and logs every route, not only /graphql', async () => {
    const anonymous = await post({ query: '{ msls { id } }' });
    expect(await accessLine(anonymous.headers.get('x-request-id') ?? '')).toMatchObject({ operationName: 'anonymous', status: 200 });
    const health = await fetch(`${base}/health`);
    const line = await accessLine(health.headers.get('x-request-id') ?? '');
    expect(line).toMatchObject({ method: 'GET', route: '/health', status: 200 });
    expect(line.operationName).toBeUndefined();
    const missing = await fetch(`${base}/no/such/page?x=1`);
    expect(await accessLine(missing.headers.get('x-request-id') ?? '')).toMatchObject({ route: 'other', status: 404 });
  });

  it('replaces a missing or unsafe x-request-id by a fresh UUID, different for each request', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const a = (await post({ query: '{ msls { id } }' }, { 'x-request-id': 'has spaces\tand "quotes"' })).headers.get('x-request-id') ?? '';
    const b = (await post({ query: '{ msls { id } }' }, { 'x-request-id': 'x'.repeat(200) })).headers.get('x-request-id') ?? '';
    const c = (await post({ query: '{ msls { id } }' })).headers.get('x-request-id') ?? '';
    for (const id of [a, b, c]) expect(id).toMatch(uuid);
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('logs the status of failed requests', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad-json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(await accessLine('bad-json')).toMatchObject({ status: 400, route: '/graphql' });
  });
});

describe('Prometheus metrics per operation', () => {
  it('counts operations, observes their latency and counts errors by code', async () => {
    for (let i = 0; i < 3; i++) await post({ query: 'query MetricsProbe { msls { id } }' });
    const failed = (await (await post({ query: 'query MetricsFails { engagementPlan(mslId: "msl-nobody") { influence } }' })).json()) as {
      errors: { extensions: { code: string } }[];
    };
    expect(failed.errors[0].extensions.code).toBe('NOT_FOUND');
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('graphql_operations_total{operation="MetricsProbe",type="query"} 3');
    expect(text).toContain('graphql_operation_duration_seconds_count{operation="MetricsProbe"} 3');
    expect(text).toMatch(/graphql_operation_duration_seconds_bucket\{le="0\.005",operation="MetricsProbe"\} \d+/);
    expect(text).toContain('graphql_errors_total{operation="MetricsFails",code="NOT_FOUND"} 1');
    expect(text).toContain('graphql_operations_total{operation="MetricsFails",type="query"} 1');
    expect(text).toMatch(/http_requests_total\{route="\/graphql",status="200"\} \d+/);
    // Default Node metrics too.
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
