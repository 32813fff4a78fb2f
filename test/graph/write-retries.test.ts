import { gql } from 'graphql-request';
import { effectiveBase, relationshipStrength } from '../../src/engagement/strength';
import { TestApp, startTestApp } from '../support/app';
import { seedSmallGraph } from '../support/fixture';
import { failure, snapshot } from '../support/mutations';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedSmallGraph(t.db);
  // Writers of their own: 8 MSLs and 40 HCPs, no relationships yet.
  await t.db.write(`
    UNWIND range(1, 8) AS m CREATE (:MSL {id: 'cm-' + m, firstName: 'Con', lastName: 'Current' + m})
    WITH count(*) AS _
    UNWIND range(1, 40) AS h CREATE (:HCP {id: 'ch-' + h, firstName: 'Par', lastName: 'Allel' + h})`);
});
afterAll(() => t.stop());

const LOG = gql`
  mutation ($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      id
      date
      channel
      topic
      sentiment
      notes
      msl {
        id
      }
      hcp {
        id
      }
    }
  }
`;
const CAPTURE = gql`
  mutation ($id: ID, $interactionId: ID!, $text: String!, $audience: Audience!) {
    captureInsight(id: $id, interactionId: $interactionId, text: $text, category: "efficacy", audience: $audience) {
      id
      text
      createdAt
      interaction {
        id
      }
    }
  }
`;

const input = {
  id: 'retry-1',
  mslId: 'msl-1',
  hcpId: 'hcp-3',
  date: '2025-05-06',
  channel: 'PHONE',
  sentiment: 'POSITIVE',
  topic: 'dosing',
};

async function stored(label: string, id: string): Promise<{ nodes: number; audits: number }> {
  const [row] = await t.db.read<{ nodes: number; audits: number }>(
    `RETURN COUNT { (n:${label} {id: $id}) } AS nodes, COUNT { (e:AuditEvent) WHERE $id IN e.entityIds } AS audits`,
    { id },
  );
  return row;
}

describe('logInteraction retried with the same id', () => {
  it('answers the stored interaction for the same content, writing nothing the second time (no second audit event)', async () => {
    const first = await t.client().request<{ logInteraction: unknown }>(LOG, { input });
    const before = await snapshot(t);
    // Same content, spelled as a client might resend it (the topic is trimmed either way).
    const again = await t.client().request<{ logInteraction: unknown }>(LOG, { input: { ...input, topic: ' dosing ' } });
    expect(again.logInteraction).toEqual(first.logInteraction);
    expect(await snapshot(t)).toBe(before);
    expect(await stored('Interaction', 'retry-1')).toEqual({ nodes: 1, audits: 1 });
  });

  it('refuses the same id with other content: BAD_USER_INPUT on id, nothing written', async () => {
    for (const other of [
      { date: '2025-05-07' },
      { channel: 'EMAIL' },
      { sentiment: 'NEGATIVE' },
      { topic: null },
      { notes: 'more' },
      { hcpId: 'hcp-4' },
    ]) {
      const before = await snapshot(t);
      expect(await failure(t.client().request(LOG, { input: { ...input, ...other } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(await snapshot(t)).toBe(before);
    }
    expect(await stored('Interaction', 'retry-1')).toEqual({ nodes: 1, audits: 1 });
  });

  it('stores one of two requests sent at once with one id, and both get the same answer', async () => {
    for (let round = 0; round < 5; round++) {
      const race = { ...input, id: `race-${round}`, hcpId: `ch-${round + 1}`, mslId: `cm-${round + 1}` };
      const answers = await Promise.all(
        Array.from({ length: 3 }, () => t.client().request<{ logInteraction: { id: string } }>(LOG, { input: race })),
      );
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      expect(answers[0].logInteraction.id).toBe(race.id);
      expect(await stored('Interaction', race.id)).toEqual({ nodes: 1, audits: 1 });
      const [knows] = await t.db.read<{ n: number }>('RETURN COUNT { (:MSL {id: $m})-[:KNOWS]->(:HCP {id: $h}) } AS n', {
        m: race.mslId,
        h: race.hcpId,
      });
      expect(knows.n).toBe(1);
    }
  });

  it('refuses the loser of a race between two contents, storing the winner only', async () => {
    const results = await Promise.allSettled(
      ['PHONE', 'EMAIL'].map((channel) => t.client().request(LOG, { input: { ...input, id: 'race-content', channel } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(await failure(Promise.reject(lost.reason))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await stored('Interaction', 'race-content')).toEqual({ nodes: 1, audits: 1 });
  });
});

describe('captureInsight retried with the same id', () => {
  it('answers the stored insight for the same content and refuses other content, writing nothing', async () => {
    const vars = { id: 'ins-retry', interactionId: 'retry-1', text: 'Asks about renal dosing', audience: 'MEDICAL_AFFAIRS' };
    const [a, b] = await Promise.all([t.client().request(CAPTURE, vars), t.client().request(CAPTURE, vars)]);
    expect(b).toEqual(a);
    const before = await snapshot(t);
    expect(await t.client().request(CAPTURE, vars)).toEqual(a);
    expect(await failure(t.client().request(CAPTURE, { ...vars, text: 'Another text' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await snapshot(t)).toBe(before);
    expect(await stored('Insight', 'ins-retry')).toEqual({ nodes: 1, audits: 1 });
  });
});

describe('concurrent writers with retries', () => {
  it('stores every acknowledged interaction exactly once, audits each once, and keeps every strength exact', async () => {
    const writers = 8;
    const perWriter = 12;
    const answers = new Map<string, string[]>();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let k = 0; k < perWriter; k++) {
          // Writers share HCPs (w and w+4 log for the same 20 HCPs... pairs differ by MSL) and some pairs repeat.
          const sent = {
            id: `load-${w}-${k}`,
            mslId: `cm-${w + 1}`,
            hcpId: `ch-${(w % 4) * 10 + (k % 10) + 1}`,
            date: `2025-0${1 + (k % 9)}-1${k % 10}`,
            channel: k % 2 === 0 ? 'IN_PERSON' : 'EMAIL',
            sentiment: 'NEUTRAL',
          };
          // Every third request is resent, once right after and once at the same time as itself.
          const sends = k % 3 === 0 ? 3 : 1;
          const got = await Promise.all(
            Array.from({ length: sends }, () => t.client().request<{ logInteraction: { id: string } }>(LOG, { input: sent })),
          );
          answers.set(
            sent.id,
            got.map((g) => JSON.stringify(g)),
          );
        }
      }),
    );
    expect(answers.size).toBe(writers * perWriter);
    for (const got of answers.values()) expect(new Set(got).size).toBe(1);
    const [counts] = await t.db.read<{ stored: number; distinct: number; audits: number }>(`
      MATCH (i:Interaction) WHERE i.id STARTS WITH 'load-'
      WITH count(i) AS stored, count(DISTINCT i.id) AS distinct
      RETURN stored, distinct, COUNT { (e:AuditEvent {action: 'logInteraction'}) WHERE any(id IN e.entityIds WHERE id STARTS WITH 'load-') } AS audits`);
    expect(counts).toEqual({ stored: writers * perWriter, distinct: writers * perWriter, audits: writers * perWriter });

    // Each pair's strength is what the formula gives for all of its interactions at the moment of the last recompute.
    const pairs = await t.db.read<{
      base: number;
      strength: number;
      at: string;
      history: { date: string; channel: string; sentiment: string }[];
      knows: number;
    }>(`
      MATCH (m:MSL)-[k:KNOWS]->(h:HCP) WHERE m.id STARTS WITH 'cm-'
      CALL (m, h) { MATCH (m)-[:LOGGED]->(i:Interaction)-[:WITH]->(h) RETURN collect({date: toString(i.date), channel: i.channel, sentiment: i.sentiment}) AS history }
      RETURN k.baseStrength AS base, k.strength AS strength, toString(k.strengthComputedAt) AS at, history, COUNT { (m)-[:KNOWS]->(h) } AS knows`);
    expect(pairs.length).toBeGreaterThan(writers * 5);
    for (const pair of pairs) {
      expect(pair.knows).toBe(1);
      const expected = relationshipStrength({ baseStrength: effectiveBase(pair.base), interactions: pair.history, now: new Date(pair.at) });
      expect(pair.strength).toBeCloseTo(expected, 12);
    }
  });
});
