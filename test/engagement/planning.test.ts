import { gql } from 'graphql-request';
import { addDays, isoDate } from '../../src/engagement/dates';
import { TestApp, errorCode } from '../support/app';
import { startExclusiveTestApp } from './exclusive';

/** scheduleInteraction with double-booking detection (SCHEDULING_CONFLICT_DAYS = 14), plannedInteractions. */
let t: TestApp;
const today = isoDate(new Date());
const day = (n: number) => addDays(today, n);

beforeAll(async () => {
  t = await startExclusiveTestApp();
  await t.db.write(
    `UNWIND ['msl-1', 'msl-2', 'msl-3'] AS id CREATE (:MSL {id: id, firstName: 'First ' + id, lastName: 'Last'})
     WITH count(*) AS n
     UNWIND ['hcp-1', 'hcp-2'] AS id CREATE (:HCP {id: id, firstName: 'Dr', lastName: id})`,
  );
});
afterAll(() => t.stop());

const SCHEDULE = gql`
  mutation ($input: ScheduleInteractionInput!) {
    scheduleInteraction(input: $input) {
      planned {
        id
        date
        channel
        topic
        msl {
          id
        }
        hcp {
          id
        }
      }
      conflicts {
        msl {
          id
        }
        date
        daysApart
        plannedInteraction {
          id
        }
      }
      windowDays
    }
  }
`;
interface Scheduled {
  scheduleInteraction: {
    planned: { id: string; date: string; channel: string; topic: string | null; msl: { id: string }; hcp: { id: string } };
    conflicts: { msl: { id: string }; date: string; daysApart: number; plannedInteraction: { id: string } }[];
    windowDays: number;
  };
}
const schedule = (input: Record<string, unknown>) => t.client().request<Scheduled>(SCHEDULE, { input: { channel: 'IN_PERSON', ...input } });

async function failure(promise: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return (error as { response: { errors: { message: string; extensions: Record<string, unknown> }[] } }).response.errors[0];
  }
  throw new Error('expected the request to fail');
}

describe('scheduleInteraction', () => {
  it('plans an interaction without conflict', async () => {
    const data = await schedule({
      id: 'plan-1',
      mslId: 'msl-1',
      hcpId: 'hcp-1',
      date: day(10),
      channel: 'VIRTUAL',
      topic: ' Phase III data ',
    });
    expect(data.scheduleInteraction).toEqual({
      planned: { id: 'plan-1', date: day(10), channel: 'VIRTUAL', topic: 'Phase III data', msl: { id: 'msl-1' }, hcp: { id: 'hcp-1' } },
      conflicts: [],
      windowDays: 14,
    });
    const [row] = await t.db.read<{ n: number }>(
      "MATCH (:MSL {id: 'msl-1'})-[:PLANNED]->(p:PlannedInteraction {id: 'plan-1'})-[:WITH]->(:HCP {id: 'hcp-1'}) RETURN count(p) AS n",
    );
    expect(row.n).toBe(1);
  });

  it('does not count the same MSL or another HCP as a conflict', async () => {
    expect((await schedule({ id: 'plan-2', mslId: 'msl-1', hcpId: 'hcp-1', date: day(12) })).scheduleInteraction.conflicts).toEqual([]);
    expect((await schedule({ id: 'plan-3', mslId: 'msl-2', hcpId: 'hcp-2', date: day(10) })).scheduleInteraction.conflicts).toEqual([]);
  });

  it('reports other MSLs planning the same HCP within the window, and still schedules', async () => {
    const data = await schedule({ id: 'plan-4', mslId: 'msl-2', hcpId: 'hcp-1', date: day(20) });
    expect(data.scheduleInteraction.planned.id).toBe('plan-4');
    expect(data.scheduleInteraction.conflicts).toEqual([
      { msl: { id: 'msl-1' }, date: day(10), daysApart: 10, plannedInteraction: { id: 'plan-1' } },
      { msl: { id: 'msl-1' }, date: day(12), daysApart: 8, plannedInteraction: { id: 'plan-2' } },
    ]);
  });

  it('counts a plan exactly 14 days apart as a conflict, 15 days apart not', async () => {
    const at14 = await schedule({ id: 'plan-5', mslId: 'msl-3', hcpId: 'hcp-2', date: day(24) });
    expect(at14.scheduleInteraction.conflicts.map((c) => [c.plannedInteraction.id, c.daysApart])).toEqual([['plan-3', 14]]);
    const at15 = await schedule({ id: 'plan-6', mslId: 'msl-1', hcpId: 'hcp-2', date: day(40) });
    expect(at15.scheduleInteraction.conflicts).toEqual([]);
  });

  it('with rejectOnConflict fails with CONFLICT naming the other plan and writes nothing', async () => {
    const error = await failure(schedule({ id: 'plan-7', mslId: 'msl-3', hcpId: 'hcp-1', date: day(15), rejectOnConflict: true }));
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.extensions.field).toBe('date');
    expect(error.message).toContain('hcp-1 is already planned by msl-1 on ' + day(10));
    expect(error.extensions.conflicts).toEqual([
      { mslId: 'msl-1', date: day(10), plannedInteractionId: 'plan-1' },
      { mslId: 'msl-1', date: day(12), plannedInteractionId: 'plan-2' },
      { mslId: 'msl-2', date: day(20), plannedInteractionId: 'plan-4' },
    ]);
    const [row] = await t.db.read<{ n: number }>("MATCH (p:PlannedInteraction {id: 'plan-7'}) RETURN count(p) AS n");
    expect(row.n).toBe(0);
    const ok = await schedule({ id: 'plan-8', mslId: 'msl-3', hcpId: 'hcp-1', date: day(60), rejectOnConflict: true });
    expect(ok.scheduleInteraction.conflicts).toEqual([]);
  });

  it('serializes concurrent schedulings of one HCP: with rejectOnConflict only one of two succeeds', async () => {
    const results = await Promise.allSettled([
      schedule({ id: 'race-a', mslId: 'msl-1', hcpId: 'hcp-2', date: day(100), rejectOnConflict: true }),
      schedule({ id: 'race-b', mslId: 'msl-2', hcpId: 'hcp-2', date: day(101), rejectOnConflict: true }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await t.db.read<{ n: number }>("MATCH (p:PlannedInteraction) WHERE p.id STARTS WITH 'race-' RETURN count(p) AS n");
    expect(row.n).toBe(1);
  });

  it('validates input: unknown MSL/HCP NOT_FOUND, past or malformed date and duplicate id BAD_USER_INPUT', async () => {
    expect(await errorCode(schedule({ mslId: 'msl-x', hcpId: 'hcp-1', date: day(3) }))).toBe('NOT_FOUND');
    expect(await errorCode(schedule({ mslId: 'msl-1', hcpId: 'hcp-x', date: day(3) }))).toBe('NOT_FOUND');
    const past = await failure(schedule({ mslId: 'msl-1', hcpId: 'hcp-1', date: day(-30) }));
    expect(past.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(await errorCode(schedule({ mslId: 'msl-1', hcpId: 'hcp-1', date: '2025-13-01' }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(schedule({ id: 'plan-1', mslId: 'msl-1', hcpId: 'hcp-1', date: day(3) }))).toBe('BAD_USER_INPUT');
  });
});

const PLANS = gql`
  query ($mslId: ID, $hcpId: ID, $from: String, $to: String) {
    plannedInteractions(mslId: $mslId, hcpId: $hcpId, from: $from, to: $to) {
      id
      date
      msl {
        id
      }
      hcp {
        id
      }
    }
  }
`;

describe('plannedInteractions', () => {
  it('lists by MSL, by HCP, both, and between dates, by date then id', async () => {
    const list = async (vars: Record<string, unknown>) =>
      (await t.client().request<{ plannedInteractions: { id: string }[] }>(PLANS, vars)).plannedInteractions.map((p) => p.id);
    // (race-a belongs to msl-1 when it won the race above)
    expect((await list({ mslId: 'msl-1' })).filter((id) => !id.startsWith('race-'))).toEqual(['plan-1', 'plan-2', 'plan-6']);
    expect(await list({ hcpId: 'hcp-1' })).toEqual(['plan-1', 'plan-2', 'plan-4', 'plan-8']);
    expect(await list({ mslId: 'msl-2', hcpId: 'hcp-1' })).toEqual(['plan-4']);
    expect(await list({ hcpId: 'hcp-1', from: day(11), to: day(20) })).toEqual(['plan-2', 'plan-4']);
  });

  it('needs an MSL or an HCP', async () => {
    expect(await errorCode(t.client().request(PLANS, {}))).toBe('BAD_USER_INPUT');
  });
});
