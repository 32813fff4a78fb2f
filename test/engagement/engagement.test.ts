import { gql } from 'graphql-request';
import { recomputeStrength } from '../../src/graph/relationship/strength.repository';
import { relationshipStrength } from '../../src/engagement/strength';
import { addDays, isoDate } from '../../src/engagement/dates';
import { buildNetwork, pageRank } from '../../src/network';
import { TestApp, errorCode } from '../support/app';
import { startExclusiveTestApp } from './exclusive';

/**
 * Relationship strength recomputation, relationship health, channel preference and the
 * engagement plan on the real database through HTTP.
 *
 * The fixture: MSL msl-1 covers Northeast and focuses on Oncology; msl-2 covers Northeast too.
 * HCPs h-01..h-08 (h-07 and h-08 in the West, h-04 in Cardiology). h-05 is the hub most
 * links point to. msl-1 knows h-01 (0.8, contacted 10 days ago), h-02 (0.5, 200 days ago),
 * h-03 (0.2, never) and h-04 (0.25, never).
 */
let t: TestApp;
const today = isoDate(new Date());

const LINKS: [string, string, string, number][] = [
  ['h-01', 'h-05', 'COAUTHOR', 0.9],
  ['h-02', 'h-05', 'COLLEAGUE', 0.6],
  ['h-03', 'h-05', 'REFERRAL', 0.7],
  ['h-06', 'h-05', 'REFERRAL', 0.8],
  ['h-07', 'h-05', 'MENTOR', 0.5],
  ['h-05', 'h-06', 'COLLEAGUE', 0.4],
  ['h-02', 'h-03', 'COAUTHOR', 0.3],
  ['h-04', 'h-01', 'COLLEAGUE', 0.5],
  ['h-08', 'h-07', 'COLLEAGUE', 0.9],
];

beforeAll(async () => {
  t = await startExclusiveTestApp();
  await t.db.write(
    `CREATE (ne:Territory {id: 'ter-ne', name: 'Northeast', region: 'US'}), (w:Territory {id: 'ter-w', name: 'West', region: 'US'})
     CREATE (onc:TherapeuticArea {id: 'ta-onc', name: 'Oncology'}), (card:TherapeuticArea {id: 'ta-card', name: 'Cardiology'})
     CREATE (m1:MSL {id: 'msl-1', firstName: 'Ines', lastName: 'Zimmer'})-[:COVERS]->(ne), (m1)-[:FOCUSES_ON]->(onc)
     CREATE (m2:MSL {id: 'msl-2', firstName: 'Maya', lastName: 'Eklund'})-[:COVERS]->(ne), (m2)-[:FOCUSES_ON]->(onc)
     WITH ne, w, onc, card
     UNWIND range(1, 8) AS i
     WITH ne, w, onc, card, i, 'h-0' + toString(i) AS id
     CREATE (h:HCP {id: id, firstName: 'F' + i, lastName: 'L' + i, preferredChannel: CASE i WHEN 5 THEN 'VIRTUAL' ELSE null END})
     WITH h, CASE WHEN i >= 7 THEN w ELSE ne END AS territory, CASE WHEN i = 4 THEN card ELSE onc END AS area
     CREATE (h)-[:IN_TERRITORY]->(territory), (h)-[:SPECIALIZES_IN]->(area)`,
  );
  for (const [a, b, type, weight] of LINKS) {
    await t.db.write(`MATCH (a:HCP {id: $a}), (b:HCP {id: $b}) CREATE (a)-[:${type} {weight: $weight}]->(b)`, { a, b, weight });
  }
  await t.db.write(
    `MATCH (m:MSL {id: 'msl-1'})
     UNWIND [['h-01', 0.8, 10], ['h-02', 0.5, 200], ['h-03', 0.2, null], ['h-04', 0.25, null]] AS r
     MATCH (h:HCP {id: r[0]})
     CREATE (m)-[:KNOWS {strength: r[1], baseStrength: r[1], since: date('2024-01-01'),
                         lastContact: CASE WHEN r[2] IS NULL THEN null ELSE date() - duration({days: r[2]}) END}]->(h)`,
  );
  // Interactions: msl-1 with h-01 (in person, positive x2; email neutral), msl-2 with h-06 (email positive x2, phone negative).
  await t.db.write(
    `UNWIND [['i1', 'msl-1', 'h-01', 10, 'IN_PERSON', 'POSITIVE'], ['i2', 'msl-1', 'h-01', 40, 'IN_PERSON', 'POSITIVE'],
             ['i3', 'msl-1', 'h-01', 70, 'EMAIL', 'NEUTRAL'], ['i4', 'msl-2', 'h-06', 5, 'EMAIL', 'POSITIVE'],
             ['i5', 'msl-2', 'h-06', 20, 'EMAIL', 'POSITIVE'], ['i6', 'msl-2', 'h-06', 30, 'PHONE', 'NEGATIVE']] AS r
     MATCH (m:MSL {id: r[1]}), (h:HCP {id: r[2]})
     CREATE (m)-[:LOGGED]->(:Interaction {id: r[0], date: date() - duration({days: r[3]}), channel: r[4], sentiment: r[5]})-[:WITH]->(h)`,
  );
  await t.db.write(
    `MATCH (m:MSL {id: 'msl-2'}), (h:HCP {id: 'h-06'})
     CREATE (m)-[:PLANNED]->(:PlannedInteraction {id: 'plan-x', date: date() + duration({days: 5}), channel: 'EMAIL'})-[:WITH]->(h)`,
  );
});
afterAll(() => t.stop());

function expectedPagerank(): Map<string, number> {
  const hcpIds = Array.from({ length: 8 }, (_, i) => `h-0${i + 1}`);
  const net = buildNetwork({
    hcpIds,
    links: LINKS.map(([source, target, type, weight]) => ({ source, target, type: type as 'COAUTHOR', weight })),
    relationships: [],
  });
  const rank = pageRank(net.directed);
  return new Map(hcpIds.map((id) => [id, rank[net.hcpIndex.get(id) as number]]));
}

describe('recomputeStrength', () => {
  it('recomputes KNOWS.strength from the base and every interaction of the pair, inside a transaction', async () => {
    const now = new Date();
    const result = await t.db.transaction((tx) => recomputeStrength(tx, 'msl-1', 'h-01', now, { halfLifeDays: 180 }));
    const expected = relationshipStrength({
      baseStrength: 0.8,
      interactions: [
        { date: addDays(today, -10), channel: 'IN_PERSON', sentiment: 'POSITIVE' },
        { date: addDays(today, -40), channel: 'IN_PERSON', sentiment: 'POSITIVE' },
        { date: addDays(today, -70), channel: 'EMAIL', sentiment: 'NEUTRAL' },
      ],
      now,
      halfLifeDays: 180,
    });
    expect(result).toEqual({ strength: expected, baseStrength: 0.8, interactions: 3 });
    const [row] = await t.db.read<{ strength: number; base: number; last: string; at: string | null }>(
      `MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'h-01'})
       RETURN k.strength AS strength, k.baseStrength AS base, toString(k.lastContact) AS last, toString(k.strengthComputedAt) AS at`,
    );
    expect(row.strength).toBeCloseTo(expected, 12);
    expect(row.base).toBe(0.8);
    expect(row.last).toBe(addDays(today, -10));
    expect(row.at).not.toBeNull();
    // recomputing again does not compound
    const again = await t.db.transaction((tx) => recomputeStrength(tx, 'msl-1', 'h-01', now, { halfLifeDays: 180 }));
    expect(again?.strength).toBeCloseTo(expected, 12);
  });

  it('writes nothing for a pair without KNOWS, and keeps the base when there are no interactions', async () => {
    expect(await t.db.transaction((tx) => recomputeStrength(tx, 'msl-2', 'h-06', new Date()))).toBeNull();
    const [{ n }] = await t.db.read<{ n: number }>("MATCH (:MSL {id: 'msl-2'})-[k:KNOWS]->() RETURN count(k) AS n");
    expect(n).toBe(0);
    const result = await t.db.transaction((tx) => recomputeStrength(tx, 'msl-1', 'h-03', new Date()));
    expect(result).toEqual({ strength: 0.2, baseStrength: 0.2, interactions: 0 });
  });

  it('rolls back with the transaction', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await recomputeStrength(tx, 'msl-1', 'h-02', new Date('2030-01-01'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const [{ strength }] = await t.db.read<{ strength: number }>(
      "MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'h-02'}) RETURN k.strength AS strength",
    );
    expect(strength).toBe(0.5);
  });
});

describe('strengthFormula', () => {
  it('documents the formula with the configured half-life', async () => {
    const data = await t
      .client()
      .request<{ strengthFormula: { text: string; halfLifeDays: number; channelWeights: { channel: string; weight: number }[] } }>(gql`
        {
          strengthFormula {
            text
            halfLifeDays
            gain
            defaultBaseStrength
            channelWeights {
              channel
              weight
            }
            sentimentMultipliers {
              sentiment
              multiplier
            }
          }
        }
      `);
    expect(data.strengthFormula.text).toContain('strength = 1 − (1 − b)·exp(−0.3·E)');
    expect(data.strengthFormula.halfLifeDays).toBe(180);
    expect(data.strengthFormula.channelWeights.map((c) => c.channel)).toEqual(['IN_PERSON', 'CONGRESS', 'VIRTUAL', 'PHONE', 'EMAIL']);
  });
});

const STALE = gql`
  query ($mslId: ID!, $days: Int, $first: Int) {
    staleRelationships(mslId: $mslId, days: $days, first: $first) {
      hcp {
        id
      }
      strength
      since
      lastContact
      daysSinceContact
      influence
    }
  }
`;
type Stale = {
  staleRelationships: {
    hcp: { id: string };
    strength: number;
    lastContact: string | null;
    daysSinceContact: number | null;
    influence: number;
  }[];
};

describe('staleRelationships', () => {
  it('lists relationships not contacted in `days`, most influential first', async () => {
    const pagerank = expectedPagerank();
    const data = await t.client().request<Stale>(STALE, { mslId: 'msl-1', days: 90 });
    const ids = data.staleRelationships.map((s) => s.hcp.id);
    expect(ids.sort()).toEqual(['h-02', 'h-03', 'h-04']);
    const ordered = [...ids].sort((a, b) => (pagerank.get(b) as number) - (pagerank.get(a) as number) || (a < b ? -1 : 1));
    expect(data.staleRelationships.map((s) => s.hcp.id)).toEqual(ordered);
    for (const s of data.staleRelationships) expect(s.influence).toBeCloseTo(pagerank.get(s.hcp.id) as number, 9);
    const h2 = data.staleRelationships.find((s) => s.hcp.id === 'h-02');
    expect(h2).toMatchObject({ lastContact: addDays(today, -200), daysSinceContact: 200, strength: 0.5 });
    expect(data.staleRelationships.find((s) => s.hcp.id === 'h-03')).toMatchObject({ lastContact: null, daysSinceContact: null });
  });

  it('counts a contact exactly `days` ago as not stale, and honours `first`', async () => {
    const at200 = await t.client().request<Stale>(STALE, { mslId: 'msl-1', days: 200 });
    expect(at200.staleRelationships.map((s) => s.hcp.id)).not.toContain('h-02');
    const at199 = await t.client().request<Stale>(STALE, { mslId: 'msl-1', days: 199, first: 1 });
    expect(at199.staleRelationships).toHaveLength(1);
    const none = await t.client().request<Stale>(STALE, { mslId: 'msl-2', days: 0 });
    expect(none.staleRelationships).toEqual([]);
  });

  it('rejects an unknown MSL and bad arguments', async () => {
    expect(await errorCode(t.client().request(STALE, { mslId: 'msl-x', days: 30 }))).toBe('NOT_FOUND');
    expect(await errorCode(t.client().request(STALE, { mslId: 'msl-1', days: -1 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(STALE, { mslId: 'msl-1', first: 0 }))).toBe('BAD_USER_INPUT');
  });
});

describe('hcp.channelPreference', () => {
  it('returns the explicit preference, the derived one and the evidence per channel', async () => {
    const data = await t.client().request<{ hcps: { edges: { node: { id: string; channelPreference: unknown } }[] } }>(gql`
      {
        hcps(first: 10) {
          edges {
            node {
              id
              channelPreference {
                explicit
                derived
                effective
                evidence {
                  channel
                  interactions
                  positive
                  neutral
                  negative
                  score
                }
              }
            }
          }
        }
      }
    `);
    const byId = new Map(data.hcps.edges.map((e) => [e.node.id, e.node.channelPreference]));
    expect(byId.get('h-01')).toEqual({
      explicit: null,
      derived: 'IN_PERSON',
      effective: 'IN_PERSON',
      evidence: [
        { channel: 'IN_PERSON', interactions: 2, positive: 2, neutral: 0, negative: 0, score: 4 },
        { channel: 'EMAIL', interactions: 1, positive: 0, neutral: 1, negative: 0, score: 1 },
      ],
    });
    expect(byId.get('h-05')).toEqual({ explicit: 'VIRTUAL', derived: null, effective: 'VIRTUAL', evidence: [] });
    expect(byId.get('h-06')).toMatchObject({ explicit: null, derived: 'EMAIL', effective: 'EMAIL' });
  });

  it('loads the evidence of a whole page in one statement', async () => {
    const query = gql`
      {
        hcps(first: 8) {
          edges {
            node {
              channelPreference {
                derived
              }
            }
          }
        }
      }
    `;
    await t.client().request(query); // warm up (schema, network snapshot)
    const before = t.db.statements;
    await t.client().request(query);
    expect(t.db.statements - before).toBeLessThanOrEqual(3);
  });
});

const PLAN = gql`
  query ($mslId: ID!, $first: Int, $maxHops: Int) {
    engagementPlan(mslId: $mslId, first: $first, maxHops: $maxHops) {
      hcp {
        id
      }
      influence
      relationshipStrength
      preferredChannel
      reasons
      warmIntroduction {
        hops
        cost
        strength
        hcps {
          id
          name
        }
      }
    }
  }
`;
interface Suggestion {
  hcp: { id: string };
  influence: number;
  relationshipStrength: number | null;
  preferredChannel: string | null;
  reasons: string[];
  warmIntroduction: { hops: number; cost: number; strength: number; hcps: { id: string; name: string }[] } | null;
}

describe('engagementPlan', () => {
  it('suggests influential HCPs of the territory and area with no or a weak relationship, with reasons', async () => {
    const pagerank = expectedPagerank();
    const data = await t.client().request<{ engagementPlan: Suggestion[] }>(PLAN, { mslId: 'msl-1', first: 10 });
    const ids = data.engagementPlan.map((s) => s.hcp.id);
    // h-01 (0.8 after recompute) and h-02 (0.5) are known well; h-04 is Cardiology; h-07, h-08 are in the West
    expect([...ids].sort()).toEqual(['h-03', 'h-05', 'h-06']);
    const ordered = [...ids].sort((a, b) => (pagerank.get(b) as number) - (pagerank.get(a) as number) || (a < b ? -1 : 1));
    expect(ids).toEqual(ordered);
    expect(ids[0]).toBe('h-05');

    const hub = data.engagementPlan[0];
    expect(hub.relationshipStrength).toBeNull();
    expect(hub.preferredChannel).toBe('VIRTUAL');
    expect(hub.influence).toBeCloseTo(pagerank.get('h-05') as number, 9);
    // msl-1 → h-01 → h-05: −ln(strength of KNOWS h-01) − ln(0.9)
    const [{ s1 }] = await t.db.read<{ s1: number }>("MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'h-01'}) RETURN k.strength AS s1");
    expect(hub.warmIntroduction).toMatchObject({
      hops: 2,
      hcps: [
        { id: 'h-01', name: 'F1 L1' },
        { id: 'h-05', name: 'F5 L5' },
      ],
    });
    expect(hub.warmIntroduction?.strength).toBeCloseTo(s1 * 0.9, 9);
    expect(hub.reasons).toEqual([
      'PageRank top 15% in Oncology (#1 of 7)',
      'no relationship yet',
      `warm path via Dr F1 L1 (path strength ${(s1 * 0.9).toFixed(2)}, 2 hops)`,
      'prefers VIRTUAL (recorded)',
    ]);

    const weak = data.engagementPlan.find((s) => s.hcp.id === 'h-03') as Suggestion;
    expect(weak.relationshipStrength).toBe(0.2);
    expect(weak.reasons).toContain('weak relationship (strength 0.20)');

    const planned = data.engagementPlan.find((s) => s.hcp.id === 'h-06') as Suggestion;
    expect(planned.preferredChannel).toBe('EMAIL');
    expect(planned.reasons).toContain('prefers EMAIL (derived from 2 interactions)');
    expect(planned.reasons).toContain(`already planned by Maya Eklund on ${addDays(today, 5)}: coordinate`);
  });

  it('honours first and maxHops, and says when there is no warm path', async () => {
    const one = await t.client().request<{ engagementPlan: Suggestion[] }>(PLAN, { mslId: 'msl-1', first: 1, maxHops: 1 });
    expect(one.engagementPlan).toHaveLength(1);
    expect(one.engagementPlan[0].warmIntroduction).toBeNull();
    expect(one.engagementPlan[0].reasons).toContain('no warm introduction path within 1 hop');
    // msl-2 knows nobody: no paths at all
    const cold = await t.client().request<{ engagementPlan: Suggestion[] }>(PLAN, { mslId: 'msl-2' });
    expect(cold.engagementPlan.every((s) => s.warmIntroduction === null && s.relationshipStrength === null)).toBe(true);
  });

  it('rejects an unknown MSL and bad arguments', async () => {
    expect(await errorCode(t.client().request(PLAN, { mslId: 'msl-x' }))).toBe('NOT_FOUND');
    expect(await errorCode(t.client().request(PLAN, { mslId: 'msl-1', first: 0 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(t.client().request(PLAN, { mslId: 'msl-1', maxHops: 0 }))).toBe('BAD_USER_INPUT');
  });
});
