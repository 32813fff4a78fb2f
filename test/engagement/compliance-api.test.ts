import { gql } from 'graphql-request';
import { relationshipStrength } from '../../src/engagement/strength';
import { addDays, isoDate } from '../../src/engagement/dates';
import { TestApp, errorCode, startTestApp } from '../support/app';
import { startExclusiveTestApp } from './exclusive';

/**
 * Restricted words (admin-managed) and the hooks in logInteraction/captureInsight: REJECT mode
 * refuses naming field and word and writes nothing; FLAG mode accepts and flags. Logging an
 * interaction recomputes the pair's strength.
 */
let t: TestApp;
let flagging: TestApp;
const today = isoDate(new Date());

beforeAll(async () => {
  t = await startExclusiveTestApp();
  flagging = await startTestApp({ RESTRICTED_WORDS_MODE: 'FLAG' }, { reset: false });
  await t.db.write(
    `CREATE (:MSL {id: 'msl-1', firstName: 'Ines', lastName: 'Zimmer'})
     CREATE (:HCP {id: 'hcp-1', firstName: 'Vera', lastName: 'Rossi'}), (:HCP {id: 'hcp-2', firstName: 'Omar', lastName: 'Tanaka'})
     CREATE (:TherapeuticArea {id: 'ta-onc', name: 'Oncology'})`,
  );
  await t.db.write(
    `MATCH (m:MSL {id: 'msl-1'}), (h:HCP {id: 'hcp-1'})
     CREATE (m)-[:KNOWS {strength: 0.4, baseStrength: 0.4, since: date('2024-01-01')}]->(h)`,
  );
});
afterAll(async () => {
  await flagging.stop();
  await t.stop();
});

const ADD = gql`
  mutation ($word: String!) {
    addRestrictedWord(word: $word) {
      id
      word
    }
  }
`;
const REMOVE = gql`
  mutation ($word: String!) {
    removeRestrictedWord(word: $word)
  }
`;
const LIST = gql`
  {
    restrictedWords {
      id
      word
    }
  }
`;
const LOG = gql`
  mutation ($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      id
      flagged
      flaggedWords
    }
  }
`;
const CAPTURE = gql`
  mutation ($interactionId: ID!, $text: String!) {
    captureInsight(interactionId: $interactionId, text: $text, category: "unmet need", audience: R_AND_D, therapeuticAreaId: "ta-onc") {
      id
      flagged
      flaggedWords
    }
  }
`;

async function failure(promise: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return (error as { response: { errors: { message: string; extensions: Record<string, unknown> }[] } }).response.errors[0];
  }
  throw new Error('expected the request to fail');
}

describe('restricted words', () => {
  it('adds (normalized, idempotently), lists and removes words', async () => {
    const added = await t.client().request<{ addRestrictedWord: { id: string; word: string } }>(ADD, { word: '  Off-Label  ' });
    expect(added.addRestrictedWord.word).toBe('off-label');
    const again = await t.client().request<{ addRestrictedWord: { id: string } }>(ADD, { word: 'OFF-LABEL' });
    expect(again.addRestrictedWord.id).toBe(added.addRestrictedWord.id);
    await t.client().request(ADD, { word: 'cure' });
    await t.client().request(ADD, { word: 'guaranteed   results' });
    await t.client().request(ADD, { word: 'temporary' });
    const list = await t.client().request<{ restrictedWords: { word: string }[] }>(LIST);
    expect(list.restrictedWords.map((w) => w.word)).toEqual(['cure', 'guaranteed results', 'off-label', 'temporary']);
    expect(await t.client().request(REMOVE, { word: 'Temporary' })).toEqual({ removeRestrictedWord: true });
    expect(await t.client().request(REMOVE, { word: 'temporary' })).toEqual({ removeRestrictedWord: false });
    const [{ n }] = await t.db.read<{ n: number }>('MATCH (w:RestrictedWord) RETURN count(w) AS n');
    expect(n).toBe(3);
  });

  it('rejects an empty word', async () => {
    const error = await failure(t.client().request(ADD, { word: '  ' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'word' });
  });

  it('checks a text without writing', async () => {
    const data = await t.client().request<{ checkCompliance: unknown }>(gql`
      {
        checkCompliance(text: "Guaranteed results, a CURE; curable") {
          flagged
          flaggedWords
          mode
        }
      }
    `);
    expect(data.checkCompliance).toEqual({ flagged: true, flaggedWords: ['cure', 'guaranteed results'], mode: 'REJECT' });
  });
});

describe('logInteraction and captureInsight in mode REJECT', () => {
  it('refuses notes with a restricted word, naming field and word, and writes nothing', async () => {
    const input = {
      id: 'int-bad',
      mslId: 'msl-1',
      hcpId: 'hcp-1',
      date: today,
      channel: 'IN_PERSON',
      sentiment: 'POSITIVE',
      notes: 'Asked about OFF-LABEL dosing',
    };
    const error = await failure(t.client().request(LOG, { input }));
    expect(error.message).toBe('notes: contains the restricted word "off-label"');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'notes', word: 'off-label' });
    const [{ n, strength }] = await t.db.read<{ n: number; strength: number }>(
      "OPTIONAL MATCH (i:Interaction {id: 'int-bad'}) MATCH (:MSL)-[k:KNOWS]->(:HCP {id: 'hcp-1'}) RETURN count(i) AS n, k.strength AS strength",
    );
    expect(n).toBe(0);
    expect(strength).toBe(0.4);
  });

  it('accepts clean notes, unflagged, and recomputes the relationship strength', async () => {
    const input = {
      id: 'int-1',
      mslId: 'msl-1',
      hcpId: 'hcp-1',
      date: addDays(today, -30),
      channel: 'VIRTUAL',
      sentiment: 'POSITIVE',
      notes: 'Cured patients, procure data',
    };
    const data = await t.client().request<{ logInteraction: unknown }>(LOG, { input });
    expect(data.logInteraction).toEqual({ id: 'int-1', flagged: false, flaggedWords: [] });
    const expected = relationshipStrength({
      baseStrength: 0.4,
      interactions: [{ date: addDays(today, -30), channel: 'VIRTUAL', sentiment: 'POSITIVE' }],
      now: new Date(),
    });
    const rel = await t
      .client()
      .request<{ hcp: { mslRelationships: { strength: number; baseStrength: number; lastContact: string }[] } }>(gql`
        {
          hcp(id: "hcp-1") {
            mslRelationships {
              strength
              baseStrength
              lastContact
            }
          }
        }
      `);
    expect(rel.hcp.mslRelationships).toHaveLength(1);
    expect(rel.hcp.mslRelationships[0].strength).toBeCloseTo(expected, 12);
    expect(rel.hcp.mslRelationships[0]).toMatchObject({ baseStrength: 0.4, lastContact: addDays(today, -30) });
  });

  it('gives a new relationship its starting value, then the formula', async () => {
    const input = { id: 'int-2', mslId: 'msl-1', hcpId: 'hcp-2', date: today, channel: 'EMAIL', sentiment: 'NEUTRAL' };
    await t.client().request(LOG, { input });
    const [{ strength, base }] = await t.db.read<{ strength: number; base: number }>(
      "MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'hcp-2'}) RETURN k.strength AS strength, k.baseStrength AS base",
    );
    expect(strength).toBeCloseTo(
      relationshipStrength({
        baseStrength: base,
        interactions: [{ date: today, channel: 'EMAIL', sentiment: 'NEUTRAL' }],
        now: new Date(),
      }),
      12,
    );
    expect(strength).toBeGreaterThan(base);
  });

  it('refuses an insight whose text has a restricted word, naming field and word', async () => {
    const error = await failure(t.client().request(CAPTURE, { interactionId: 'int-1', text: 'They want guaranteed\nresults' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text', word: 'guaranteed results' });
    const [{ n }] = await t.db.read<{ n: number }>('MATCH (s:Insight) RETURN count(s) AS n');
    expect(n).toBe(0);
    const ok = await t
      .client()
      .request<{ captureInsight: { flagged: boolean } }>(CAPTURE, { interactionId: 'int-1', text: 'Needs real-world data' });
    expect(ok.captureInsight.flagged).toBe(false);
  });
});

describe('mode FLAG', () => {
  it('accepts notes and insight texts with restricted words and flags them', async () => {
    const input = {
      id: 'int-3',
      mslId: 'msl-1',
      hcpId: 'hcp-1',
      date: today,
      channel: 'PHONE',
      sentiment: 'NEUTRAL',
      notes: 'A cure? Off-label only.',
    };
    const logged = await flagging.client().request<{ logInteraction: unknown }>(LOG, { input });
    expect(logged.logInteraction).toEqual({ id: 'int-3', flagged: true, flaggedWords: ['cure', 'off-label'] });
    const captured = await flagging
      .client()
      .request<{ captureInsight: unknown }>(CAPTURE, { interactionId: 'int-3', text: 'Hopes for a cure' });
    expect(captured.captureInsight).toMatchObject({ flagged: true, flaggedWords: ['cure'] });
    const [row] = await t.db.read<{ flagged: boolean; words: string[] }>(
      "MATCH (i:Interaction {id: 'int-3'}) RETURN i.flagged AS flagged, i.flaggedWords AS words",
    );
    expect(row).toEqual({ flagged: true, words: ['cure', 'off-label'] });
  });

  it('reads the flags of many interactions in one statement', async () => {
    const query = gql`
      {
        hcp(id: "hcp-1") {
          interactions(first: 10) {
            edges {
              node {
                id
                flagged
                flaggedWords
              }
            }
          }
        }
      }
    `;
    await t.client().request(query);
    const before = t.db.statements;
    const data = await t.client().request<{ hcp: { interactions: { edges: { node: { id: string; flagged: boolean } }[] } } }>(query);
    expect(data.hcp.interactions.edges.map((e) => [e.node.id, e.node.flagged])).toEqual([
      ['int-3', true],
      ['int-1', false],
    ]);
    expect(t.db.statements - before).toBeLessThanOrEqual(3);
  });
});

it('unknown MSL on logInteraction is still NOT_FOUND (the hook runs after the domain checks)', async () => {
  const input = { mslId: 'msl-x', hcpId: 'hcp-1', date: today, channel: 'EMAIL', sentiment: 'NEUTRAL', notes: 'cure' };
  expect(await errorCode(t.client().request(LOG, { input }))).toBe('NOT_FOUND');
});
