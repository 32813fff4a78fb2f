import { gql } from 'graphql-request';
import { signToken } from '../../src/http/auth';
import { TestApp, errorCode, startTestApp } from '../support/app';

/**
 * Relay Cursor Connections, every one the same way: forward and backward paging give the whole
 * list without gaps or repeats, PageInfo tells both ends, cursors are keys that survive rows
 * added and removed elsewhere, earlier offset cursors still work, bad paging arguments are
 * BAD_USER_INPUT. And global object identification: node / nodes.
 */
const SECRET = 'x-test-secret-0123456789abcdef-connections';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
  await t.db.write(`
    CREATE (ta:Territory {id: 'ter-a', name: 'Alpha', region: 'US'})
    CREATE (onc:TherapeuticArea {id: 'ta-onc', name: 'Oncology'})
    CREATE (m1:MSL {id: 'msl-1', firstName: 'Ines', lastName: 'Zimmer'})-[:COVERS]->(ta)
    CREATE (m2:MSL {id: 'msl-2', firstName: 'Maya', lastName: 'Eklund'})-[:COVERS]->(ta)
    CREATE (m3:MSL {id: 'msl-3', firstName: 'Otto', lastName: 'Berg'})-[:COVERS]->(ta)
    WITH ta, onc, m1
    UNWIND range(1, 7) AS n
    CREATE (i:Institution {id: 'inst-' + n, name: 'Institution ' + n, city: 'Boston'})-[:IN_TERRITORY]->(ta)
    CREATE (h:HCP {id: 'hcp-0' + n, firstName: 'First' + n, lastName: 'Last' + n, specialty: 'Oncology'})
    CREATE (h)-[:IN_TERRITORY]->(ta), (h)-[:SPECIALIZES_IN]->(onc)
    CREATE (m1)-[:KNOWS {strength: 0.1 * n, since: date('2024-01-01')}]->(h)
    CREATE (:Publication {id: 'pub-0' + n, title: 'Paper ' + n, year: 2015 + n % 3})
  `);
  await t.db.write(`
    MATCH (m1:MSL {id: 'msl-1'}), (h1:HCP {id: 'hcp-01'}), (inst1:Institution {id: 'inst-1'}), (p:Publication), (h:HCP {id: 'hcp-0' + right(p.id, 1)})
    WITH m1, h1, inst1, p, h, toInteger(right(p.id, 1)) AS n
    CREATE (h)-[:AUTHORED {position: 1}]->(p), (h1)-[:AUTHORED {position: 2}]->(p)
    WITH m1, h, inst1, n, CASE WHEN n % 2 = 1 THEN h1 ELSE h END AS with
    CREATE (m1)-[:LOGGED]->(:Interaction {id: 'int-0' + n, date: date('2025-01-01') + duration({days: n % 4}), channel: 'PHONE', sentiment: 'NEUTRAL'})-[:WITH]->(with)
    WITH h, inst1, n MATCH (own:Institution {id: 'inst-' + n})
    WITH h, CASE WHEN n <= 4 THEN inst1 ELSE own END AS affiliation
    CREATE (h)-[:AFFILIATED_WITH]->(affiliation)
  `);
  await t.db.write(`
    MATCH (a:HCP {id: 'hcp-01'}), (b:HCP) WHERE b.id > 'hcp-01'
    CREATE (a)-[:COLLEAGUE {weight: toFloat(right(b.id, 1)) / 10}]->(b)
    WITH a, b WHERE b.id IN ['hcp-02', 'hcp-03'] CREATE (b)-[:REFERRAL {weight: 0.3}]->(a)
  `);
  // two more communities
  await t.db.write(`
    CREATE (:HCP {id: 'hcp-p1', firstName: 'P', lastName: 'One'})-[:MENTOR {weight: 1.0}]->(:HCP {id: 'hcp-p2', firstName: 'P', lastName: 'Two'})
    CREATE (:HCP {id: 'hcp-q1', firstName: 'Q', lastName: 'One'})-[:MENTOR {weight: 1.0}]->(:HCP {id: 'hcp-q2', firstName: 'Q', lastName: 'Two'})
  `);
  // plans of msl-1 on three dates (ties broken by id), and restricted words
  await t.db.write(`
    MATCH (m1:MSL {id: 'msl-1'}), (h:HCP) WHERE h.id STARTS WITH 'hcp-0'
    CREATE (m1)-[:PLANNED]->(:PlannedInteraction {id: 'plan-' + right(h.id, 1), date: date('2030-01-01') + duration({days: toInteger(right(h.id, 1)) % 3}),
      channel: 'PHONE', createdAt: datetime('2026-01-01T00:00:00Z')})-[:WITH]->(h)
  `);
  await t.db.write(
    `UNWIND ['delta', 'alpha', 'off label', 'beta', 'gamma'] AS w CREATE (:RestrictedWord {id: 'rw-' + replace(w, ' ', '-'), word: w})`,
  );
  await t.db.write('MERGE (:GraphMeta {id: "network", version: 1})');
});
afterAll(() => t.stop());

const admin = () => t.client(signToken(SECRET, { sub: 'admin', roles: ['ADMIN'] }));
const analyst = () => t.client(signToken(SECRET, { sub: 'analyst', roles: ['ANALYST'] }));

const PAGE = 'totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const ARGS = 'first: $first, after: $after, last: $last, before: $before';
const VARS = '$first: Int, $after: String, $last: Int, $before: String';

interface Conn {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Each connection: the query (its result under `c`, possibly nested) and how to reach it. */
const CONNECTIONS: Record<string, string> = {
  hcps: `query (${VARS}) { c: hcps(${ARGS}) { ${PAGE} } }`,
  'hcps (search)': `query (${VARS}) { c: hcps(filter: {search: "oncology"}, ${ARGS}) { ${PAGE} } }`,
  'institution.hcps': `query (${VARS}) { x: institution(id: "inst-1") { c: hcps(${ARGS}) { ${PAGE} } } }`,
  'territory.hcps': `query (${VARS}) { x: territory(id: "ter-a") { c: hcps(${ARGS}) { ${PAGE} } } }`,
  'territory.institutionsConnection': `query (${VARS}) { x: territory(id: "ter-a") { c: institutionsConnection(${ARGS}) { ${PAGE} } } }`,
  'territory.mslsConnection': `query (${VARS}) { x: territory(id: "ter-a") { c: mslsConnection(${ARGS}) { ${PAGE} } } }`,
  mslsConnection: `query (${VARS}) { c: mslsConnection(${ARGS}) { ${PAGE} } }`,
  'msl.interactions': `query (${VARS}) { x: msl(id: "msl-1") { c: interactions(${ARGS}) { ${PAGE} } } }`,
  'hcp.interactions': `query (${VARS}) { x: hcp(id: "hcp-01") { c: interactions(${ARGS}) { ${PAGE} } } }`,
  'msl.relationshipsConnection': `query (${VARS}) { x: msl(id: "msl-1") { c: relationshipsConnection(${ARGS}) { ${PAGE} } } }`,
  'hcp.linksConnection': `query (${VARS}) { x: hcp(id: "hcp-01") { c: linksConnection(${ARGS}) { ${PAGE} } } }`,
  'hcp.publicationsConnection': `query (${VARS}) { x: hcp(id: "hcp-01") { c: publicationsConnection(${ARGS}) { ${PAGE} } } }`,
  'community.membersConnection': `query (${VARS}) { x: hcp(id: "hcp-01") { community { c: membersConnection(${ARGS}) { ${PAGE} } } } }`,
  'communities.communitiesConnection': `query (${VARS}) { x: communities { c: communitiesConnection(${ARGS}) { ${PAGE} } } }`,
  auditEvents: `query (${VARS}) { c: auditEvents(${ARGS}) { ${PAGE} } }`,
  plannedInteractionsConnection: `query (${VARS}) { c: plannedInteractionsConnection(mslId: "msl-1", ${ARGS}) { ${PAGE} } }`,
  'plannedInteractionsConnection (dates)': `query (${VARS}) { c: plannedInteractionsConnection(mslId: "msl-1", from: "2030-01-01", to: "2030-01-02", ${ARGS}) { ${PAGE} } }`,
  restrictedWordsConnection: `query (${VARS}) { c: restrictedWordsConnection(${ARGS}) { ${PAGE} } }`,
};

function pick(data: Record<string, unknown>): Conn {
  let value: unknown = data;
  while (value && typeof value === 'object' && !('totalCount' in value)) value = Object.values(value)[0];
  return value as Conn;
}

async function page(query: string, variables: Record<string, unknown>): Promise<Conn> {
  return pick(await admin().request<Record<string, unknown>>(query, variables));
}

describe.each(Object.entries(CONNECTIONS))('%s', (name, query) => {
  beforeAll(async () => {
    // audit events to page through: a few recorded writes
    if (name === 'auditEvents')
      for (const n of [1, 2, 3])
        await admin().request(
          gql`
            mutation ($id: ID!) {
              updateHcp(id: $id, input: { specialty: "Oncology" }) {
                id
              }
            }
          `,
          { id: `hcp-0${n}` },
        );
  });

  it('pages forward and backward through the same list, with both ends in PageInfo', async () => {
    const whole = await page(query, { first: 100 });
    const all = whole.edges.map((e) => e.node.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(whole.totalCount).toBe(all.length);
    expect(whole.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: whole.edges[0].cursor,
      endCursor: whole.edges[all.length - 1].cursor,
    });

    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const p: Conn = await page(query, { first: 2, after });
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      forward.push(...p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);

    const backward: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 50; i++) {
      const p: Conn = await page(query, { last: 2, before });
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      backward.unshift(...p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);

    // a window between two cursors, from either end
    const between = await page(query, { first: 100, after: whole.edges[0].cursor, before: whole.edges[all.length - 1].cursor });
    expect(between.edges.map((e) => e.node.id)).toEqual(all.slice(1, -1));
    expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const lastOfWindow = await page(query, { last: 1, after: whole.edges[0].cursor, before: whole.edges[all.length - 1].cursor });
    expect(lastOfWindow.edges.map((e) => e.node.id)).toEqual(all.slice(-2, -1));
  });

  it('rejects cursors it did not issue and asking for both ends', async () => {
    expect(await errorCode(admin().request(query, { first: 2, after: 'bm9wZQ' }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(admin().request(query, { last: 2, before: Buffer.from('["k",1,2,3,4,5]').toString('base64url') }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await errorCode(admin().request(query, { first: 2, last: 2 }))).toBe('BAD_USER_INPUT');
    expect(await errorCode(admin().request(query, { last: 0 }))).toBe('BAD_USER_INPUT');
  });
});

describe('twins of whole lists', () => {
  it('page the same rows in the same order as the list they twin', async () => {
    const data = await admin().request<{
      plannedInteractions: { id: string }[];
      plannedInteractionsConnection: { edges: { node: { id: string; date: string } }[] };
      restrictedWords: { id: string }[];
      restrictedWordsConnection: { edges: { node: { id: string } }[] };
    }>(gql`
      {
        plannedInteractions(mslId: "msl-1") {
          id
        }
        plannedInteractionsConnection(mslId: "msl-1", first: 100) {
          edges {
            node {
              id
              date
            }
          }
        }
        restrictedWords {
          id
        }
        restrictedWordsConnection(first: 100) {
          edges {
            node {
              id
            }
          }
        }
      }
    `);
    const plans = data.plannedInteractionsConnection.edges.map((e) => e.node);
    expect(plans.map((p) => p.id)).toEqual(data.plannedInteractions.map((p) => p.id));
    expect(plans.map((p) => `${p.date} ${p.id}`)).toEqual(plans.map((p) => `${p.date} ${p.id}`).sort());
    expect(plans).toHaveLength(7);
    expect(data.restrictedWordsConnection.edges.map((e) => e.node.id)).toEqual(data.restrictedWords.map((w) => w.id));
    expect(data.restrictedWords.map((w) => w.id)).toEqual(['rw-alpha', 'rw-beta', 'rw-delta', 'rw-gamma', 'rw-off-label']);
  });

  it('check the arguments plannedInteractions checks', async () => {
    const ask = (args: string) => admin().request(`{ plannedInteractionsConnection(${args}) { totalCount } }`);
    expect(await errorCode(ask('first: 5'))).toBe('BAD_USER_INPUT');
    expect(await errorCode(ask('mslId: "msl-1", from: "2030-13-01"'))).toBe('BAD_USER_INPUT');
    expect(await errorCode(ask('mslId: "msl-1", from: "2030-02-01", to: "2030-01-01"'))).toBe('BAD_USER_INPUT');
    expect(await errorCode(ask(`mslId: "msl-1", first: 100000`))).toBe('BAD_USER_INPUT');
  });
});

describe('keyset cursors', () => {
  const HCPS = `query (${VARS}) { hcps(${ARGS}) { ${PAGE} } }`;

  it('keep their place when rows are added and removed before them', async () => {
    const first = await page(HCPS, { first: 3 });
    expect(first.edges.map((e) => e.node.id)).toEqual(['hcp-01', 'hcp-02', 'hcp-03']);
    await t.db.write("CREATE (:HCP {id: 'hcp-00', firstName: 'New', lastName: 'Comer'})");
    await t.db.write("CREATE (:HCP {id: 'hcp-025', firstName: 'Mid', lastName: 'Dle'})");
    try {
      const next = await page(HCPS, { first: 2, after: first.pageInfo.endCursor });
      expect(next.edges.map((e) => e.node.id)).toEqual(['hcp-04', 'hcp-05']);
      const back = await page(HCPS, { last: 10, before: next.pageInfo.startCursor });
      expect(back.edges.map((e) => e.node.id)).toEqual(['hcp-00', 'hcp-01', 'hcp-02', 'hcp-025', 'hcp-03']);
      // the row a cursor points at may itself go: the page starts where it was
      const cursorOf03 = first.edges[2].cursor;
      await t.db.write("MATCH (h:HCP {id: 'hcp-03'}) SET h.id = 'hcp-03-gone'");
      const after03 = await page(HCPS, { first: 1, after: cursorOf03 });
      expect(after03.edges.map((e) => e.node.id)).toEqual(['hcp-03-gone']);
      await t.db.write("MATCH (h:HCP {id: 'hcp-03-gone'}) SET h.id = 'hcp-03'");
    } finally {
      await t.db.write("MATCH (h:HCP) WHERE h.id IN ['hcp-00', 'hcp-025'] DETACH DELETE h");
    }
  });

  it('still reads the offset cursors of earlier versions (o:N) when paging forward', async () => {
    const offsetOf = (n: number) => Buffer.from(`o:${n}`, 'utf8').toString('base64url');
    const next = await page(HCPS, { first: 2, after: offsetOf(1) });
    expect(next.edges.map((e) => e.node.id)).toEqual(['hcp-03', 'hcp-04']);
    expect(next.pageInfo.hasPreviousPage).toBe(true);
    const interactions = await page(`query (${VARS}) { msl(id: "msl-1") { interactions(${ARGS}) { ${PAGE} } } }`, {
      first: 2,
      after: offsetOf(0),
    });
    const all = await page(`query (${VARS}) { msl(id: "msl-1") { interactions(${ARGS}) { ${PAGE} } } }`, { first: 3 });
    expect(interactions.edges.map((e) => e.node.id)).toEqual(all.edges.slice(1, 3).map((e) => e.node.id));
    expect(await errorCode(admin().request(HCPS, { last: 2, before: offsetOf(3) }))).toBe('BAD_USER_INPUT');
  });

  it('names the argument at fault', async () => {
    try {
      await admin().request(HCPS, { first: 2, after: 'garbage' });
      throw new Error('expected an error');
    } catch (error) {
      const [first] = (error as { response: { errors: { extensions: { code: string; field: string } }[] } }).response.errors;
      expect(first.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });
});

describe('node and nodes', () => {
  const NODE = gql`
    query ($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on HCP {
          name
        }
        ... on MslRelationship {
          strength
          msl {
            id
          }
          hcp {
            id
          }
        }
        ... on HcpLink {
          type
          direction
          weight
          hcp {
            id
          }
        }
        ... on Influence {
          pagerank
        }
        ... on Community {
          size
        }
      }
    }
  `;
  const node = async (id: string, client = admin()) => (await client.request<{ node: Record<string, unknown> | null }>(NODE, { id })).node;

  it('finds every entity type by its domain id', async () => {
    const ids = {
      'hcp-01': 'HCP',
      'msl-1': 'MSL',
      'inst-1': 'Institution',
      'ter-a': 'Territory',
      'ta-onc': 'TherapeuticArea',
      'int-01': 'Interaction',
      'pub-01': 'Publication',
      'plan-1': 'PlannedInteraction',
      'rw-alpha': 'RestrictedWord',
    };
    const data = await admin().request<{ nodes: { __typename: string; id: string }[] }>(
      gql`
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            __typename
            id
          }
        }
      `,
      { ids: Object.keys(ids) },
    );
    expect(data.nodes).toEqual(Object.entries(ids).map(([id, type]) => ({ __typename: type, id })));
    expect(await node('hcp-01')).toEqual({ __typename: 'HCP', id: 'hcp-01', name: 'First1 Last1' });
  });

  it('finds derived objects by the ids they carry', async () => {
    const hcp = await admin().request<{
      hcp: {
        mslRelationships: { id: string }[];
        links: { id: string; type: string; direction: string; hcp: { id: string } }[];
        influence: { id: string };
        community: { id: string };
      };
    }>(gql`
      {
        hcp(id: "hcp-02") {
          mslRelationships {
            id
          }
          links {
            id
            type
            direction
            hcp {
              id
            }
          }
          influence {
            id
          }
          community {
            id
          }
        }
      }
    `);
    expect(hcp.hcp.mslRelationships[0].id).toBe('MslRelationship/msl-1/hcp-02');
    expect(await node('MslRelationship/msl-1/hcp-02')).toMatchObject({
      __typename: 'MslRelationship',
      strength: 0.2,
      msl: { id: 'msl-1' },
      hcp: { id: 'hcp-02' },
    });
    for (const link of hcp.hcp.links)
      expect(await node(link.id)).toMatchObject({
        __typename: 'HcpLink',
        id: link.id,
        type: link.type,
        direction: link.direction,
        hcp: link.hcp,
      });
    expect(new Set(hcp.hcp.links.map((l) => l.id)).size).toBe(hcp.hcp.links.length);
    expect(await node(hcp.hcp.influence.id)).toMatchObject({ __typename: 'Influence', id: 'Influence/hcp-02' });
    expect(await node(hcp.hcp.community.id)).toMatchObject({ __typename: 'Community', id: hcp.hcp.community.id });
  });

  it('answers null for ids of nothing, and for nodes keeps the order', async () => {
    for (const id of [
      'hcp-nope',
      'MslRelationship/msl-1/hcp-nope',
      'HcpLink/hcp-01/NOPE/UNDIRECTED/hcp-02',
      'Influence/hcp-nope',
      'community-9999',
      'Nope/x',
      '%%',
      '',
    ])
      expect(await node(id)).toBeNull();
    const data = await admin().request<{ nodes: ({ id: string } | null)[] }>(gql`
      {
        nodes(ids: ["hcp-02", "nope", "hcp-01"]) {
          id
        }
      }
    `);
    expect(data.nodes).toEqual([{ id: 'hcp-02' }, null, { id: 'hcp-01' }]);
  });

  it('keeps the field rules and roles: audit events only for ADMIN, email never for ANALYST', async () => {
    const [event] = (
      await admin().request<{ auditEvents: { edges: { node: { id: string } }[] } }>(gql`
        {
          auditEvents(first: 1) {
            edges {
              node {
                id
              }
            }
          }
        }
      `)
    ).auditEvents.edges;
    if (event) {
      expect(await node(event.node.id)).toMatchObject({ __typename: 'AuditEvent' });
      expect(await errorCode(analyst().request(NODE, { id: event.node.id }))).toBe('FORBIDDEN');
    }
    expect(
      await errorCode(
        analyst().request(gql`
          {
            node(id: "hcp-01") {
              ... on HCP {
                email
              }
            }
          }
        `),
      ),
    ).toBe('FORBIDDEN');
    expect(await node('hcp-01', analyst())).toMatchObject({ id: 'hcp-01' });
  });

  it('resolves an id two entity types share by its prefix, else says so', async () => {
    await t.db.write(
      "CREATE (:Institution {id: 'hcp-01', name: 'Confusing'}), (:Institution {id: 'shared-1', name: 'A'}), (:Territory {id: 'shared-1', name: 'B'})",
    );
    try {
      expect(await node('hcp-01')).toMatchObject({ __typename: 'HCP' });
      expect(await errorCode(admin().request(NODE, { id: 'shared-1' }))).toBe('BAD_USER_INPUT');
    } finally {
      await t.db.write(
        "MATCH (i:Institution) WHERE i.id IN ['hcp-01', 'shared-1'] DELETE i WITH 1 AS one MATCH (x:Territory {id: 'shared-1'}) DELETE x",
      );
    }
  });
});
