import { addDays, isoDate } from '../../src/engagement/dates';
import { signToken } from '../../src/http/auth';
import { TestApp, errorCode } from '../support/app';
import { failure, networkVersion, snapshot } from '../support/mutations';
import { startExclusiveTestApp } from './exclusive';

/** transferRelationships: moves relationships with their history, merges, records the handover; all or nothing; ADMIN only. */
const SECRET = 'transfer-test-secret-0123456789abcdef';
let t: TestApp;
const today = isoDate(new Date());
const admin = signToken(SECRET, { sub: 'admin-1', roles: ['ADMIN'] });
const mslC = signToken(SECRET, { sub: 'carla', roles: ['MSL'], mslId: 'msl-c' });
const planner = signToken(SECRET, { sub: 'pia', roles: ['PLANNER'] });
const analyst = signToken(SECRET, { sub: 'ana', roles: ['ANALYST'] });

beforeAll(async () => {
  t = await startExclusiveTestApp({ JWT_SECRET: SECRET });
  await t.db.write(
    `UNWIND ['msl-a', 'msl-b', 'msl-c'] AS id CREATE (:MSL {id: id, firstName: 'First ' + id, lastName: 'Last'})
     WITH count(*) AS n
     UNWIND ['hcp-1', 'hcp-2', 'hcp-3'] AS id CREATE (:HCP {id: id, firstName: 'Dr', lastName: id})
     WITH count(*) AS n
     MATCH (a:MSL {id: 'msl-a'}), (b:MSL {id: 'msl-b'}), (h1:HCP {id: 'hcp-1'}), (h2:HCP {id: 'hcp-2'})
     CREATE (a)-[:KNOWS {strength: 0.5, baseStrength: 0.5, since: date('2020-01-01')}]->(h1),
            (a)-[:KNOWS {strength: 0.4, baseStrength: 0.4, since: date('2019-05-01')}]->(h2),
            (b)-[:KNOWS {strength: 0.6, baseStrength: 0.6, since: date('2022-03-01')}]->(h2)`,
  );
  for (const [id, hcpId, days] of [
    ['int-1', 'hcp-1', 30],
    ['int-2', 'hcp-2', 60],
  ] as const) {
    await t
      .client(admin)
      .request(
        `mutation { logInteraction(input: {id: "${id}", mslId: "msl-a", hcpId: "${hcpId}", date: "${addDays(today, -days)}", channel: IN_PERSON, sentiment: POSITIVE}) { id } }`,
      );
  }
});
afterAll(() => t.stop());

interface Transfer {
  id: string;
  at: string;
  by: string;
  from: { id: string } | null;
  to: { id: string } | null;
  relationships: { hcp: { id: string } | null; merged: boolean; fromStrength: number; strength: number }[];
}
const FIELDS = 'id at by from { id } to { id } relationships { hcp { id } merged fromStrength strength }';
const transfer = (token: string, fromMslId: string, toMslId: string, hcpIds: string[]) =>
  t
    .client(token)
    .request<{ transferRelationships: Transfer }>(
      `mutation ($f: ID!, $t: ID!, $h: [ID!]!) { transferRelationships(fromMslId: $f, toMslId: $t, hcpIds: $h) { ${FIELDS} } }`,
      { f: fromMslId, t: toMslId, h: hcpIds },
    )
    .then((d) => d.transferRelationships);

async function strengthOf(mslId: string, hcpId: string): Promise<number | null> {
  const data = await t
    .client(admin)
    .request<{ msl: { relationships: { hcp: { id: string }; strength: number }[] } }>(
      `query ($id: ID!) { msl(id: $id) { relationships { hcp { id } strength } } }`,
      { id: mslId },
    );
  return data.msl.relationships.find((r) => r.hcp.id === hcpId)?.strength ?? null;
}

async function knows(mslId: string, hcpId: string): Promise<Record<string, unknown>[]> {
  return t.db.read(
    `MATCH (:MSL {id: $mslId})-[k:KNOWS]->(:HCP {id: $hcpId})
     RETURN k.strength AS strength, k.baseStrength AS base, toString(k.since) AS since, toString(k.lastContact) AS lastContact,
            toString(k.strengthComputedAt) AS computedAt`,
    { mslId, hcpId },
  );
}

async function refused(write: () => Promise<unknown>): Promise<{ code?: string; field?: string }> {
  const before = await snapshot(t);
  const result = await failure(write());
  expect(await snapshot(t)).toBe(before);
  return result;
}

describe('rejections: nothing written', () => {
  it('answers NOT_FOUND for an unknown MSL or HCP', async () => {
    expect((await refused(() => transfer(admin, 'msl-x', 'msl-c', ['hcp-1']))).code).toBe('NOT_FOUND');
    expect((await refused(() => transfer(admin, 'msl-a', 'msl-x', ['hcp-1']))).code).toBe('NOT_FOUND');
    expect((await refused(() => transfer(admin, 'msl-a', 'msl-c', ['hcp-1', 'hcp-x']))).code).toBe('NOT_FOUND');
  });

  it('answers BAD_USER_INPUT with the field: same MSL, empty list, repeats, an HCP the leaving MSL does not know (all or nothing)', async () => {
    expect(await refused(() => transfer(admin, 'msl-a', 'msl-a', ['hcp-1']))).toEqual({ code: 'BAD_USER_INPUT', field: 'toMslId' });
    expect(await refused(() => transfer(admin, 'msl-a', 'msl-c', []))).toEqual({ code: 'BAD_USER_INPUT', field: 'hcpIds' });
    expect(await refused(() => transfer(admin, 'msl-a', 'msl-c', ['hcp-1', 'hcp-1']))).toEqual({ code: 'BAD_USER_INPUT', field: 'hcpIds' });
    expect(await refused(() => transfer(admin, 'msl-a', 'msl-c', ['hcp-1', 'hcp-3']))).toEqual({ code: 'BAD_USER_INPUT', field: 'hcpIds' });
    expect(await refused(() => transfer(admin, 'msl-a', 'msl-c', [' ']))).toEqual({ code: 'BAD_USER_INPUT', field: 'hcpIds' });
  });

  it('is ADMIN only', async () => {
    for (const token of [mslC, planner, analyst])
      expect((await refused(() => transfer(token, 'msl-a', 'msl-c', ['hcp-1']))).code).toBe('FORBIDDEN');
    expect(await errorCode(transfer('', 'msl-a', 'msl-c', ['hcp-1']))).toBe('UNAUTHENTICATED');
  });
});

describe('transferRelationships', () => {
  it('moves a relationship unchanged to an MSL who did not know the HCP; interactions stay attributed; recorded, audited, network marked', async () => {
    const before = (await knows('msl-a', 'hcp-1'))[0];
    const strengthBefore = (await strengthOf('msl-a', 'hcp-1')) as number;
    const version = await networkVersion(t);
    const done = await transfer(admin, 'msl-a', 'msl-c', ['hcp-1']);
    expect(done).toMatchObject({ by: 'admin-1', from: { id: 'msl-a' }, to: { id: 'msl-c' } });
    expect(done.relationships).toEqual([{ hcp: { id: 'hcp-1' }, merged: false, fromStrength: strengthBefore, strength: strengthBefore }]);
    expect(await knows('msl-a', 'hcp-1')).toEqual([]);
    expect(await knows('msl-c', 'hcp-1')).toEqual([before]);
    expect(await strengthOf('msl-c', 'hcp-1')).toBe(strengthBefore);
    const [owner] = await t.db.read<{ logged: string; inherited: string[] }>(
      "MATCH (m:MSL)-[:LOGGED]->(i:Interaction {id: 'int-1'}) RETURN m.id AS logged, [(x:MSL)-[:INHERITED]->(i) | x.id] AS inherited",
    );
    expect(owner).toEqual({ logged: 'msl-a', inherited: ['msl-c'] });
    expect(await networkVersion(t)).toBe(version + 1);
    const [audit] = await t.db.read<{ ids: string[] }>("MATCH (a:AuditEvent {action: 'transferRelationships'}) RETURN a.entityIds AS ids");
    expect(audit.ids).toEqual(expect.arrayContaining(['msl-a', 'msl-c', 'hcp-1', done.id]));
  });

  it('keeps the inherited trust: the receiver’s next meeting adds to it instead of starting over', async () => {
    const inherited = (await strengthOf('msl-c', 'hcp-1')) as number;
    await t
      .client(admin)
      .request(
        `mutation { logInteraction(input: {mslId: "msl-c", hcpId: "hcp-1", date: "${today}", channel: EMAIL, sentiment: NEUTRAL}) { id } }`,
      );
    const after = (await strengthOf('msl-c', 'hcp-1')) as number;
    expect(after).toBeGreaterThan(inherited);
  });

  it('merges with the receiver’s own relationship: larger base, earlier since, both histories, one relationship', async () => {
    const fromStrength = (await strengthOf('msl-a', 'hcp-2')) as number;
    const ownStrength = (await strengthOf('msl-b', 'hcp-2')) as number;
    const done = await transfer(admin, 'msl-a', 'msl-b', ['hcp-2']);
    const [row] = done.relationships;
    expect(row).toMatchObject({ hcp: { id: 'hcp-2' }, merged: true, fromStrength });
    expect(row.strength).toBeGreaterThanOrEqual(Math.max(fromStrength, ownStrength));
    const merged = await knows('msl-b', 'hcp-2');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ base: 0.6, since: '2019-05-01', lastContact: addDays(today, -60) });
    expect(merged[0].computedAt).not.toBeNull();
    expect(await knows('msl-a', 'hcp-2')).toEqual([]);
    expect(await strengthOf('msl-b', 'hcp-2')).toBeCloseTo(row.strength, 12);
  });

  it('passes inherited history on with a further transfer, never counting an interaction twice', async () => {
    await transfer(admin, 'msl-c', 'msl-a', ['hcp-1']);
    const [row] = await t.db.read<{ inherited: string[] }>(
      "MATCH (i:Interaction {id: 'int-1'}) RETURN [(x:MSL)-[:INHERITED]->(i) | x.id] AS inherited",
    );
    // msl-a logged int-1 itself: it does not inherit it; msl-c gave the relationship up.
    expect(row.inherited).toEqual([]);
    const [c] = await t.db.read<{ n: number }>("MATCH (:MSL {id: 'msl-c'})-[r:INHERITED]->() RETURN count(r) AS n");
    expect(c.n).toBe(0);
  });
});

describe('relationshipTransfers', () => {
  const LIST = `query ($mslId: ID) { relationshipTransfers(mslId: $mslId) { id from { id } to { id } relationships { hcp { id } } } }`;
  const list = (token: string, mslId?: string) =>
    t.client(token).request<{ relationshipTransfers: { from: { id: string }; to: { id: string } }[] }>(LIST, { mslId });

  it('lists transfers newest first to PLANNER, ANALYST and ADMIN; an MSL sees its own only', async () => {
    const all = (await list(planner)).relationshipTransfers.map((x) => `${x.from.id}>${x.to.id}`);
    expect(all).toEqual(['msl-c>msl-a', 'msl-a>msl-b', 'msl-a>msl-c']);
    expect((await list(analyst, 'msl-b')).relationshipTransfers.map((x) => `${x.from.id}>${x.to.id}`)).toEqual(['msl-a>msl-b']);
    expect((await list(mslC, 'msl-c')).relationshipTransfers).toHaveLength(2);
    expect(await errorCode(list(mslC, 'msl-b'))).toBe('FORBIDDEN');
    expect(await errorCode(list(mslC))).toBe('FORBIDDEN');
  });
});
