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

const LINK = gql`
  mutation ($sourceId: ID!, $targetId: ID!, $type: LinkType!, $weight: Float!) {
    linkHcps(sourceId: $sourceId, targetId: $targetId, type: $type, weight: $weight) {
      type
      weight
      direction
      hcp {
        id
      }
    }
  }
`;
const UNLINK = gql`
  mutation ($sourceId: ID!, $targetId: ID!, $type: LinkType) {
    unlinkHcps(sourceId: $sourceId, targetId: $targetId, type: $type)
  }
`;
const SET_REL = gql`
  mutation ($mslId: ID!, $hcpId: ID!, $strength: Float!, $since: String) {
    setMslRelationship(mslId: $mslId, hcpId: $hcpId, strength: $strength, since: $since) {
      strength
      baseStrength
      since
      lastContact
      msl {
        id
      }
      hcp {
        id
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

/** The stored links between two HCPs as "source>target:TYPE:weight". */
async function stored(a: string, b: string): Promise<string[]> {
  const rows = await t.db.read<{ link: string }>(
    `MATCH (x:HCP)-[l]->(y:HCP) WHERE {x: x.id, y: y.id} IN [{x: $a, y: $b}, {x: $b, y: $a}]
     RETURN x.id + '>' + y.id + ':' + type(l) + ':' + toString(l.weight) AS link ORDER BY link`,
    { a, b },
  );
  return rows.map((row) => row.link);
}

describe('linkHcps', () => {
  it('stores a symmetric link once, in canonical direction, and updates its weight instead of duplicating', async () => {
    const version = await networkVersion(t);
    const data = await t
      .client()
      .request<{ linkHcps: unknown }>(LINK, { sourceId: 'hcp-4', targetId: 'hcp-3', type: 'COAUTHOR', weight: 0.4 });
    expect(data.linkHcps).toEqual({ type: 'COAUTHOR', weight: 0.4, direction: 'UNDIRECTED', hcp: { id: 'hcp-3' } });
    expect(await stored('hcp-3', 'hcp-4')).toEqual(['hcp-3>hcp-4:COAUTHOR:0.4']);
    expect(await networkVersion(t)).toBe(version + 1);

    await t.client().request(LINK, { sourceId: 'hcp-3', targetId: 'hcp-4', type: 'COAUTHOR', weight: 1 });
    expect(await stored('hcp-3', 'hcp-4')).toEqual(['hcp-3>hcp-4:COAUTHOR:1.0']);
    // the seed's COLLEAGUE link hcp-1 -> hcp-2, re-linked from the other side: updated, not duplicated
    await t.client().request(LINK, { sourceId: 'hcp-2', targetId: 'hcp-1', type: 'COLLEAGUE', weight: 0.9 });
    expect(await stored('hcp-1', 'hcp-2')).toEqual(['hcp-1>hcp-2:COLLEAGUE:0.9']);
  });

  it("answers with the target HCP, read in the link's own statement, whichever end the link is stored from", async () => {
    const LINK_WITH_NAME = gql`
      mutation ($sourceId: ID!, $targetId: ID!) {
        linkHcps(sourceId: $sourceId, targetId: $targetId, type: MENTOR, weight: 0.5) {
          hcp {
            id
            name
          }
        }
      }
    `;
    const names = await t.client().request<{ a: { name: string }; b: { name: string } }>(gql`
      {
        a: hcp(id: "hcp-2") {
          name
        }
        b: hcp(id: "hcp-4") {
          name
        }
      }
    `);
    for (const [sourceId, targetId, name] of [
      ['hcp-2', 'hcp-4', names.b.name],
      ['hcp-4', 'hcp-2', names.a.name],
    ]) {
      const data = await t.client().request<{ linkHcps: unknown }>(LINK_WITH_NAME, { sourceId, targetId });
      expect(data.linkHcps).toEqual({ hcp: { id: targetId, name } });
    }
  });

  it('stores a REFERRAL from source to target, seen OUTGOING and INCOMING from the two ends', async () => {
    const data = await t
      .client()
      .request<{ linkHcps: unknown }>(LINK, { sourceId: 'hcp-4', targetId: 'hcp-1', type: 'REFERRAL', weight: 0.3 });
    expect(data.linkHcps).toEqual({ type: 'REFERRAL', weight: 0.3, direction: 'OUTGOING', hcp: { id: 'hcp-1' } });
    expect(await stored('hcp-1', 'hcp-4')).toEqual(['hcp-4>hcp-1:REFERRAL:0.3']);
    const both = await t.client().request<{ a: { links: unknown[] }; b: { links: unknown[] } }>(gql`
      {
        a: hcp(id: "hcp-4") {
          links(types: [REFERRAL]) {
            direction
            hcp {
              id
            }
          }
        }
        b: hcp(id: "hcp-1") {
          links(types: [REFERRAL]) {
            direction
            hcp {
              id
            }
          }
        }
      }
    `);
    expect(both.a.links).toEqual([{ direction: 'OUTGOING', hcp: { id: 'hcp-1' } }]);
    expect(both.b.links).toEqual([{ direction: 'INCOMING', hcp: { id: 'hcp-4' } }]);
    // the opposite referral is another link
    await t.client().request(LINK, { sourceId: 'hcp-1', targetId: 'hcp-4', type: 'REFERRAL', weight: 0.2 });
    expect(await stored('hcp-1', 'hcp-4')).toEqual(['hcp-1>hcp-4:REFERRAL:0.2', 'hcp-4>hcp-1:REFERRAL:0.3']);
  });

  it('rejects bad weights, self-links, bad types and unknown HCPs, writing nothing', async () => {
    const ok = { sourceId: 'hcp-1', targetId: 'hcp-3', type: 'MENTOR', weight: 0.5 };
    await rejects(LINK, { ...ok, weight: 0 }, 'BAD_USER_INPUT', 'weight');
    await rejects(LINK, { ...ok, weight: -0.1 }, 'BAD_USER_INPUT', 'weight');
    await rejects(LINK, { ...ok, weight: 1.0001 }, 'BAD_USER_INPUT', 'weight');
    await rejects(LINK, { ...ok, targetId: 'hcp-1' }, 'BAD_USER_INPUT', 'targetId');
    await rejects(LINK, { ...ok, sourceId: '' }, 'BAD_USER_INPUT', 'sourceId');
    await rejects(LINK, { ...ok, targetId: 'hcp-nope' }, 'NOT_FOUND', undefined);
    await rejects(LINK, { ...ok, sourceId: 'msl-1' }, 'NOT_FOUND', undefined);
    const before = await snapshot(t);
    expect((await failure(t.client().request(LINK, { ...ok, type: 'FRIEND' }))).code).toBe('BAD_USER_INPUT');
    expect(await snapshot(t)).toBe(before);
  });
});

describe('unlinkHcps', () => {
  it('removes the link of a type, or every link of the pair, and says how many', async () => {
    await t.client().request(LINK, { sourceId: 'hcp-2', targetId: 'hcp-3', type: 'MENTOR', weight: 0.5 });
    await t.client().request(LINK, { sourceId: 'hcp-2', targetId: 'hcp-3', type: 'COLLEAGUE', weight: 0.5 });
    await t.client().request(LINK, { sourceId: 'hcp-3', targetId: 'hcp-2', type: 'REFERRAL', weight: 0.5 });
    const version = await networkVersion(t);
    expect(await t.client().request(UNLINK, { sourceId: 'hcp-3', targetId: 'hcp-2', type: 'MENTOR' })).toEqual({ unlinkHcps: 1 });
    expect(await networkVersion(t)).toBe(version + 1);
    // a REFERRAL is removed only in the direction asked
    expect(await t.client().request(UNLINK, { sourceId: 'hcp-2', targetId: 'hcp-3', type: 'REFERRAL' })).toEqual({ unlinkHcps: 0 });
    expect(await stored('hcp-2', 'hcp-3')).toEqual(['hcp-2>hcp-3:COLLEAGUE:0.5', 'hcp-3>hcp-2:REFERRAL:0.5']);
    expect(await t.client().request(UNLINK, { sourceId: 'hcp-2', targetId: 'hcp-3' })).toEqual({ unlinkHcps: 2 });
    expect(await stored('hcp-2', 'hcp-3')).toEqual([]);
    expect(await t.client().request(UNLINK, { sourceId: 'hcp-2', targetId: 'hcp-3' })).toEqual({ unlinkHcps: 0 });
  });

  it('rejects unknown HCPs and self-pairs', async () => {
    await rejects(UNLINK, { sourceId: 'hcp-1', targetId: 'hcp-nope' }, 'NOT_FOUND', undefined);
    await rejects(UNLINK, { sourceId: 'hcp-1', targetId: 'hcp-1' }, 'BAD_USER_INPUT', 'targetId');
  });
});

describe('setMslRelationship', () => {
  it('creates a relationship (since defaults to today) and updates one (strength and baseStrength)', async () => {
    const version = await networkVersion(t);
    const created = await t
      .client()
      .request<{ setMslRelationship: { since: string } }>(SET_REL, { mslId: 'msl-2', hcpId: 'hcp-3', strength: 0.45 });
    const today = new Date().toISOString().slice(0, 10);
    expect(created.setMslRelationship).toEqual({
      strength: 0.45,
      baseStrength: 0.45,
      since: expect.any(String),
      lastContact: null,
      msl: { id: 'msl-2' },
      hcp: { id: 'hcp-3' },
    });
    expect(Math.abs(Date.parse(created.setMslRelationship.since) - Date.parse(today))).toBeLessThanOrEqual(24 * 3600 * 1000);
    expect(await networkVersion(t)).toBe(version + 1);

    const updated = await t
      .client()
      .request<{ setMslRelationship: unknown }>(SET_REL, { mslId: 'msl-1', hcpId: 'hcp-1', strength: 0.8, since: '2023-05-01' });
    expect(updated.setMslRelationship).toEqual({
      strength: 0.8,
      baseStrength: 0.8,
      since: '2023-05-01',
      lastContact: '2025-03-01',
      msl: { id: 'msl-1' },
      hcp: { id: 'hcp-1' },
    });
    const kept = await t
      .client()
      .request<{ setMslRelationship: { since: string } }>(SET_REL, { mslId: 'msl-1', hcpId: 'hcp-1', strength: 0.7 });
    expect(kept.setMslRelationship.since).toBe('2023-05-01');
    const [row] = await t.db.read<{ n: number }>("MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'hcp-1'}) RETURN count(k) AS n");
    expect(row.n).toBe(1);
  });

  it('takes lastContact of a new relationship from the pair’s logged interactions', async () => {
    await t.db.write(`MATCH (m:MSL {id: 'msl-2'}), (h:HCP {id: 'hcp-4'})
      CREATE (m)-[:LOGGED]->(:Interaction {id: 'int-pre', date: date('2024-06-01'), channel: 'PHONE', sentiment: 'NEUTRAL'})-[:WITH]->(h)`);
    const data = await t.client().request<{ setMslRelationship: { lastContact: string } }>(SET_REL, {
      mslId: 'msl-2',
      hcpId: 'hcp-4',
      strength: 0.3,
      since: '2024-01-01',
    });
    expect(data.setMslRelationship.lastContact).toBe('2024-06-01');
  });

  it('rejects bad strengths and dates and unknown ids, writing nothing', async () => {
    const ok = { mslId: 'msl-1', hcpId: 'hcp-2', strength: 0.5, since: '2024-01-01' };
    await rejects(SET_REL, { ...ok, strength: 0 }, 'BAD_USER_INPUT', 'strength');
    await rejects(SET_REL, { ...ok, strength: 2 }, 'BAD_USER_INPUT', 'strength');
    await rejects(SET_REL, { ...ok, since: '2024-02-30' }, 'BAD_USER_INPUT', 'since');
    await rejects(SET_REL, { ...ok, since: 'yesterday' }, 'BAD_USER_INPUT', 'since');
    await rejects(SET_REL, { ...ok, since: '2024-1-5' }, 'BAD_USER_INPUT', 'since');
    await rejects(SET_REL, { ...ok, since: '2999-01-01' }, 'BAD_USER_INPUT', 'since');
    await rejects(SET_REL, { ...ok, mslId: 'msl-nope' }, 'NOT_FOUND', undefined);
    await rejects(SET_REL, { ...ok, hcpId: 'hcp-nope' }, 'NOT_FOUND', undefined);
    await rejects(SET_REL, { ...ok, mslId: 'hcp-1' }, 'NOT_FOUND', undefined);
  });
});
