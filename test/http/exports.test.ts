import { gql } from 'graphql-request';
import { Role } from '../../src/vocabulary';
import { signToken } from '../../src/http/auth';
import { parseCsv } from '../../src/import/csv';
import { importFolder } from '../../src/import/importer';
import { TestApp, startTestApp } from '../support/app';
import { NETWORK_400 } from '../support/fixtures';

/** GET /export/kol-ranking.csv and /export/communities.csv: same answers, errors and roles as the GraphQL fields. */
const SECRET = 'exports-test-secret-0123456789abcdef';
let t: TestApp;
let base: string;

const token = (role: Role) => signToken(SECRET, { sub: `user-${role}`, roles: [role], mslId: role === 'MSL' ? 'msl-000' : undefined });

beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
  await importFolder(t.db, NETWORK_400);
  base = t.url.replace(/\/graphql$/, '');
});
afterAll(() => t.stop());

async function get(path: string, role: Role | null = 'ANALYST', method = 'GET') {
  const res = await fetch(`${base}${path}`, { method, headers: role ? { authorization: `Bearer ${token(role)}` } : {} });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text };
}

const rowsOf = (text: string) => parseCsv(text).map((record) => record.fields);

describe('GET /export/kol-ranking.csv', () => {
  it.each([
    ['', {}],
    ['?metric=DEGREE&first=50', { metric: 'DEGREE', first: 50 }],
    ['?metric=COMPOSITE&territoryId=ter-ne&first=1000', { metric: 'COMPOSITE', territoryId: 'ter-ne', first: 1000 }],
    ['?therapeuticAreaId=ta-onc&first=7', { therapeuticAreaId: 'ta-onc', first: 7 }],
  ])('%s: the rows kolRanking answers with the same arguments', async (query, args) => {
    const data = await t
      .client(token('ADMIN'))
      .request<{ kolRanking: { rank: number; score: number; hcp: { id: string; name: string; specialty: string | null } }[] }>(
        gql`
          query ($metric: InfluenceMetric, $territoryId: ID, $therapeuticAreaId: ID, $first: Int) {
            kolRanking(metric: $metric, territoryId: $territoryId, therapeuticAreaId: $therapeuticAreaId, first: $first) {
              rank
              score
              hcp {
                id
                name
                specialty
              }
            }
          }
        `,
        args,
      );
    const { status, type, disposition, text } = await get(`/export/kol-ranking.csv${query}`);
    expect(status).toBe(200);
    expect(type).toBe('text/csv; charset=utf-8');
    expect(disposition).toBe('attachment; filename="kol-ranking.csv"');
    const [header, ...rows] = rowsOf(text);
    expect(header).toEqual(['rank', 'hcpId', 'name', 'specialty', 'score']);
    expect(data.kolRanking.length).toBeGreaterThan(0);
    expect(rows).toEqual(data.kolRanking.map((k) => [String(k.rank), k.hcp.id, k.hcp.name, k.hcp.specialty ?? '', String(k.score)]));
  });

  it.each([
    ['first=0', 'first'],
    ['first=10001', 'first'],
    ['first=abc', 'first'],
    ['metric=PAGE', 'metric'],
    ['sort=score', 'sort'],
    ['first=5&first=6', 'first'],
  ])('%s: 400 BAD_USER_INPUT naming %s, with a clear message', async (query, field) => {
    const { status, type, text } = await get(`/export/kol-ranking.csv?${query}`);
    expect(status).toBe(400);
    expect(type).toMatch(/^application\/json/);
    const error = JSON.parse(text).errors[0];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(new RegExp(`^${field}: `));
  });

  it('an unknown territory or area: 404 NOT_FOUND', async () => {
    for (const query of ['territoryId=ter-nowhere', 'therapeuticAreaId=ta-nothing']) {
      const { status, text } = await get(`/export/kol-ranking.csv?${query}`);
      expect(status).toBe(404);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('roles as for kolRanking: every role; no or a bad token: 401; POST: 405', async () => {
    for (const role of ['ADMIN', 'MSL', 'ANALYST', 'PLANNER'] as Role[])
      expect((await get('/export/kol-ranking.csv?first=3', role)).status).toBe(200);
    const anonymous = await get('/export/kol-ranking.csv', null);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await fetch(`${base}/export/kol-ranking.csv`, {
      headers: { authorization: `Bearer ${signToken('another-secret-0123456789abcdefghij', { sub: 'x', roles: ['ADMIN'] })}` },
    });
    expect(forged.status).toBe(401);
    expect((await get('/export/kol-ranking.csv', 'ADMIN', 'POST')).status).toBe(405);
  });

  it('reflects a committed write', async () => {
    const before = rowsOf((await get('/export/kol-ranking.csv?metric=DEGREE&first=1')).text)[1];
    await t.db.write(
      `MATCH (h:HCP {id: 'hcp-00399'}), (o:HCP) WHERE o.id <> h.id WITH h, o ORDER BY o.id LIMIT 100 CREATE (h)-[:COLLEAGUE {weight: 0.1}]->(o)`,
    );
    const after = rowsOf((await get('/export/kol-ranking.csv?metric=DEGREE&first=1')).text)[1];
    expect(before[1]).not.toBe('hcp-00399');
    expect(after[1]).toBe('hcp-00399');
  });

  it('formula cells are neutralized: a cell starting with = or @ gets a leading quote (docs/csv-format.md)', async () => {
    await t.db.write(`MATCH (h:HCP {id: 'hcp-00399'}) SET h.firstName = '=1+2', h.specialty = '@SUM(A1)'`);
    const { text } = await get('/export/kol-ranking.csv?metric=DEGREE&first=1');
    const line = text.split('\n').find((row) => row.includes('hcp-00399'));
    expect(line).toContain(`,'=1+2 `);
    expect(line).toContain(`,'@SUM(A1),`);
    expect(line).not.toMatch(/,[=@]/);
  });
});

describe('GET /export/communities.csv', () => {
  it('one row per HCP: the communities and members GraphQL answers', async () => {
    const data = await t
      .client(token('ADMIN'))
      .request<{ communities: { communities: { id: string; size: number; members: { id: string; name: string }[] }[] } }>(gql`
        {
          communities {
            communities {
              id
              size
              members {
                id
                name
              }
            }
          }
        }
      `);
    const { status, text } = await get('/export/communities.csv', 'PLANNER');
    expect(status).toBe(200);
    const [header, ...rows] = rowsOf(text);
    expect(header).toEqual(['communityId', 'communitySize', 'hcpId', 'name']);
    expect(rows).toHaveLength(400);
    expect(rows).toEqual(data.communities.communities.flatMap((c) => c.members.map((m) => [c.id, String(c.size), m.id, m.name])));
  });

  it('takes no parameters: 400', async () => {
    const { status, text } = await get('/export/communities.csv?first=10');
    expect(status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
