import { gql } from 'graphql-request';
import { TestApp, startTestApp } from '../support/app';
import { failure } from '../support/mutations';
import { isoDate } from '../../src/engagement/dates';

/**
 * MslRelationship.strength is the strength as of now (or `asOf`): it decays with the time since
 * the last contact by the documented formula, computed at read time (no job), and every answer
 * that weighs relationships (paths, best introducers, plans, relationship health) uses it.
 */
let t: TestApp;
const today = isoDate(new Date());
const G = 0.3;

beforeAll(async () => {
  t = await startTestApp();
  await t.db.write(`
    CREATE (m1:MSL {id: 'msl-1', firstName: 'A', lastName: 'One'}), (m2:MSL {id: 'msl-2', firstName: 'B', lastName: 'Two'}),
           (h1:HCP {id: 'hcp-1', firstName: 'C', lastName: 'One'}), (h2:HCP {id: 'hcp-2', firstName: 'D', lastName: 'Two'}),
           (h1)-[:COLLEAGUE {weight: 0.5}]->(h2),
           (m1)-[:KNOWS {strength: 0.3, baseStrength: 0.3, since: date('2024-01-01')}]->(h1),
           (m2)-[:KNOWS {strength: 0.2, baseStrength: 0.2, since: date('2024-01-01')}]->(h2)`);
  const log = gql`
    mutation ($m: ID!, $h: ID!, $d: String!) {
      logInteraction(input: { mslId: $m, hcpId: $h, date: $d, channel: IN_PERSON, sentiment: POSITIVE }) {
        id
      }
    }
  `;
  await t.client().request(log, { m: 'msl-1', h: 'hcp-1', d: today });
  for (let i = 0; i < 3; i++) await t.client().request(log, { m: 'msl-2', h: 'hcp-2', d: today });
});
afterAll(() => t.stop());

/** Moves every stored moment of the pair `days` into the past, as if that much time had gone by. */
async function age(days: number): Promise<void> {
  await t.db.write(
    `MATCH (m:MSL)-[k:KNOWS]->(h:HCP) WHERE k.strengthComputedAt IS NOT NULL
     SET k.strengthComputedAt = k.strengthComputedAt - duration({days: $days}), k.lastContact = k.lastContact - duration({days: $days})
     WITH m, h MATCH (m)-[:LOGGED]->(i:Interaction)-[:WITH]->(h) SET i.date = i.date - duration({days: $days})`,
    { days },
  );
}

async function strengthOf(hcpId: string, asOf?: string): Promise<number> {
  const data = await t.client().request<{ hcp: { mslRelationships: { strength: number }[] } }>(
    gql`
      query ($h: ID!, $asOf: String) {
        hcp(id: $h) {
          mslRelationships {
            strength(asOf: $asOf)
          }
        }
      }
    `,
    { h: hcpId, asOf },
  );
  return data.hcp.mslRelationships[0].strength;
}

it('answers the formula at the moment asked, decaying with the time since contact', async () => {
  const fresh = 1 - 0.7 * Math.exp(-G * 1.25);
  expect(await strengthOf('hcp-1')).toBeCloseTo(fresh, 12);
  await age(180);
  const decayed = 1 - 0.7 * Math.exp(-G * 1.25 * 0.5);
  expect(await strengthOf('hcp-1')).toBeCloseTo(decayed, 12);
  // Stored value untouched: nothing was written to make it decay.
  const [{ stored }] = await t.db.read<{ stored: number }>("MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->() RETURN k.strength AS stored");
  expect(stored).toBeCloseTo(fresh, 12);
  const inAYear = new Date(Date.now() + 180 * 86_400_000).toISOString();
  expect(await strengthOf('hcp-1', inAYear)).toBeCloseTo(1 - 0.7 * Math.exp(-G * 1.25 * 0.25), 12);
  // Before the meeting: only the history up to then counts (none), so the base.
  const before = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
  expect(await strengthOf('hcp-1', before)).toBeCloseTo(0.3, 12);
});

it('weighs introduction paths and best introducers with the strength of the moment', async () => {
  const now = await strengthOf('hcp-1');
  const data = await t
    .client()
    .request<{ introductionPaths: { cost: number }[]; bestIntroducers: { msl: { id: string }; path: { cost: number } }[] }>(gql`
      {
        introductionPaths(fromMslId: "msl-1", toHcpId: "hcp-2") {
          cost
        }
        bestIntroducers(toHcpId: "hcp-2") {
          msl {
            id
          }
          path {
            cost
          }
        }
      }
    `);
  expect(data.introductionPaths[0].cost).toBeCloseTo(-Math.log(now) - Math.log(0.5), 12);
  const introducer = data.bestIntroducers.find((i) => i.msl.id === 'msl-1');
  expect(introducer?.path.cost).toBeCloseTo(-Math.log(now) - Math.log(0.5), 12);
});

it('lets relationship health and the engagement plan see a relationship gone weak with time', async () => {
  // msl-2 met hcp-2 three times (strength ≈ 0.53); two years on it is back near its 0.2 base.
  expect(await strengthOf('hcp-2')).toBeGreaterThan(0.3);
  const planned = async () =>
    (
      await t.client().request<{ engagementPlan: { hcp: { id: string }; relationshipStrength: number | null }[] }>(gql`
        {
          engagementPlan(mslId: "msl-2") {
            hcp {
              id
            }
            relationshipStrength
          }
        }
      `)
    ).engagementPlan;
  expect((await planned()).map((s) => s.hcp.id)).not.toContain('hcp-2');
  await age(720);
  const now = await strengthOf('hcp-2');
  expect(now).toBeLessThan(0.3);
  expect((await planned()).find((s) => s.hcp.id === 'hcp-2')?.relationshipStrength).toBeCloseTo(now, 12);
  const stale = await t.client().request<{ staleRelationships: { hcp: { id: string }; strength: number }[] }>(gql`
    {
      staleRelationships(mslId: "msl-2") {
        hcp {
          id
        }
        strength
      }
    }
  `);
  expect(stale.staleRelationships).toEqual([{ hcp: { id: 'hcp-2' }, strength: now }]);
});

it('rejects an asOf that is not a date', async () => {
  expect(await failure(strengthOf('hcp-1', 'yesterday'))).toEqual({ code: 'BAD_USER_INPUT', field: 'asOf' });
});
