import { importFolder } from '../../src/import/importer';
import { signToken } from '../../src/http/auth';
import { TestApp, errorCode, startTestApp } from '../support/app';
import { NETWORK_400, csvRows } from '../support/network400';

/**
 * proposeAssignment through GraphQL on the real database (network-400): its pairs and total
 * against a brute force over what bestIntroducers and HCP.influence answer, then bad arguments
 * and roles.
 */
const SECRET = 'assignment-test-secret-0123456789abcdef';
const admin = signToken(SECRET, { sub: 'admin', roles: ['ADMIN'] });
const planner = signToken(SECRET, { sub: 'pat', roles: ['PLANNER'] });
const analyst = signToken(SECRET, { sub: 'ana', roles: ['ANALYST'] });
// msl-000 covers ter-ne.
const mslNe = signToken(SECRET, { sub: 'ines', roles: ['MSL'], mslId: 'msl-000' });

const hcps = csvRows('hcps.csv');
const inNe = hcps.filter((row) => row.territoryId === 'ter-ne').map((row) => row.id);
const inSe = hcps.filter((row) => row.territoryId === 'ter-se').map((row) => row.id);

interface Proposal {
  assignments: {
    hcp: { id: string };
    msl: { id: string };
    path: { nodes: { id: string }[]; strength: number };
    influence: number;
    value: number;
  }[];
  unassigned: { id: string }[];
  totalValue: number;
}
const PROPOSE = `query ($targets: [ID!]!, $capacity: Int!, $mslIds: [ID!], $territoryId: ID, $maxHops: Int) {
  proposeAssignment(targetHcpIds: $targets, capacity: $capacity, mslIds: $mslIds, territoryId: $territoryId, maxHops: $maxHops) {
    assignments { hcp { id } msl { id } path { nodes { id } strength } influence value }
    unassigned { id }
    totalValue
  }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
  await importFolder(t.db, NETWORK_400);
}, 180000);
afterAll(() => t.stop());

const propose = (token: string, variables: Record<string, unknown>) =>
  t.client(token).request<{ proposeAssignment: Proposal }>(PROPOSE, variables);

/** value per (MSL, target) from bestIntroducers × HCP.influence.pagerank, then the best total by brute force. */
async function optimum(targets: string[], msls: string[], territoryId: string | null, capacity: number, maxHops: number) {
  const values = new Map<string, number>();
  const paths = new Map<string, string[]>();
  for (const hcpId of targets) {
    const data = await t.client(planner).request<{
      bestIntroducers: { msl: { id: string }; path: { nodes: { id: string }[]; strength: number } }[];
      hcp: { influence: { pagerank: number } };
    }>(
      `query ($to: ID!, $t: ID, $maxHops: Int) {
        bestIntroducers(toHcpId: $to, territoryId: $t, maxHops: $maxHops, first: 1000) { msl { id } path { nodes { id } strength } }
        hcp(id: $to) { influence { pagerank } }
      }`,
      { to: hcpId, t: territoryId, maxHops },
    );
    for (const { msl, path } of data.bestIntroducers) {
      if (!msls.includes(msl.id)) continue;
      values.set(`${msl.id} ${hcpId}`, path.strength * data.hcp.influence.pagerank);
      paths.set(
        `${msl.id} ${hcpId}`,
        path.nodes.map((n) => n.id),
      );
    }
  }
  const load = new Map<string, number>();
  const best = (i: number): number => {
    if (i === targets.length) return 0;
    let top = best(i + 1);
    for (const msl of msls) {
      const value = values.get(`${msl} ${targets[i]}`);
      if (value === undefined || (load.get(msl) ?? 0) >= capacity) continue;
      load.set(msl, (load.get(msl) ?? 0) + 1);
      top = Math.max(top, value + best(i + 1));
      load.set(msl, (load.get(msl) ?? 0) - 1);
    }
    return top;
  };
  return { total: best(0), values, paths };
}

describe('proposeAssignment against brute force over bestIntroducers', () => {
  const neTeam = csvRows('msls.csv')
    .filter((row) => row.territoryId === 'ter-ne')
    .map((row) => row.id);

  it.each([
    ['the team of ter-ne, capacity 1, maxHops 3', inNe.slice(0, 7), 'ter-ne', null, 1, 3],
    ['the team of ter-ne, capacity 2, default maxHops 4', inNe.slice(10, 17), 'ter-ne', null, 2, null],
    [
      'three MSLs by id, capacity 2, maxHops 2',
      [...inNe.slice(20, 24), ...inSe.slice(0, 3)],
      null,
      ['msl-000', 'msl-001', 'msl-006'],
      2,
      2,
    ],
  ])('%s', async (_, targets, territoryId, mslIds, capacity, maxHops) => {
    const team = (mslIds as string[] | null) ?? neTeam;
    const { proposeAssignment: got } = await propose(planner, { targets, capacity, mslIds, territoryId, maxHops });
    const want = await optimum(targets as string[], team, null, capacity as number, (maxHops as number | null) ?? 4);
    expect(Math.abs(got.totalValue - want.total)).toBeLessThanOrEqual(1e-12 * Math.max(want.total, 1e-300));
    expect(want.total).toBeGreaterThan(0);
    const load = new Map<string, number>();
    for (const pair of got.assignments) {
      const key = `${pair.msl.id} ${pair.hcp.id}`;
      expect(pair.path.nodes.map((n) => n.id)).toEqual(want.paths.get(key));
      expect(pair.value).toBeCloseTo(want.values.get(key) as number, 15);
      load.set(pair.msl.id, (load.get(pair.msl.id) ?? 0) + 1);
    }
    for (const n of load.values()) expect(n).toBeLessThanOrEqual(capacity as number);
    // Every target once: the pairs in the order given, then the rest.
    const assigned = got.assignments.map((a) => a.hcp.id);
    expect(assigned).toEqual((targets as string[]).filter((id) => assigned.includes(id)));
    expect([...assigned, ...got.unassigned.map((h) => h.id)].sort()).toEqual([...(targets as string[])].sort());
  });

  it('asks every MSL when neither mslIds nor territoryId is given', async () => {
    const targets = inSe.slice(5, 10);
    const { proposeAssignment: got } = await propose(admin, { targets, capacity: 1 });
    const every = csvRows('msls.csv').map((row) => row.id);
    const want = await optimum(targets, every, null, 1, 4);
    expect(Math.abs(got.totalValue - want.total)).toBeLessThanOrEqual(1e-12 * want.total);
  });
});

describe('bad arguments', () => {
  const failure = async (variables: Record<string, unknown>) => {
    try {
      await propose(admin, { targets: inNe.slice(0, 3), capacity: 1, ...variables });
    } catch (error) {
      const [first] = (error as { response: { errors: { extensions: { code: string; field?: string } }[] } }).response.errors;
      return `${first.extensions.code} ${first.extensions.field ?? ''}`.trim();
    }
    throw new Error('expected the request to fail');
  };

  it('answers BAD_USER_INPUT naming the argument', async () => {
    for (const capacity of [0, -1, 101]) expect(await failure({ capacity })).toBe('BAD_USER_INPUT capacity');
    for (const maxHops of [0, 7]) expect(await failure({ maxHops })).toBe('BAD_USER_INPUT maxHops');
    expect(await failure({ targets: [] })).toBe('BAD_USER_INPUT targetHcpIds');
    expect(await failure({ targets: hcps.slice(0, 101).map((row) => row.id) })).toBe('BAD_USER_INPUT targetHcpIds');
    expect(await failure({ targets: [inNe[0], inNe[1], inNe[0]] })).toBe('BAD_USER_INPUT targetHcpIds');
    expect(await failure({ targets: [''] })).toBe('BAD_USER_INPUT targetHcpIds');
    expect(await failure({ mslIds: [] })).toBe('BAD_USER_INPUT mslIds');
    expect(await failure({ mslIds: ['msl-000', 'msl-000'] })).toBe('BAD_USER_INPUT mslIds');
    expect(await failure({ mslIds: ['msl-000'], territoryId: 'ter-ne' })).toBe('BAD_USER_INPUT territoryId');
  });

  it('answers unknown ids with NOT_FOUND', async () => {
    expect(await failure({ targets: [inNe[0], 'hcp-nope'] })).toBe('NOT_FOUND');
    expect(await failure({ mslIds: ['msl-000', 'msl-nope'] })).toBe('NOT_FOUND');
    expect(await failure({ territoryId: 'ter-nope' })).toBe('NOT_FOUND');
  });
});

describe('who reads it', () => {
  it('lets PLANNER, ANALYST and ADMIN ask about any team, and nobody without a token', async () => {
    for (const token of [admin, planner, analyst]) await propose(token, { targets: inSe.slice(0, 3), capacity: 1 });
    expect(await errorCode(t.client().request(PROPOSE, { targets: inNe.slice(0, 2), capacity: 1 }))).toBe('UNAUTHENTICATED');
  });

  it('lets an MSL ask about its own territory only', async () => {
    await propose(mslNe, { targets: inNe.slice(0, 3), capacity: 1, territoryId: 'ter-ne' });
    await propose(mslNe, { targets: inNe.slice(0, 3), capacity: 1, mslIds: ['msl-000', 'msl-006'] });
    const refused = (variables: Record<string, unknown>) => errorCode(propose(mslNe, { capacity: 1, ...variables }));
    expect(await refused({ targets: [inNe[0], inSe[0]], territoryId: 'ter-ne' })).toBe('FORBIDDEN');
    expect(await refused({ targets: inNe.slice(0, 2), territoryId: 'ter-se' })).toBe('FORBIDDEN');
    expect(await refused({ targets: inNe.slice(0, 2), mslIds: ['msl-000', 'msl-001'] })).toBe('FORBIDDEN');
    expect(await refused({ targets: inNe.slice(0, 2) })).toBe('FORBIDDEN');
  });
});
