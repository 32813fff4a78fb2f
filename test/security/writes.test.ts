import { signToken } from '../../src/http/auth';
import { TestApp, startTestApp } from '../support/app';
import { Role } from '../../src/vocabulary';

/**
 * Who may write (docs/security.md, Roles): ADMIN everything; an MSL only for itself and only the notes
 * of its own interactions; ANALYST and PLANNER nothing. Every successful write leaves an
 * AuditEvent (who, what, when; ids only), readable by ADMIN through auditEvents.
 */
const SECRET = 'writes-test-secret-0123456789abcdef';
let t: TestApp;

const auth = (roles: Role[], mslId?: string, sub = `${roles.join('-').toLowerCase()}${mslId ? `-${mslId}` : ''}`) =>
  `Bearer ${signToken(SECRET, { sub, roles, mslId })}`;
const ADMIN = auth(['ADMIN'], undefined, 'admin-1');
const MSL1 = auth(['MSL'], 'msl-w1');
const ANALYST = auth(['ANALYST']);
const PLANNER = auth(['PLANNER']);

async function gql(authorization: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}
const codes = (body: any) => (body.errors ?? []).map((e: any) => `${(e.path ?? []).join('.')}:${e.extensions.code}`);
const count = async (cypher: string) => (await t.db.read<{ n: number }>(cypher))[0].n;

beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
  await t.db.write(`
    CREATE (h1:HCP {id: 'hcp-w1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org'})
    CREATE (h2:HCP {id: 'hcp-w2', firstName: 'Bob', lastName: 'Builder', email: 'bob@example.org'})
    CREATE (m1:MSL {id: 'msl-w1', firstName: 'Max', lastName: 'One', email: 'max@example.org'})
    CREATE (m2:MSL {id: 'msl-w2', firstName: 'Mia', lastName: 'Two', email: 'mia@example.org'})
    CREATE (m1)-[:LOGGED]->(:Interaction {id: 'int-w1', date: date('2025-01-10'), channel: 'EMAIL', sentiment: 'POSITIVE', notes: 'secret of msl-w1'})-[:WITH]->(h1)
    CREATE (m2)-[:LOGGED]->(:Interaction {id: 'int-w2', date: date('2025-01-11'), channel: 'PHONE', sentiment: 'NEUTRAL', notes: 'secret of msl-w2'})-[:WITH]->(h1)`);
});
afterAll(() => t.stop());

const LOG = `mutation Log($input: LogInteractionInput!) { logInteraction(input: $input) { id notes } }`;
const logInput = (mslId: string, id: string) => ({
  input: { id, mslId, hcpId: 'hcp-w1', date: '2025-02-01', channel: 'EMAIL', sentiment: 'POSITIVE', notes: `notes ${id}` },
});

describe('notes', () => {
  const Q = '{ a: interaction(id: "int-w1") { id notes } b: interaction(id: "int-w2") { id notes } }';

  it("an MSL reads its own notes; another MSL's are FORBIDDEN, the rest answers", async () => {
    const body = await gql(MSL1, Q);
    expect(body.data).toEqual({ a: { id: 'int-w1', notes: 'secret of msl-w1' }, b: { id: 'int-w2', notes: null } });
    expect(codes(body)).toEqual(['b.notes:FORBIDDEN']);
  });

  it.each([
    ['ANALYST', ANALYST],
    ['PLANNER', PLANNER],
  ])('%s: every note FORBIDDEN', async (_role, who) => {
    const body = await gql(who, Q);
    expect(body.data).toEqual({ a: { id: 'int-w1', notes: null }, b: { id: 'int-w2', notes: null } });
    expect(codes(body).sort()).toEqual(['a.notes:FORBIDDEN', 'b.notes:FORBIDDEN']);
  });

  it('the restricted words found in notes follow the notes rule', async () => {
    const body = await gql(MSL1, '{ a: interaction(id: "int-w1") { id flaggedWords } b: interaction(id: "int-w2") { id flaggedWords } }');
    expect(body.data).toEqual({ a: { id: 'int-w1', flaggedWords: [] }, b: { id: 'int-w2', flaggedWords: null } });
    expect(codes(body)).toEqual(['b.flaggedWords:FORBIDDEN']);
  });

  it('ADMIN reads all notes', async () => {
    const body = await gql(ADMIN, Q);
    expect(body.errors).toBeUndefined();
    expect(body.data.b.notes).toBe('secret of msl-w2');
  });
});

describe('MSL writes only as itself', () => {
  it('logs an interaction for itself, not for another MSL', async () => {
    const own = await gql(MSL1, LOG, logInput('msl-w1', 'int-own-1'));
    expect(own.errors).toBeUndefined();
    expect(own.data.logInteraction).toEqual({ id: 'int-own-1', notes: 'notes int-own-1' });
    const other = await gql(MSL1, LOG, logInput('msl-w2', 'int-forged'));
    expect(codes(other)).toEqual(['logInteraction:FORBIDDEN']);
    expect(await count("MATCH (i:Interaction {id: 'int-forged'}) RETURN count(i) AS n")).toBe(0);
  });

  it.each([
    ['ANALYST', ANALYST],
    ['PLANNER', PLANNER],
  ])('%s cannot log interactions', async (_role, who) => {
    expect(codes(await gql(who, LOG, logInput('msl-w1', 'int-x')))).toEqual(['logInteraction:FORBIDDEN']);
  });

  it('sets relationships only for itself', async () => {
    const SET = 'mutation S($m: ID!) { setMslRelationship(mslId: $m, hcpId: "hcp-w2", strength: 0.5) { strength } }';
    expect((await gql(MSL1, SET, { m: 'msl-w1' })).errors).toBeUndefined();
    expect(codes(await gql(MSL1, SET, { m: 'msl-w2' }))).toEqual(['setMslRelationship:FORBIDDEN']);
    expect(await count("MATCH (:MSL {id: 'msl-w2'})-[k:KNOWS]->(:HCP {id: 'hcp-w2'}) RETURN count(k) AS n")).toBe(0);
  });

  it('schedules interactions only for itself', async () => {
    const date = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
    const PLAN =
      'mutation P($m: ID!, $d: String!) { scheduleInteraction(input: {mslId: $m, hcpId: "hcp-w1", date: $d, channel: VIRTUAL}) { __typename } }';
    expect((await gql(MSL1, PLAN, { m: 'msl-w1', d: date })).errors).toBeUndefined();
    expect(codes(await gql(MSL1, PLAN, { m: 'msl-w2', d: date }))).toEqual(['scheduleInteraction:FORBIDDEN']);
    expect(codes(await gql(PLANNER, PLAN, { m: 'msl-w2', d: date }))).toEqual(['scheduleInteraction:FORBIDDEN']);
  });

  it('captures insights only from its own interactions', async () => {
    const CAP =
      'mutation C($i: ID!) { captureInsight(interactionId: $i, text: "Interested in trial", category: "CLINICAL", audience: MEDICAL_AFFAIRS) { id } }';
    expect(codes(await gql(MSL1, CAP, { i: 'int-w2' }))).toEqual(['captureInsight:FORBIDDEN']);
    expect(codes(await gql(ANALYST, CAP, { i: 'int-w1' }))).toEqual(['captureInsight:FORBIDDEN']);
    const own = await gql(MSL1, CAP, { i: 'int-w1' });
    expect(own.errors).toBeUndefined();
    expect(await count("MATCH (:Insight)-[:FROM]->(:Interaction {id: 'int-w2'}) RETURN count(*) AS n")).toBe(0);
  });
});

describe('ADMIN only: reference data and erasure', () => {
  const CREATE = 'mutation { createHcp(input: {id: "hcp-new", firstName: "New", lastName: "Person"}) { id } }';
  const DELETE = 'mutation { deleteHcp(id: "hcp-w2") { hcpId } }';
  const LINK = 'mutation { linkHcps(sourceId: "hcp-w1", targetId: "hcp-w2", type: COLLEAGUE, weight: 0.5) { type } }';

  it.each([
    ['MSL', MSL1],
    ['ANALYST', ANALYST],
    ['PLANNER', PLANNER],
  ])('%s: createHcp, linkHcps, deleteHcp FORBIDDEN, nothing written', async (_role, who) => {
    expect(codes(await gql(who, CREATE))).toEqual(['createHcp:FORBIDDEN']);
    expect(codes(await gql(who, LINK))).toEqual(['linkHcps:FORBIDDEN']);
    expect(codes(await gql(who, DELETE))).toEqual(['deleteHcp:FORBIDDEN']);
    expect(await count("MATCH (h:HCP) WHERE h.id IN ['hcp-new', 'hcp-w2'] RETURN count(h) AS n")).toBe(1);
    expect(await count("MATCH (:HCP {id: 'hcp-w1'})-[r:COLLEAGUE]-(:HCP {id: 'hcp-w2'}) RETURN count(r) AS n")).toBe(0);
  });

  it('ADMIN creates, links and erases', async () => {
    expect((await gql(ADMIN, CREATE)).errors).toBeUndefined();
    expect((await gql(ADMIN, LINK)).errors).toBeUndefined();
    const erased = await gql(ADMIN, DELETE);
    expect(erased.errors).toBeUndefined();
    expect(erased.data.deleteHcp.hcpId).toBe('hcp-w2');
  });
});

describe('audit', () => {
  const EVENTS = `query E($sub: String, $action: String, $first: Int, $after: String) {
    auditEvents(sub: $sub, action: $action, first: $first, after: $after) { totalCount edges { cursor node { id at sub action entityIds } } pageInfo { hasNextPage endCursor } } }`;

  it('every successful write left who/what/when with ids only; refused writes left nothing', async () => {
    const body = await gql(ADMIN, EVENTS, { first: 100 });
    expect(body.errors).toBeUndefined();
    const events = body.data.auditEvents.edges.map((e: any) => e.node);
    const summary = events.map((e: any) => `${e.sub} ${e.action}`).reverse();
    expect(summary).toEqual([
      'msl-msl-w1 logInteraction',
      'msl-msl-w1 setMslRelationship',
      'msl-msl-w1 scheduleInteraction',
      'msl-msl-w1 captureInsight',
      'admin-1 createHcp',
      'admin-1 linkHcps',
      'admin-1 deleteHcp',
    ]);
    const log = events.find((e: any) => e.action === 'logInteraction');
    expect(log.entityIds.sort()).toEqual(['hcp-w1', 'int-own-1', 'msl-w1']);
    expect(events.find((e: any) => e.action === 'deleteHcp').entityIds).toEqual(['hcp-w2']);
    for (const event of events) {
      expect(Date.parse(event.at)).toBeGreaterThan(Date.now() - 10 * 60 * 1000);
      expect(JSON.stringify(event)).not.toMatch(/notes|@example\.org|Interested/);
    }
  });

  it('filters by sub and action, and pages with cursors', async () => {
    const byAdmin = await gql(ADMIN, EVENTS, { sub: 'admin-1' });
    expect(byAdmin.data.auditEvents.totalCount).toBe(3);
    const deletes = await gql(ADMIN, EVENTS, { action: 'deleteHcp' });
    expect(deletes.data.auditEvents.edges.map((e: any) => e.node.entityIds)).toEqual([['hcp-w2']]);
    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await gql(ADMIN, EVENTS, { first: 4, after });
      pages.push(...page.data.auditEvents.edges.map((e: any) => e.node.action));
      if (!page.data.auditEvents.pageInfo.hasNextPage) break;
      after = page.data.auditEvents.pageInfo.endCursor;
    }
    expect(pages).toHaveLength(7);
    expect(new Set(pages).size).toBe(7);
    expect(codes(await gql(ADMIN, EVENTS, { after: "' OR 1=1 //" }))).toEqual(['auditEvents:BAD_USER_INPUT']);
  });
});
