import fs from 'node:fs';
import path from 'node:path';
import { gql } from 'graphql-request';
import { importFolder } from '../../src/import/importer';
import { signToken } from '../../src/http/auth';
import { lastMonths } from '../../src/graph/continuity/continuity.service';
import { TestApp, errorCode, startTestApp } from '../support/app';
import { NETWORK_400 } from '../support/fixtures';

/**
 * mslWorkload through GraphQL on network-400, against figures derived independently: strength
 * bands from MslRelationship.strength, months from the raw interaction dates, the influence share
 * from the networkx PageRank of the fixture, plan counts from plans written by hand.
 */
const SECRET = 'workload-test-secret-0123456789abcdef';
const expected = JSON.parse(fs.readFileSync(path.join(NETWORK_400, 'expected.json'), 'utf8')) as { pagerank: Record<string, number> };
const hcpTerritory = new Map(
  fs
    .readFileSync(path.join(NETWORK_400, 'hcps.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => [cells[0], cells[5]] as const),
);

let t: TestApp;
const today = new Date().toISOString().slice(0, 10);
const shift = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
  await importFolder(t.db, NETWORK_400);
  await t.db.write(
    `MATCH (m:MSL {id: 'msl-000'}), (h:HCP {id: 'hcp-00129'})
     UNWIND $plans AS plan
     CREATE (m)-[:PLANNED]->(:PlannedInteraction {id: plan.id, date: date(plan.date), channel: 'PHONE', topic: 'test', status: plan.status,
       createdAt: datetime()})-[:WITH]->(h)`,
    {
      plans: [
        { id: 'plan-ahead', date: shift(10), status: 'PLANNED' },
        { id: 'plan-today', date: today, status: 'PLANNED' },
        { id: 'plan-late', date: shift(-10), status: 'PLANNED' },
        { id: 'plan-dropped', date: shift(-20), status: 'CANCELLED' },
      ],
    },
  );
});
afterAll(() => t.stop());

const admin = signToken(SECRET, { sub: 'admin', roles: ['ADMIN'] });
const analyst = signToken(SECRET, { sub: 'ana', roles: ['ANALYST'] });
// msl-000 covers ter-ne; msl-001 covers ter-se.
const mslNe = signToken(SECRET, { sub: 'ines', roles: ['MSL'], mslId: 'msl-000' });

const WORKLOAD = gql`
  query Workload($mslId: ID!, $months: Int) {
    mslWorkload(mslId: $mslId, months: $months) {
      msl {
        id
      }
      asOf
      relationships
      strengthBands {
        band
        min
        max
        relationships
      }
      interactionsByMonth {
        month
        interactions
      }
      plannedUpcoming
      plannedOverdue
      territoryHcps
      influenceShare
    }
  }
`;

interface Workload {
  msl: { id: string };
  asOf: string;
  relationships: number;
  strengthBands: { band: string; min: number; max: number; relationships: number }[];
  interactionsByMonth: { month: string; interactions: number }[];
  plannedUpcoming: number;
  plannedOverdue: number;
  territoryHcps: number;
  influenceShare: number;
}

async function workload(token: string, mslId: string, months?: number): Promise<Workload> {
  return (await t.client(token).request<{ mslWorkload: Workload }>(WORKLOAD, { mslId, months })).mslWorkload;
}

describe('mslWorkload', () => {
  it('counts relationships by band, interactions by month, open plans and the influence share', async () => {
    const answer = await workload(admin, 'msl-000', 24);
    const { msl } = await t
      .client(admin)
      .request<{ msl: { territory: { id: string }; relationships: { strength: number; hcp: { id: string } }[] } }>(gql`
        {
          msl(id: "msl-000") {
            territory {
              id
            }
            relationships {
              strength
              hcp {
                id
              }
            }
          }
        }
      `);
    const band = (s: number) => (s < 0.3 ? 'WEAK' : s < 0.6 ? 'MEDIUM' : 'STRONG');
    expect(answer.msl.id).toBe('msl-000');
    expect(answer.asOf).toBe(today);
    expect(answer.relationships).toBe(msl.relationships.length);
    expect(answer.strengthBands).toEqual(
      (['WEAK', 'MEDIUM', 'STRONG'] as const).map((name, i) => ({
        band: name,
        min: [0, 0.3, 0.6][i],
        max: [0.3, 0.6, 1][i],
        relationships: msl.relationships.filter((r) => band(r.strength) === name).length,
      })),
    );

    const dates = await t.db.read<{ date: string }>(
      `MATCH (:MSL {id: 'msl-000'})-[:LOGGED]->(i:Interaction) RETURN toString(i.date) AS date`,
    );
    const months = lastMonths(today, 24);
    expect(answer.interactionsByMonth.map((m) => m.month)).toEqual(months);
    for (const { month, interactions } of answer.interactionsByMonth)
      expect(interactions).toBe(dates.filter((d) => d.date.startsWith(month) && d.date <= today).length);
    expect(answer.interactionsByMonth.some((m) => m.interactions > 0)).toBe(true);

    expect(answer.plannedUpcoming).toBe(2);
    expect(answer.plannedOverdue).toBe(1);

    const territory = msl.territory.id;
    const inTerritory = [...hcpTerritory].filter(([, ter]) => ter === territory).map(([id]) => id);
    const known = new Set(msl.relationships.map((r) => r.hcp.id));
    const all = inTerritory.reduce((sum, id) => sum + expected.pagerank[id], 0);
    const ofKnown = inTerritory.filter((id) => known.has(id)).reduce((sum, id) => sum + expected.pagerank[id], 0);
    expect(answer.territoryHcps).toBe(inTerritory.length);
    expect(answer.influenceShare).toBeCloseTo(ofKnown / all, 6);
  });

  it('lists exactly `months` months, the current one last', async () => {
    const answer = await workload(admin, 'msl-001', 3);
    expect(answer.interactionsByMonth.map((m) => m.month)).toEqual(lastMonths(today, 3));
    expect(answer.interactionsByMonth[2].month).toBe(today.slice(0, 7));
    expect(lastMonths('2026-01-15', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('refuses bad arguments and unknown MSLs, and follows the planning roles', async () => {
    for (const months of [0, 61]) {
      const request = t.client(admin).request(WORKLOAD, { mslId: 'msl-000', months });
      expect(await errorCode(request)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(await request.catch((e: unknown) => e))).toContain('months');
    }
    expect(await errorCode(t.client(admin).request(WORKLOAD, { mslId: 'msl-nope' }))).toBe('NOT_FOUND');
    expect((await workload(analyst, 'msl-001')).msl.id).toBe('msl-001');
    expect((await workload(mslNe, 'msl-000')).msl.id).toBe('msl-000');
    expect(await errorCode(t.client(mslNe).request(WORKLOAD, { mslId: 'msl-001' }))).toBe('FORBIDDEN');
  });
});
