import { getOperationAST, parse } from 'graphql';
import { graphqlSchema } from '../../src/graph/schema';
import { DATA_BOUNDS } from '../../src/graph/common/list-bounds';
import { MIN_LIST_BOUND, listBound, measure } from '../../src/http/limits';
import { TestApp, startTestApp } from '../support/app';

/** Depth/cost limits, the `first` cap, batching off, introspection switch. */
/** Measured against an empty database: every data-sized list at MIN_LIST_BOUND. */
function measured(query: string, variables?: Record<string, unknown>, maxFirst = 10000) {
  const document = parse(query);
  const empty = new Map(Object.keys(DATA_BOUNDS).map((coordinate) => [coordinate, 0]));
  return measure(graphqlSchema(), document, getOperationAST(document)!, variables, {
    maxFirst,
    bound: listBound(graphqlSchema(), empty, maxFirst),
  });
}

describe('measure (depth and cost on the parsed document)', () => {
  it('counts nested fields; fragments count as written out; introspection is counted on its own depth scale', () => {
    expect(measured('{ hcp(id: "x") { id } }')).toEqual({ depth: 2, introspectionDepth: 0, cost: 2, aliases: 0, repeats: 1 });
    const spread = measured(
      'query { hcp(id: "x") { ...A } } fragment A on HCP { institution { ...B } } fragment B on Institution { id name }',
    );
    expect(spread).toMatchObject({ depth: 3, cost: 1 + 1 + 2 });
    const inline = measured('{ hcp(id: "x") { ... on HCP { territory { id } } } }');
    expect(inline.depth).toBe(3);
    const introspection = measured('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }');
    expect(introspection).toMatchObject({ depth: 0, introspectionDepth: 7 });
    expect(introspection.cost).toBeGreaterThan(1000);
  });

  it('multiplies by `first` (literal, variable, default), clamped to maxFirst', () => {
    const page = (first: string) => `{ hcps${first} { totalCount edges { cursor node { id name } } } }`;
    // hcps: 1 + first * (totalCount 1 + edges (1 + cursor 1 + node (1 + 2)))
    expect(measured(page('(first: 100)')).cost).toBe(1 + 100 * 6);
    expect(measured(page('')).cost).toBe(1 + 20 * 6); // the argument's default, 20
    expect(measured('query Q($n: Int) { hcps(first: $n) { totalCount } }', { n: 7 }).cost).toBe(1 + 7);
    expect(measured('query Q($n: Int = 9) { hcps(first: $n) { totalCount } }', {}).cost).toBe(1 + 9);
    expect(measured(page('(first: 1000000)'), undefined, 500).cost).toBe(1 + 500 * 6);
  });

  it('list fields without `first` count their bound (at least MIN_LIST_BOUND items)', () => {
    expect(measured('{ msls { id name } }').cost).toBe(1 + MIN_LIST_BOUND * 2);
    expect(measured('{ hcp(id: "x") { therapeuticAreas { id } } }').cost).toBe(1 + 1 + MIN_LIST_BOUND);
  });
});

describe('limits over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MAX_QUERY_DEPTH: '4', MAX_QUERY_COST: '1000', MAX_PAGE_SIZE: '500' }, { reset: false });
  });
  afterAll(() => t.stop());

  async function post(body: unknown, accept = 'application/graphql-response+json') {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as any };
  }

  const DEEP = '{ hcps(first: 1) { edges { node { institution { name } } } } }'; // depth 5

  it('too deep: QUERY_TOO_COMPLEX before execution (400; 200 for application/json clients)', async () => {
    const strict = await post({ query: DEEP });
    expect(strict.status).toBe(400);
    expect(strict.json.data).toBeUndefined();
    expect(strict.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(strict.json.errors[0].message).toMatch(/5 levels deep; at most 4/);
    const legacy = await post({ query: DEEP }, 'application/json');
    expect(legacy.status).toBe(200);
    expect(legacy.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('depth hidden in fragments is still counted', async () => {
    const query =
      'query { hcps(first: 1) { ...E } } fragment E on HCPConnection { edges { ...N } } fragment N on HCPEdge { node { ...I } } fragment I on HCP { institution { name } }';
    expect((await post({ query })).json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('too costly: QUERY_TOO_COMPLEX; the same shape with a smaller page answers', async () => {
    const query = 'query Page($n: Int) { hcps(first: $n) { edges { node { id name specialty } } } }';
    const big = await post({ query, variables: { n: 300 } });
    expect(big.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(big.json.errors[0].message).toMatch(/estimated cost is 1501/);
    const small = await post({ query, variables: { n: 100 } });
    expect(small.status).toBe(200);
    expect(small.json.errors).toBeUndefined();
  });

  it('`first` above MAX_PAGE_SIZE: BAD_USER_INPUT naming the argument', async () => {
    const { json } = await post({ query: '{ hcps(first: 501) { totalCount } }' });
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].message).toMatch(/^first: must be between 1 and 500/);
  });

  it('batching is off: an array body is rejected with 400', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ msls { id } }' }, { query: '{ msls { id } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('introspection is on by default outside production', async () => {
    const { json } = await post({ query: '{ __schema { queryType { name } } }' });
    expect(json.data.__schema.queryType.name).toBe('Query');
  });
});

describe('GRAPHQL_INTROSPECTION=false', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_INTROSPECTION: 'false' }, { reset: false });
  });
  afterAll(() => t.stop());

  it('refuses introspection, gives no field suggestions and serves no explorer page', async () => {
    const post = async (query: string) =>
      (await (
        await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
      ).json()) as any;
    const introspection = await post('{ __schema { types { name } } }');
    expect(introspection.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await post('{ hcpz(id: "x") { id } }');
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
    const page = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html/i);
    const ok = await post('{ msls { id } }');
    expect(ok.errors).toBeUndefined();
  });
});
