import { TestApp, startTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { reset: false });
});
afterAll(() => t.stop());

const base = () => t.url.replace(/\/graphql$/, '');

describe('HTTP endpoints', () => {
  it('/health answers 200', async () => {
    const res = await fetch(`${base()}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/ready answers 200 while Neo4j answers', async () => {
    const res = await fetch(`${base()}/ready`);
    expect(res.status).toBe(200);
  });

  it('/metrics serves Prometheus text with per-operation counters', async () => {
    await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Probe { msls { id } }' }),
    });
    const text = await (await fetch(`${base()}/metrics`)).text();
    expect(text).toContain('graphql_operations_total{operation="Probe",type="query"}');
    expect(text).toContain('graphql_operation_duration_seconds_bucket');
  });

  it('GET /graphql runs a query', async () => {
    const res = await fetch(`${t.url}?query=${encodeURIComponent('{ msls { id } }')}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { msls: unknown } };
    expect(Array.isArray(body.data.msls)).toBe(true);
  });

  it('rejects a body over the size limit with 413', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ msls { id } } #${'x'.repeat(1100000)}` }),
    });
    expect(res.status).toBe(413);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
  });

  it('unknown paths are 404', async () => {
    expect((await fetch(`${base()}/nope`)).status).toBe(404);
  });
});
