import { signToken } from '../../src/http/auth';
import { TestApp, startTestApp } from '../support/app';
import { Role } from '../../src/vocabulary';

/** The roles of docs/security.md over HTTP with JWT_SECRET set. */
const SECRET = 'roles-test-secret-0123456789abcdef';
let t: TestApp;

const token = (roles: Role[], mslId?: string, expiresIn: number | string = '1h') =>
  signToken(SECRET, { sub: `user-${roles.join('-')}`, roles, mslId }, expiresIn as never);

async function post(body: unknown, auth?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
  await t.db.write(`
    CREATE (:HCP {id: 'hcp-r1', firstName: 'Ada', lastName: 'Lovelace', specialty: 'Oncology', email: 'ada@example.org'})
    CREATE (:MSL {id: 'msl-r1', firstName: 'Max', lastName: 'Muster', email: 'max@example.org'})`);
});
afterAll(() => t.stop());

const HCP_QUERY = { query: '{ hcp(id: "hcp-r1") { id name specialty email } msl(id: "msl-r1") { id name email } }' };

describe('authentication', () => {
  it('no token: 401 UNAUTHENTICATED', async () => {
    const { status, json } = await post(HCP_QUERY);
    expect(status).toBe(401);
    expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('expired token: UNAUTHENTICATED, saying so', async () => {
    const { status, json } = await post(HCP_QUERY, `Bearer ${token(['ADMIN'], undefined, -60)}`);
    expect(status).toBe(401);
    expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(json.errors[0].message).toMatch(/expired/);
  });

  it.each([
    ['a token signed with another secret', `Bearer ${signToken('other-secret-0123456789abcdef-012345', { sub: 'x', roles: ['ADMIN'] })}`],
    ['garbage', 'Bearer not.a.jwt'],
    ['a non-bearer scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
    [
      'an unsigned (alg none) token',
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x","roles":["ADMIN"]}').toString('base64url')}.`,
    ],
    ['a token with no known role', `Bearer ${signToken(SECRET, { sub: 'x', roles: ['ROOT' as Role] })}`],
    ['an MSL token without mslId', `Bearer ${signToken(SECRET, { sub: 'x', roles: ['MSL'] })}`],
  ])('%s: UNAUTHENTICATED', async (_what, header) => {
    const { status, json } = await post(HCP_QUERY, header);
    expect(status).toBe(401);
    expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('personal data (email)', () => {
  it.each([['ADMIN'], ['MSL']] as [Role][])('%s reads email', async (role) => {
    const { status, json } = await post(HCP_QUERY, `Bearer ${token([role], role === 'MSL' ? 'msl-r1' : undefined)}`);
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.hcp.email).toBe('ada@example.org');
    expect(json.data.msl.email).toBe('max@example.org');
  });

  it.each([['ANALYST'], ['PLANNER']] as [Role][])('%s: email FORBIDDEN on its path, the rest answers', async (role) => {
    const { status, json } = await post(HCP_QUERY, `Bearer ${token([role])}`);
    expect(status).toBe(200);
    expect(json.data.hcp).toEqual({ id: 'hcp-r1', name: 'Ada Lovelace', specialty: 'Oncology', email: null });
    expect(json.data.msl).toEqual({ id: 'msl-r1', name: 'Max Muster', email: null });
    const forbidden = json.errors.map((e: any) => [e.path.join('.'), e.extensions.code]).sort();
    expect(forbidden).toEqual([
      ['hcp.email', 'FORBIDDEN'],
      ['msl.email', 'FORBIDDEN'],
    ]);
  });

  it('a viewer holding ANALYST and MSL reads email (MSL grants it)', async () => {
    const { json } = await post(HCP_QUERY, `Bearer ${token(['ANALYST', 'MSL'], 'msl-r1')}`);
    expect(json.errors).toBeUndefined();
    expect(json.data.hcp.email).toBe('ada@example.org');
  });
});

describe('ADMIN-only operations', () => {
  const AUDIT = { query: '{ auditEvents(first: 5) { totalCount } }' };
  it.each([['MSL'], ['ANALYST'], ['PLANNER']] as [Role][])('%s: auditEvents FORBIDDEN', async (role) => {
    const { json } = await post(AUDIT, `Bearer ${token([role], role === 'MSL' ? 'msl-r1' : undefined)}`);
    expect(json.data).toBeNull();
    expect(json.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(json.errors[0].path).toEqual(['auditEvents']);
  });

  it('ADMIN reads auditEvents', async () => {
    const { json } = await post(AUDIT, `Bearer ${token(['ADMIN'])}`);
    expect(json.errors).toBeUndefined();
    expect(typeof json.data.auditEvents.totalCount).toBe('number');
  });
});
