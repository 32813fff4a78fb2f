import { gql } from 'graphql-request';
import { addDays, isoDate } from '../../src/engagement/dates';
import { signToken } from '../../src/http/auth';
import { TestApp, errorCode } from '../support/app';
import { failure, networkVersion, snapshot } from '../support/mutations';
import { startExclusiveTestApp } from './exclusive';

/** A plan's life: cancel, reschedule, complete (logs the interaction); final states, roles, nothing written on a rejection. */
const SECRET = 'plan-life-test-secret-0123456789abcdef';
let t: TestApp;
const today = isoDate(new Date());
const day = (n: number) => addDays(today, n);
const admin = signToken(SECRET, { sub: 'admin', roles: ['ADMIN'] });
const msl1 = signToken(SECRET, { sub: 'ines', roles: ['MSL'], mslId: 'msl-1' });
const msl2 = signToken(SECRET, { sub: 'omar', roles: ['MSL'], mslId: 'msl-2' });
const planner = signToken(SECRET, { sub: 'pia', roles: ['PLANNER'] });
const analyst = signToken(SECRET, { sub: 'ana', roles: ['ANALYST'] });

beforeAll(async () => {
  t = await startExclusiveTestApp({ JWT_SECRET: SECRET });
  await t.db.write(
    `UNWIND ['msl-1', 'msl-2'] AS id CREATE (:MSL {id: id, firstName: 'First ' + id, lastName: 'Last'})
     WITH count(*) AS n
     UNWIND ['hcp-1', 'hcp-2', 'hcp-3'] AS id CREATE (:HCP {id: id, firstName: 'Dr', lastName: id})`,
  );
  await t.client(admin).request(gql`
    mutation {
      addRestrictedWord(word: "cure") {
        id
      }
    }
  `);
});
afterAll(() => t.stop());

const PLAN_FIELDS = 'id date channel topic status closedAt cancelReason rescheduledAt msl { id } hcp { id }';
interface Plan {
  id: string;
  date: string;
  channel: string;
  topic: string | null;
  status: string;
  closedAt: string | null;
  cancelReason: string | null;
  rescheduledAt: string | null;
  interaction?: { id: string; date: string; channel: string; topic: string | null; sentiment: string; msl: { id: string } } | null;
}

async function schedule(token: string, input: Record<string, unknown>): Promise<Plan> {
  const data = await t
    .client(token)
    .request<{ scheduleInteraction: { planned: Plan } }>(
      `mutation ($input: ScheduleInteractionInput!) { scheduleInteraction(input: $input) { planned { ${PLAN_FIELDS} } } }`,
      { input: { channel: 'IN_PERSON', ...input } },
    );
  return data.scheduleInteraction.planned;
}

const cancel = (token: string, id: string, reason?: string) =>
  t
    .client(token)
    .request<{
      cancelPlannedInteraction: Plan;
    }>(`mutation ($id: ID!, $reason: String) { cancelPlannedInteraction(id: $id, reason: $reason) { ${PLAN_FIELDS} } }`, { id, reason })
    .then((d) => d.cancelPlannedInteraction);

interface Rescheduled {
  planned: Plan;
  conflicts: { msl: { id: string }; date: string; daysApart: number; plannedInteraction: { id: string } }[];
  windowDays: number;
}
const reschedule = (token: string, vars: { id: string; date: string; channel?: string; rejectOnConflict?: boolean }) =>
  t
    .client(token)
    .request<{ reschedulePlannedInteraction: Rescheduled }>(
      `mutation ($id: ID!, $date: String!, $channel: Channel, $rejectOnConflict: Boolean) {
        reschedulePlannedInteraction(id: $id, date: $date, channel: $channel, rejectOnConflict: $rejectOnConflict) {
          planned { ${PLAN_FIELDS} } conflicts { msl { id } date daysApart plannedInteraction { id } } windowDays } }`,
      { rejectOnConflict: false, ...vars },
    )
    .then((d) => d.reschedulePlannedInteraction);

const complete = (token: string, id: string, input: Record<string, unknown>) =>
  t
    .client(token)
    .request<{ completePlannedInteraction: Plan }>(
      `mutation ($id: ID!, $input: CompletePlannedInteractionInput!) { completePlannedInteraction(id: $id, input: $input) {
        ${PLAN_FIELDS} interaction { id date channel topic sentiment msl { id } } } }`,
      { id, input },
    )
    .then((d) => d.completePlannedInteraction);

async function auditOf(action: string): Promise<string[][]> {
  const rows = await t.db.read<{ ids: string[] }>('MATCH (a:AuditEvent {action: $action}) RETURN a.entityIds AS ids ORDER BY a.at', {
    action,
  });
  return rows.map((r) => [...r.ids].sort());
}

/** Runs a write that must be refused: returns its code and field, and checks nothing at all was written. */
async function refused(write: () => Promise<unknown>): Promise<{ code?: string; field?: string }> {
  const before = await snapshot(t);
  const result = await failure(write());
  expect(await snapshot(t)).toBe(before);
  return result;
}

describe('cancelPlannedInteraction', () => {
  it('cancels the MSL’s own plan with a reason, audited; a cancelled plan no longer conflicts', async () => {
    await schedule(msl1, { id: 'c-1', mslId: 'msl-1', hcpId: 'hcp-1', date: day(10) });
    const cancelled = await cancel(msl1, 'c-1', '  HCP on leave ');
    expect(cancelled).toMatchObject({ id: 'c-1', status: 'CANCELLED', cancelReason: 'HCP on leave', date: day(10) });
    expect(Date.parse(cancelled.closedAt as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(await auditOf('cancelPlannedInteraction')).toEqual([['c-1']]);
    const other = await t
      .client(msl2)
      .request<{ scheduleInteraction: { conflicts: unknown[] } }>(
        `mutation { scheduleInteraction(input: {id: "c-2", mslId: "msl-2", hcpId: "hcp-1", date: "${day(11)}", channel: EMAIL, rejectOnConflict: true}) { conflicts { date } } }`,
      );
    expect(other.scheduleInteraction.conflicts).toEqual([]);
  });

  it('refuses to cancel, reschedule or complete a cancelled plan (BAD_USER_INPUT on id), writing nothing', async () => {
    expect(await refused(() => cancel(msl1, 'c-1'))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await refused(() => reschedule(msl1, { id: 'c-1', date: day(20) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await refused(() => complete(msl1, 'c-1', { sentiment: 'POSITIVE' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses a reason over 500 characters', async () => {
    await schedule(msl1, { id: 'c-3', mslId: 'msl-1', hcpId: 'hcp-3', date: day(30) });
    expect(await refused(() => cancel(msl1, 'c-3', 'x'.repeat(501)))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
  });
});

describe('reschedulePlannedInteraction', () => {
  it('moves the date and channel; conflicts judged at the new date, reported', async () => {
    await schedule(msl2, { id: 'r-1', mslId: 'msl-2', hcpId: 'hcp-2', date: day(40) });
    await schedule(msl1, { id: 'r-2', mslId: 'msl-1', hcpId: 'hcp-2', date: day(5) });
    const moved = await reschedule(msl1, { id: 'r-2', date: day(45), channel: 'VIRTUAL' });
    expect(moved.planned).toMatchObject({ id: 'r-2', date: day(45), channel: 'VIRTUAL', status: 'PLANNED' });
    expect(moved.planned.rescheduledAt).not.toBeNull();
    expect(moved.conflicts).toEqual([{ msl: { id: 'msl-2' }, date: day(40), daysApart: 5, plannedInteraction: { id: 'r-1' } }]);
    expect(moved.windowDays).toBe(14);
    expect(await auditOf('reschedulePlannedInteraction')).toEqual([['r-2']]);
  });

  it('keeps the channel when none is given; its own other plans never conflict', async () => {
    await schedule(msl1, { id: 'r-3', mslId: 'msl-1', hcpId: 'hcp-2', date: day(90) });
    const moved = await reschedule(msl1, { id: 'r-3', date: day(46) });
    expect(moved.planned).toMatchObject({ date: day(46), channel: 'IN_PERSON' });
    expect(moved.conflicts.map((c) => c.plannedInteraction.id)).toEqual(['r-1']);
  });

  it('with rejectOnConflict refuses a conflicting slot with CONFLICT, as scheduling does, and writes nothing', async () => {
    const before = await snapshot(t);
    const error = await failure(reschedule(msl1, { id: 'r-3', date: day(41), rejectOnConflict: true }));
    expect(error).toEqual({ code: 'CONFLICT', field: 'date' });
    expect(await snapshot(t)).toBe(before);
    const [row] = await t.db.read<{ date: string }>("MATCH (p:PlannedInteraction {id: 'r-3'}) RETURN toString(p.date) AS date");
    expect(row.date).toBe(day(46));
    const ok = await reschedule(msl1, { id: 'r-3', date: day(70), rejectOnConflict: true });
    expect(ok.conflicts).toEqual([]);
  });

  it('refuses a past or malformed date (BAD_USER_INPUT on date)', async () => {
    expect(await refused(() => reschedule(msl1, { id: 'r-3', date: day(-3) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(await refused(() => reschedule(msl1, { id: 'r-3', date: '2026-02-30' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
  });
});

describe('completePlannedInteraction', () => {
  it('logs the interaction as logInteraction does, links it, recomputes strength and marks the network', async () => {
    await schedule(msl1, { id: 'p-1', mslId: 'msl-1', hcpId: 'hcp-3', date: day(3), channel: 'VIRTUAL', topic: 'trial design' });
    const version = await networkVersion(t);
    const done = await complete(msl1, 'p-1', { interactionId: 'int-p-1', sentiment: 'POSITIVE', notes: 'Keen on the phase III' });
    expect(done).toMatchObject({ id: 'p-1', status: 'COMPLETED', date: day(3) });
    expect(done.closedAt).not.toBeNull();
    // The planned date is still ahead: the meeting took place today; channel and topic from the plan.
    expect(done.interaction).toEqual({
      id: 'int-p-1',
      date: today,
      channel: 'VIRTUAL',
      topic: 'trial design',
      sentiment: 'POSITIVE',
      msl: { id: 'msl-1' },
    });
    const [knows] = await t.db.read<{ strength: number; computed: boolean; lastContact: string }>(
      `MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'hcp-3'})
       RETURN k.strength AS strength, k.strengthComputedAt IS NOT NULL AS computed, toString(k.lastContact) AS lastContact`,
    );
    expect(knows.computed).toBe(true);
    expect(knows.strength).toBeGreaterThan(0.2);
    expect(knows.lastContact).toBe(today);
    expect(await networkVersion(t)).toBe(version + 1);
    expect(await auditOf('completePlannedInteraction')).toEqual([['int-p-1', 'p-1']]);
  });

  it('takes the planned date when it has passed, and the given fields over the plan’s (a plan stored before statuses existed is PLANNED)', async () => {
    await t.db.write(
      `MATCH (m:MSL {id: 'msl-2'}), (h:HCP {id: 'hcp-3'})
       CREATE (m)-[:PLANNED]->(:PlannedInteraction {id: 'p-old', date: date($date), channel: 'PHONE', topic: 'old', createdAt: datetime()})-[:WITH]->(h)`,
      { date: day(-20) },
    );
    const done = await complete(admin, 'p-old', { sentiment: 'NEUTRAL', topic: 'follow-up' });
    expect(done.interaction).toMatchObject({
      date: day(-20),
      channel: 'PHONE',
      topic: 'follow-up',
      sentiment: 'NEUTRAL',
      msl: { id: 'msl-2' },
    });
    const explicit = await schedule(msl2, { id: 'p-2', mslId: 'msl-2', hcpId: 'hcp-1', date: day(2) });
    const done2 = await complete(msl2, explicit.id, { sentiment: 'NEGATIVE', date: day(-1), channel: 'EMAIL' });
    expect(done2.interaction).toMatchObject({ date: day(-1), channel: 'EMAIL', sentiment: 'NEGATIVE' });
    expect(done2.interaction?.id).toMatch(/^int-/);
  });

  it('refuses to complete, cancel or reschedule a completed plan, writing nothing', async () => {
    expect(await refused(() => complete(msl1, 'p-1', { sentiment: 'POSITIVE' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await refused(() => cancel(msl1, 'p-1'))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await refused(() => reschedule(msl1, { id: 'p-1', date: day(9) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('applies logInteraction’s checks: restricted words, future date, taken or malformed interaction id; nothing written, plan still PLANNED', async () => {
    await schedule(msl1, { id: 'p-3', mslId: 'msl-1', hcpId: 'hcp-1', date: day(4) });
    expect(await refused(() => complete(msl1, 'p-3', { sentiment: 'POSITIVE', notes: 'They asked for a CURE.' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'notes',
    });
    expect(await refused(() => complete(msl1, 'p-3', { sentiment: 'POSITIVE', date: day(5) }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'date',
    });
    expect(await refused(() => complete(msl1, 'p-3', { sentiment: 'POSITIVE', interactionId: 'int-p-1' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'interactionId',
    });
    expect(await refused(() => complete(msl1, 'p-3', { sentiment: 'POSITIVE', interactionId: 'bad id!' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'interactionId',
    });
    expect(await refused(() => complete(msl1, 'p-3', { sentiment: 'POSITIVE', topic: 't'.repeat(201) }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'topic',
    });
    const [row] = await t.db.read<{ status: string }>("MATCH (p:PlannedInteraction {id: 'p-3'}) RETURN p.status AS status");
    expect(row.status).toBe('PLANNED');
  });

  it('lets only one of a concurrent complete and cancel of one plan succeed', async () => {
    await schedule(msl1, { id: 'p-race', mslId: 'msl-1', hcpId: 'hcp-2', date: day(6) });
    const results = await Promise.allSettled([complete(msl1, 'p-race', { sentiment: 'POSITIVE' }), cancel(msl1, 'p-race')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await t.db.read<{ interactions: number }>(
      "MATCH (p:PlannedInteraction {id: 'p-race'}) RETURN COUNT { (p)-[:RESULTED_IN]->() } AS interactions, p.status AS status",
    );
    expect(row.interactions).toBe(results[0].status === 'fulfilled' ? 1 : 0);
  });
});

describe('unknown ids and roles', () => {
  it('answers NOT_FOUND for an unknown plan, writing nothing', async () => {
    expect((await refused(() => cancel(admin, 'nope'))).code).toBe('NOT_FOUND');
    expect((await refused(() => reschedule(msl1, { id: 'nope', date: day(3) }))).code).toBe('NOT_FOUND');
    expect((await refused(() => complete(msl1, 'nope', { sentiment: 'POSITIVE' }))).code).toBe('NOT_FOUND');
  });

  it('lets an MSL change only its own plans (ADMIN any); PLANNER, ANALYST and anonymous are refused; nothing written', async () => {
    await schedule(msl1, { id: 'own-1', mslId: 'msl-1', hcpId: 'hcp-1', date: day(50) });
    for (const token of [msl2, planner, analyst]) {
      expect((await refused(() => cancel(token, 'own-1'))).code).toBe('FORBIDDEN');
      expect((await refused(() => reschedule(token, { id: 'own-1', date: day(51) }))).code).toBe('FORBIDDEN');
      expect((await refused(() => complete(token, 'own-1', { sentiment: 'POSITIVE' }))).code).toBe('FORBIDDEN');
    }
    expect(await errorCode(t.client().request(`mutation { cancelPlannedInteraction(id: "own-1") { id } }`))).toBe('UNAUTHENTICATED');
    expect((await reschedule(admin, { id: 'own-1', date: day(52) })).planned.date).toBe(day(52));
    expect((await cancel(admin, 'own-1')).status).toBe('CANCELLED');
  });
});

describe('plannedInteractions(status)', () => {
  it('lists one status, or every status by default', async () => {
    const ids = async (status?: string) =>
      (
        await t.client(admin).request<{
          plannedInteractions: { id: string; status: string }[];
        }>(`query ($status: PlanStatus) { plannedInteractions(mslId: "msl-1", status: $status) { id status } }`, { status })
      ).plannedInteractions.map((p) => p.id);
    const all = await ids();
    expect(all).toEqual(expect.arrayContaining(['c-1', 'c-3', 'r-2', 'r-3', 'p-1', 'p-3', 'own-1']));
    expect(await ids('CANCELLED')).toEqual(expect.arrayContaining(['c-1', 'own-1']));
    expect(await ids('COMPLETED')).toContain('p-1');
    expect(await ids('PLANNED')).not.toContain('p-1');
    expect((await ids('PLANNED')).length + (await ids('CANCELLED')).length + (await ids('COMPLETED')).length).toBe(all.length);
  });
});
