import { signToken } from '../../src/http/auth';
import { Role } from '../../src/vocabulary';
import { TestApp, startTestApp } from '../support/app';
import { resetDatabase, testDatabase } from '../support/db';
import { seedSmallGraph } from '../support/fixture';

/**
 * The compiled executor (graphql-jit, the default) answers exactly as graphql-js does: the same
 * response bytes and HTTP status for the same request, data and errors alike (field errors with
 * their locations and paths, guards, request errors, interfaces, fragments, introspection,
 * mutations), for every role. Two servers on the same database, one per executor.
 */
const SECRET = 'x-executor-test-secret-0123456789abcdef';
let jit: TestApp;
let reference: TestApp;

beforeAll(async () => {
  // Seed before either server starts, so both build their network from the same data: a network
  // updated in place warm-starts PageRank and agrees with a cold build within the tolerance, not
  // to the last bit that this byte-for-byte comparison needs.
  const db = testDatabase();
  await resetDatabase(db);
  await seedSmallGraph(db);
  await db.close();
  jit = await startTestApp({ JWT_SECRET: SECRET }, { reset: false });
  reference = await startTestApp({ JWT_SECRET: SECRET, GRAPHQL_EXECUTOR: 'graphql-js' }, { reset: false });
});
afterAll(async () => {
  await jit?.stop();
  await reference?.stop();
});

const token = (...roles: Role[]) => signToken(SECRET, { sub: 'tester', roles, mslId: roles.includes('MSL') ? 'msl-1' : undefined });

async function post(url: string, body: unknown, authorization?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(authorization ? { authorization: `Bearer ${authorization}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const NESTED = `query Nested($first: Int!) {
  hcps(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
    id name specialty preferredChannel
    institution { id name }
    therapeuticAreas { id name }
    links { type weight direction hcp { id name } }
  } } }
}`;

const CASES: { name: string; query: string; variables?: Record<string, unknown>; roles: Role[] }[] = [
  { name: 'nested front-end query', query: NESTED, variables: { first: 10 }, roles: ['ANALYST'] },
  {
    name: 'personal data as ANALYST: a FORBIDDEN field error with location and path',
    query: '{ hcps(first: 3) { edges { node { id email } } } }',
    roles: ['ANALYST'],
  },
  { name: 'personal data as MSL', query: '{ hcp(id: "hcp-1") { id email } }', roles: ['MSL'] },
  { name: 'notes of another MSL', query: '{ msl(id: "msl-1") { interactions { edges { node { id notes } } } } }', roles: ['PLANNER'] },
  { name: 'notes of its own interactions', query: '{ msl(id: "msl-1") { interactions { edges { node { id notes } } } } }', roles: ['MSL'] },
  { name: 'unknown id', query: '{ hcp(id: "nobody") { id } institution(id: "nowhere") { id } }', roles: ['ANALYST'] },
  {
    name: 'interface (NetworkNode) through introductionPaths',
    query:
      '{ introductionPaths(fromMslId: "msl-1", toHcpId: "hcp-2") { hops cost strength nodes { __typename id name ... on HCP { specialty } } } }',
    roles: ['PLANNER'],
  },
  { name: 'NOT_FOUND from a resolver', query: '{ introductionPaths(fromMslId: "msl-x", toHcpId: "hcp-2") { hops } }', roles: ['PLANNER'] },
  { name: 'BAD_USER_INPUT from a resolver', query: '{ hcps(first: -1) { edges { node { id } } } }', roles: ['ANALYST'] },
  {
    name: 'variable that does not coerce',
    query: 'query ($first: Int!) { hcps(first: $first) { edges { node { id } } } }',
    variables: { first: 'many' },
    roles: ['ANALYST'],
  },
  {
    name: 'fragments, aliases, skip/include, __typename',
    query:
      'query ($no: Boolean!) { a: hcp(id: "hcp-1") { ...F __typename links @skip(if: $no) { weight } } b: hcp(id: "hcp-2") { ...F } } fragment F on HCP { id n: name territory @include(if: $no) { id } }',
    variables: { no: true },
    roles: ['ANALYST'],
  },
  { name: 'introspection (graphql-js)', query: '{ __type(name: "HCP") { name fields { name } } }', roles: ['ANALYST'] },
  {
    name: 'network ranking',
    query: '{ kolRanking(first: 5) { rank score hcp { id name } } networkReach(fromId: "hcp-1") { total byHop { hops count } } }',
    roles: ['ANALYST'],
  },
  { name: 'unauthenticated', query: '{ hcps { edges { node { id } } } }', roles: [] },
];

describe('compiled executor = graphql-js', () => {
  it.each(CASES)('$name', async ({ query, variables, roles }) => {
    const auth = roles.length > 0 ? token(...roles) : undefined;
    const ours = await post(jit.url, { query, variables }, auth);
    const theirs = await post(reference.url, { query, variables }, auth);
    expect(ours.status).toBe(theirs.status);
    expect(ours.text).toBe(theirs.text);
  });

  it('a field error keeps its location and path', async () => {
    const { text } = await post(jit.url, { query: '{ hcps(first: 3) { edges { node { id email } } } }' }, token('ANALYST'));
    const body = JSON.parse(text);
    expect(body.errors[0]).toEqual(
      expect.objectContaining({
        locations: [{ line: 1, column: 38 }],
        path: ['hcps', 'edges', 0, 'node', 'email'],
        extensions: { code: 'FORBIDDEN' },
      }),
    );
  });

  it('mutations run (through graphql-js) and are audited the same way', async () => {
    const mutation = 'mutation ($id: ID!) { updateHcp(id: $id, input: { specialty: "Neurology" }) { id specialty } }';
    const ours = await post(jit.url, { query: mutation, variables: { id: 'hcp-3' } }, token('ADMIN'));
    const theirs = await post(reference.url, { query: mutation, variables: { id: 'hcp-3' } }, token('ADMIN'));
    expect(ours).toEqual(theirs);
    const [{ events }] = await jit.db.read<{ events: number }>("MATCH (e:AuditEvent {action: 'updateHcp'}) RETURN count(e) AS events");
    expect(events).toBe(2);
  });
});
