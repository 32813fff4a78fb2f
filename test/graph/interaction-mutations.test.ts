import { gql } from 'graphql-request';
import { TestApp, startTestApp } from '../support/app';
import { seedSmallGraph } from '../support/fixture';
import { failure, networkVersion, snapshot } from '../support/mutations';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedSmallGraph(t.db);
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
      insights {
        id
      }
    }
  }
`;
const CAPTURE = gql`
  mutation ($interactionId: ID!, $text: String!, $category: String!, $audience: Audience!, $therapeuticAreaId: ID, $id: ID) {
    captureInsight(
      interactionId: $interactionId
      text: $text
      category: $category
      audience: $audience
      therapeuticAreaId: $therapeuticAreaId
      id: $id
    ) {
      id
      text
      category
      audience
      createdAt
      therapeuticArea {
        id
      }
      interaction {
        id
      }
    }
  }
`;
const RELATIONSHIPS = gql`
  query ($id: ID!) {
    hcp(id: $id) {
      mslRelationships {
        strength
        baseStrength
        since
        lastContact
        msl {
          id
        }
      }
    }
  }
`;

async function rejects(query: string, variables: Record<string, unknown>, code: string, field?: string): Promise<void> {
  const before = await snapshot(t);
  const got = await failure(t.client().request(query, variables));
  expect(got).toEqual({ code, field });
  expect(await snapshot(t)).toBe(before);
}

const base = { mslId: 'msl-1', hcpId: 'hcp-1', date: '2025-04-02', channel: 'VIRTUAL', sentiment: 'NEUTRAL' };

describe('logInteraction', () => {
  it('creates the interaction and moves the relationship’s lastContact forward, never back', async () => {
    const version = await networkVersion(t);
    const data = await t
      .client()
      .request<{ logInteraction: unknown }>(LOG, { input: { ...base, id: 'int-new', topic: ' efficacy ', notes: 'asked for data' } });
    expect(data.logInteraction).toEqual({
      id: 'int-new',
      date: '2025-04-02',
      channel: 'VIRTUAL',
      topic: 'efficacy',
      sentiment: 'NEUTRAL',
      notes: 'asked for data',
      msl: { id: 'msl-1' },
      hcp: { id: 'hcp-1' },
      insights: [],
    });
    expect(await networkVersion(t)).toBe(version + 1);
    const after = await t.client().request<{ hcp: { mslRelationships: unknown[] } }>(RELATIONSHIPS, { id: 'hcp-1' });
    // strength itself is engagement's (recomputed from the pair's history when an interaction is logged)
    expect(after.hcp.mslRelationships).toEqual([
      { strength: expect.any(Number), baseStrength: 0.6, since: '2024-01-10', lastContact: '2025-04-02', msl: { id: 'msl-1' } },
    ]);

    await t.client().request(LOG, { input: { ...base, date: '2024-12-24' } });
    const older = await t.client().request<{ hcp: { mslRelationships: { lastContact: string }[] } }>(RELATIONSHIPS, { id: 'hcp-1' });
    expect(older.hcp.mslRelationships[0].lastContact).toBe('2025-04-02');

    const list = await t
      .client()
      .request<{ hcp: { interactions: { totalCount: number; edges: { node: { id: string; date: string } }[] } } }>(gql`
        {
          hcp(id: "hcp-1") {
            interactions {
              totalCount
              edges {
                node {
                  id
                  date
                }
              }
            }
          }
        }
      `);
    expect(list.hcp.interactions.totalCount).toBe(3);
    expect(list.hcp.interactions.edges.map((e) => e.node.date)).toEqual(['2025-04-02', '2025-03-01', '2024-12-24']);
    expect(list.hcp.interactions.edges[2].node.id).toMatch(/^int-[0-9a-f-]{36}$/);
  });

  it('creates a relationship (baseStrength 0.2, since = lastContact = the date) when the MSL did not know the HCP', async () => {
    const data = await t
      .client()
      .request<{ logInteraction: { id: string } }>(LOG, { input: { ...base, mslId: 'msl-2', hcpId: 'hcp-2', date: '2025-01-15' } });
    expect(data.logInteraction.id).toBeTruthy();
    const rel = await t.client().request<{ hcp: { mslRelationships: unknown[] } }>(RELATIONSHIPS, { id: 'hcp-2' });
    expect(rel.hcp.mslRelationships).toEqual([
      { strength: expect.any(Number), baseStrength: 0.2, since: '2025-01-15', lastContact: '2025-01-15', msl: { id: 'msl-2' } },
    ]);
    const { strength } = (rel.hcp.mslRelationships as { strength: number }[])[0];
    expect(strength).toBeGreaterThan(0);
    expect(strength).toBeLessThanOrEqual(1);
    await t.client().request(LOG, { input: { ...base, mslId: 'msl-2', hcpId: 'hcp-2', date: '2025-02-15' } });
    const [row] = await t.db.read<{ n: number; last: string }>(
      "MATCH (:MSL {id: 'msl-2'})-[k:KNOWS]->(:HCP {id: 'hcp-2'}) RETURN count(k) AS n, toString(max(k.lastContact)) AS last",
    );
    expect(row).toEqual({ n: 1, last: '2025-02-15' });
  });

  it('stores dates as Neo4j dates, as the import does', async () => {
    const [row] = await t.db.read<{ type: string }>("MATCH (i:Interaction {id: 'int-new'}) RETURN valueType(i.date) AS type");
    expect(row.type).toMatch(/^DATE/);
  });

  it('rejects bad input and unknown ids, writing nothing', async () => {
    await rejects(LOG, { input: { ...base, date: '2025-13-01' } }, 'BAD_USER_INPUT', 'date');
    await rejects(LOG, { input: { ...base, date: '01/02/2025' } }, 'BAD_USER_INPUT', 'date');
    await rejects(LOG, { input: { ...base, date: '2999-01-01' } }, 'BAD_USER_INPUT', 'date');
    await rejects(LOG, { input: { ...base, id: 'int-1' } }, 'BAD_USER_INPUT', 'id');
    await rejects(LOG, { input: { ...base, id: 'bad id' } }, 'BAD_USER_INPUT', 'id');
    await rejects(LOG, { input: { ...base, notes: 'x'.repeat(10001) } }, 'BAD_USER_INPUT', 'notes');
    await rejects(LOG, { input: { ...base, mslId: 'msl-nope' } }, 'NOT_FOUND', undefined);
    await rejects(LOG, { input: { ...base, hcpId: 'hcp-nope' } }, 'NOT_FOUND', undefined);
    for (const bad of [{ channel: 'PIGEON' }, { sentiment: 'ECSTATIC' }]) {
      const before = await snapshot(t);
      expect((await failure(t.client().request(LOG, { input: { ...base, ...bad } }))).code).toBe('BAD_USER_INPUT');
      expect(await snapshot(t)).toBe(before);
    }
  });
});

describe('logInteraction checked in its create statement', () => {
  const LOG_ID = gql`
    mutation ($input: LogInteractionInput!) {
      logInteraction(input: $input) {
        id
      }
    }
  `;
  const refusal = async (input: Record<string, unknown>) => {
    const before = await snapshot(t);
    const error = (await t
      .client()
      .request(LOG_ID, { input })
      .then(
        () => null,
        (e: { response: { errors: { message: string; extensions: Record<string, unknown> }[] } }) => e.response.errors[0],
      ))!;
    expect(await snapshot(t)).toBe(before);
    return { message: error.message, code: error.extensions.code, entity: error.extensions.entity, id: error.extensions.id };
  };

  it('answers NOT_FOUND for the first missing reference, MSL before HCP, writing nothing', async () => {
    expect(await refusal({ ...base, mslId: 'msl-nope', hcpId: 'hcp-nope' })).toEqual({
      message: 'MSL "msl-nope" not found',
      code: 'NOT_FOUND',
      entity: 'MSL',
      id: 'msl-nope',
    });
    expect(await refusal({ ...base, hcpId: 'hcp-nope' })).toEqual({
      message: 'HCP "hcp-nope" not found',
      code: 'NOT_FOUND',
      entity: 'HCP',
      id: 'hcp-nope',
    });
    // A taken id is answered before missing references, as when the checks ran on their own.
    expect((await refusal({ ...base, id: 'int-1', hcpId: 'hcp-nope' })).code).toBe('BAD_USER_INPUT');
  });

  it('costs two statements (checks with the create, then the records); a retry of a stored one, one (the checks return it) and writes nothing', async () => {
    const input = { ...base, id: 'int-two-statements', date: '2025-01-02' };
    let before = t.db.statements;
    await t.client().request(LOG_ID, { input });
    expect(t.db.statements - before).toBe(2);
    const stored = await snapshot(t);
    before = t.db.statements;
    expect(await t.client().request(LOG_ID, { input })).toEqual({ logInteraction: { id: 'int-two-statements' } });
    expect(t.db.statements - before).toBe(1);
    expect(await snapshot(t)).toBe(stored);
  });
});

describe('captureInsight', () => {
  it('captures an insight from an interaction, in an area, listed on the interaction', async () => {
    const data = await t.client().request<{ captureInsight: { createdAt: string } }>(CAPTURE, {
      id: 'ins-new',
      interactionId: 'int-1',
      text: ' Wants real-world data ',
      category: 'evidence gap',
      audience: 'R_AND_D',
      therapeuticAreaId: 'ta-onc',
    });
    expect(data.captureInsight).toEqual({
      id: 'ins-new',
      text: 'Wants real-world data',
      category: 'evidence gap',
      audience: 'R_AND_D',
      createdAt: expect.any(String),
      therapeuticArea: { id: 'ta-onc' },
      interaction: { id: 'int-1' },
    });
    expect(Math.abs(Date.parse(data.captureInsight.createdAt) - Date.now())).toBeLessThan(60000);
    const list = await t.client().request<{ interaction: { insights: { id: string; therapeuticArea: { id: string } | null }[] } }>(gql`
      {
        interaction(id: "int-1") {
          insights {
            id
            therapeuticArea {
              id
            }
          }
        }
      }
    `);
    expect(list.interaction.insights).toEqual([
      { id: 'ins-1', therapeuticArea: null },
      { id: 'ins-new', therapeuticArea: { id: 'ta-onc' } },
    ]);

    const generated = await t.client().request<{ captureInsight: { id: string; therapeuticArea: null } }>(CAPTURE, {
      interactionId: 'int-1',
      text: 'More',
      category: 'misc',
      audience: 'MARKETING',
    });
    expect(generated.captureInsight.id).toMatch(/^ins-[0-9a-f-]{36}$/);
    expect(generated.captureInsight.therapeuticArea).toBeNull();
  });

  it('rejects bad input and unknown ids, writing nothing', async () => {
    const ok = { interactionId: 'int-1', text: 'Insight', category: 'misc', audience: 'REGULATORY' };
    await rejects(CAPTURE, { ...ok, text: '  ' }, 'BAD_USER_INPUT', 'text');
    await rejects(CAPTURE, { ...ok, category: '' }, 'BAD_USER_INPUT', 'category');
    await rejects(CAPTURE, { ...ok, id: 'ins-1' }, 'BAD_USER_INPUT', 'id');
    await rejects(CAPTURE, { ...ok, interactionId: 'int-nope' }, 'NOT_FOUND', undefined);
    await rejects(CAPTURE, { ...ok, therapeuticAreaId: 'ta-nope' }, 'NOT_FOUND', undefined);
    const before = await snapshot(t);
    expect((await failure(t.client().request(CAPTURE, { ...ok, audience: 'EVERYONE' }))).code).toBe('BAD_USER_INPUT');
    expect(await snapshot(t)).toBe(before);
  });
});
