import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  getOperationAST,
} from 'graphql';
import { DATA_BOUNDS, ListBounds } from '../../src/graph/common/list-bounds';
import { graphqlSchema } from '../../src/graph/schema';
import {
  FIXED_BOUNDS,
  MIN_LIST_BOUND,
  SIZED_BY_ARGUMENT,
  SIZED_BY_PARENT_FIRST,
  VOCABULARY_SIZED,
  WORK,
  listBound,
  measure,
} from '../../src/http/limits';
import { TestApp, startTestApp } from '../support/app';

/**
 * Hostile documents against the cost model: each is answered within a second with
 * QUERY_TOO_COMPLEX while /health keeps answering; honest documents of the same shapes pass.
 */
const HUB_DEGREE = 60;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({});
  // A hub with HUB_DEGREE links: the data-sized bound of HCP.links.
  await t.db.write(
    `CREATE (hub:HCP {id: 'hub', firstName: 'H', lastName: 'Hub', specialty: 'Oncology'})
     WITH hub UNWIND range(1, $n) AS i
     CREATE (o:HCP {id: 'spoke-' + i, firstName: 'S', lastName: 'Spoke ' + i, specialty: 'Oncology'})
     CREATE (hub)-[:COLLEAGUE {weight: 1.0}]->(o)`,
    { n: HUB_DEGREE },
  );
});
afterAll(() => t.stop());
beforeAll(async () => {
  await t.app.services.listBounds.current();
});

/** Posts `query`, probing /health every 20 ms meanwhile; returns the answer, its time and the slowest probe. */
async function attack(query: string, variables?: Record<string, unknown>) {
  const health = t.url.replace(/\/graphql$/, '/health');
  let probing = true;
  let slowestProbe = 0;
  let probes = 0;
  const prober = (async () => {
    while (probing) {
      const started = Date.now();
      const res = await fetch(health);
      expect(res.status).toBe(200);
      slowestProbe = Math.max(slowestProbe, Date.now() - started);
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = Date.now();
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
  const ms = Date.now() - started;
  probing = false;
  await prober;
  return { status: res.status, json, ms, slowestProbe, probes };
}

function fragmentBomb(levels: number, body: (next: string) => string): string {
  let document = 'query Bomb { hcp(id: "hub") { ...F0 } }';
  for (let i = 0; i < levels; i++) document += ` fragment F${i} on HCP { ${body(`F${i + 1}`)} }`;
  return `${document} fragment F${levels} on HCP { id }`;
}

const LINKS_IN_LINKS = '{ hcps(first: 1000) { edges { node { links { hcp { links { hcp { links { hcp { id } } } } } } } } } }';

describe.each([
  ['a nested fragment bomb (32 fragments each spreading the next twice)', fragmentBomb(32, (next) => `...${next} ...${next}`)],
  ['a fragment bomb through aliases', fragmentBomb(32, (next) => `id a: institution { id } ...${next} ...${next}`)],
  ['links within links within links under hcps(first: 1000)', LINKS_IN_LINKS],
  ['an alias flood', `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: msls { id }`).join(' ')} }`],
  [
    'aliases of an expensive root field',
    `{ ${Array.from({ length: 25 }, (_, i) => `p${i}: introductionPaths(fromMslId: "m", toHcpId: "hub") { hops }`).join(' ')} }`,
  ],
  ['aliases of ego networks', `{ ${Array.from({ length: 25 }, (_, i) => `e${i}: egoNetwork(hcpId: "hub") { nodes { id } }`).join(' ')} }`],
  ['a token flood', `{ msls { ${'id '.repeat(5000)} } }`],
  ['one field repeated hundreds of times (quadratic validation)', `{ ${'msls { id } '.repeat(400)} }`],
  ['deep introspection', `{ __schema { types { fields { type { ${'ofType { '.repeat(20)} name ${'} '.repeat(20)} } } } } }`],
  [
    'wide introspection',
    `{ __schema { types { fields { args { type { name } } type { fields { args { type { fields { name } } } } } } } } }`,
  ],
])('%s', (_what, query) => {
  it('is refused with QUERY_TOO_COMPLEX within a second, /health answering throughout', async () => {
    const answer = await attack(query);
    expect(answer.json.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(answer.json.data).toBeUndefined();
    expect(answer.status).toBe(400);
    expect(answer.ms).toBeLessThan(1000);
    expect(answer.slowestProbe).toBeLessThan(1000);
  });
});

describe('honest documents of the same shapes', () => {
  it('the standard introspection query (GraphiQL, codegen) answers', async () => {
    const answer = await attack(getIntrospectionQuery());
    expect(answer.json.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  });

  it('links of links of one HCP answer, costed at the measured degree', async () => {
    const answer = await attack('{ hcp(id: "hub") { links { hcp { links { hcp { id } } } } } }');
    expect(answer.json.errors).toBeUndefined();
    expect((answer.json.data as any).hcp.links).toHaveLength(HUB_DEGREE);
  });

  it('a few aliases and a few path searches answer', async () => {
    const answer = await attack('{ a: msls { id } b: msls { id } p: introductionPaths(fromMslId: "m", toHcpId: "hub") { hops } }');
    expect(answer.json.errors?.[0]?.extensions.code).not.toBe('QUERY_TOO_COMPLEX');
  });

  it('fields repeated up to the cap answer within a second', async () => {
    const field = (depth: number): string =>
      depth === 0 ? 'id' : `hcp(id: "hub") { ${Array.from({ length: 20 }, () => `links { hcp { id } }`).join(' ')} }`;
    const answer = await attack(`{ ${Array.from({ length: 4 }, () => field(1)).join(' ')} }`);
    expect(answer.ms).toBeLessThan(1000);
    expect(answer.slowestProbe).toBeLessThan(1000);
  });
});

describe('the cost model', () => {
  const schema = graphqlSchema();
  const cost = (query: string, bounds: Map<string, number>) => {
    const document = parse(query);
    return measure(schema, document, getOperationAST(document)!, {}, { maxFirst: 10000, bound: listBound(schema, bounds, 10000) }).cost;
  };

  it('costs lists without `first` at the bound measured on the data', async () => {
    const measured = (await new ListBounds(t.db).current())!;
    expect(measured.get('HCP.links')).toBe(HUB_DEGREE);
    const query = '{ hcp(id: "hub") { links { hcp { id } } } }';
    expect(cost(query, new Map([['HCP.links', HUB_DEGREE]]))).toBe(1 + 1 + HUB_DEGREE * (1 + 1));
    expect(cost(query, new Map([['HCP.links', 3]]))).toBe(1 + 1 + MIN_LIST_BOUND * (1 + 1));
    // Database unknown: MAX_PAGE_SIZE.
    expect(listBound(schema, undefined, 10000)('HCP.links')).toBe(10000);
  });

  it('is linear in the document: a 64-level fragment bomb is measured in milliseconds', () => {
    const started = Date.now();
    const bomb = cost(
      fragmentBomb(64, (next) => `...${next} ...${next}`),
      new Map(),
    );
    expect(bomb).toBeGreaterThan(1e12);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('costs `last` like `first`, and nodes(ids:) by the ids given', () => {
    expect(cost('{ hcps(last: 500) { edges { node { id } } } }', new Map())).toBe(1 + 500 * (1 + 1 + 1));
    expect(cost('{ hcps(first: 5, last: 50) { totalCount } }', new Map())).toBe(1 + 50);
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id } }', new Map())).toBe(1 + 3);
    const document = parse('query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }');
    const ids = Array.from({ length: 40 }, (_, i) => `id-${i}`);
    expect(
      measure(schema, document, getOperationAST(document)!, { ids }, { maxFirst: 10000, bound: listBound(schema, new Map(), 10000) }).cost,
    ).toBe(1 + 40);
  });

  it('costs an ego network by its `first`', () => {
    const query = (first: number) => `{ egoNetwork(hcpId: "x", first: ${first}) { nodes { hops } edges { weight } } }`;
    const bounds = new Map([['HCP.links', 30]]);
    expect(cost(query(100), bounds)).toBe(1 + WORK['Query.egoNetwork'] + (1 + 100 * 1) + (1 + 100 * 30 * 1));
  });

  it('costs each facet list as an aggregation plus its `first` values', () => {
    const query = '{ hcpFacets(filter: {search: "x"}) { territories(first: 50) { value count } institutions { value } } }';
    expect(cost(query, new Map())).toBe(
      1 + (1 + WORK['HcpFacets.territories'] + 50 * (1 + 1)) + (1 + WORK['HcpFacets.institutions'] + 10 * 1),
    );
  });

  it('counts every member of every community once, not communities x largest community', () => {
    const bounds = new Map([
      ['Community.members', 1000],
      ['CommunityResult.communities', 1000],
    ]);
    const all = cost('{ communities { communities { members { id } } } }', bounds);
    expect(all).toBe(1 + WORK['Query.communities'] + 1 + 1000 * (1 + 1 * 1));
    expect(cost('{ hcp(id: "x") { community { members { id } } } }', bounds)).toBe(1 + 1 + 1 + 1000);
  });

  it('every list field of the schema has a declared bound or a `first` argument', () => {
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        const coordinate = `${type.name}.${field.name}`;
        const connectionItems = type.name.endsWith('Connection') && ['edges', 'nodes'].includes(field.name);
        const declared =
          coordinate in DATA_BOUNDS ||
          VOCABULARY_SIZED.has(coordinate) ||
          coordinate in SIZED_BY_PARENT_FIRST ||
          coordinate in SIZED_BY_ARGUMENT ||
          coordinate in FIXED_BOUNDS ||
          connectionItems;
        if (!declared && !field.args.some((arg) => arg.name === 'first'))
          undeclared.push(`${coordinate}: ${getNamedType(field.type).name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
