import { gql } from 'graphql-request';
import { TestApp, startTestApp } from '../support/app';
import { importNetwork400 } from '../support/network400';

/**
 * `hcps` reads a page's institutions and areas in its own statement when they are selected
 * (through fragments too), and links carry the other HCP: the answers must be exactly those of
 * the per-relation loaders (`hcp(id)` resolves the same fields without either shortcut).
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await importNetwork400(t.db);
}, 120000);
afterAll(() => t.stop());

const FIELDS = 'id institution { id name type city country } therapeuticAreas { id name }';

interface Hcp {
  id: string;
  institution: unknown;
  therapeuticAreas: unknown[];
  links?: { hcp: Record<string, unknown> }[];
}

/** Each HCP through `hcp(id:)`, a few aliases per request (within the alias and token caps). */
async function oneByOne(ids: string[], fields = FIELDS): Promise<Hcp[]> {
  const answers: Hcp[] = [];
  for (let start = 0; start < ids.length; start += 10) {
    const batch = ids.slice(start, start + 10);
    const query = `{ ${batch.map((id, i) => `h${i}: hcp(id: "${id}") { ${fields} }`).join(' ')} }`;
    const data = await t.client().request<Record<string, Hcp>>(query);
    answers.push(...batch.map((_, i) => data[`h${i}`]));
  }
  return answers;
}

async function statementsFor(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  const before = t.db.statements;
  await t.client().request(query, variables);
  return t.db.statements - before;
}

describe('hcps page with institutions and areas', () => {
  it('answers as the loaders do, in one statement', async () => {
    const query = gql`{ hcps(first: 60) { edges { node { ${FIELDS} } } } }`;
    const page = await t.client().request<{ hcps: { edges: { node: Hcp }[] } }>(query);
    const nodes = page.hcps.edges.map((e) => e.node);
    expect(nodes).toHaveLength(60);
    expect(nodes.some((h) => h.therapeuticAreas.length > 1)).toBe(true);
    expect(nodes).toEqual(await oneByOne(nodes.map((h) => h.id)));
    expect(await statementsFor(query)).toBe(1);
  });

  it('sees the fields through named and inline fragments, with filters and search', async () => {
    const query = gql`
      query ($filter: HcpFilter) {
        hcps(first: 30, filter: $filter) {
          edges {
            node {
              ...Who
              ... on HCP {
                therapeuticAreas {
                  id
                  name
                }
              }
            }
          }
        }
      }
      fragment Who on HCP {
        id
        institution {
          id
          name
          type
          city
          country
        }
      }
    `;
    const [first] = (
      await t.client().request<{ hcps: { edges: { node: Hcp }[] } }>(gql`
        {
          hcps(first: 1) {
            edges {
              node {
                therapeuticAreas {
                  id
                }
              }
            }
          }
        }
      `)
    ).hcps.edges;
    for (const filter of [
      { therapeuticAreaId: first.node.therapeuticAreas[0] && (first.node.therapeuticAreas[0] as { id: string }).id },
      { search: 'a' },
    ]) {
      const page = await t.client().request<{ hcps: { edges: { node: Hcp }[] } }>(query, { filter });
      const nodes = page.hcps.edges.map((e) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes).toEqual(await oneByOne(nodes.map((h) => h.id)));
      expect(await statementsFor(query, { filter })).toBe(1);
    }
  });

  it('resolves linked HCPs from the links statement with every field', async () => {
    const hcpFields = 'id name firstName lastName specialty email preferredChannel';
    const query = gql`{ hcps(first: 20) { edges { node { id links { hcp { ${hcpFields} } } } } } }`;
    const page = await t.client().request<{ hcps: { edges: { node: Hcp }[] } }>(query);
    const linked = page.hcps.edges.flatMap((e) => e.node.links!.map((l) => l.hcp));
    expect(linked.length).toBeGreaterThan(20);
    const ids = [...new Set(linked.map((h) => h.id as string))];
    const direct = new Map((await oneByOne(ids, hcpFields)).map((h) => [h.id, h]));
    for (const hcp of linked) expect(hcp).toEqual(direct.get(hcp.id as string));
    // The page reads its links: no statement for the links nor for the linked HCPs.
    expect(await statementsFor(query)).toBe(1);
  });

  it('reads links with the page only for the default arguments, answering as the links loader does', async () => {
    const link = 'type weight direction hcp { id name }';
    const page = `totalCount edges { node { id links { ${link} } linksConnection(first: 2) { edges { node { ${link} } } } } }`;
    const query = gql`{ hcps(first: 25) { ${page} } }`;
    const answer = await t.client().request<{ hcps: { totalCount: number; edges: { node: Hcp }[] } }>(query);
    const nodes = answer.hcps.edges.map((e) => e.node);
    expect(answer.hcps.totalCount).toBe(400);
    expect(nodes.reduce((sum, h) => sum + h.links!.length, 0)).toBeGreaterThan(50);
    expect(nodes).toEqual(
      await oneByOne(
        nodes.map((h) => h.id),
        `id links { ${link} } linksConnection(first: 2) { edges { node { ${link} } } }`,
      ),
    );
    expect(await statementsFor(query)).toBe(1);
    // Other arguments are another request: the links loader answers them (one more statement).
    for (const args of ['(first: 3)', '(types: [COLLEAGUE, REFERRAL])']) {
      const other = gql`{ hcps(first: 25) { edges { node { id links${args} { ${link} } } } } }`;
      const nodesOf = (await t.client().request<{ hcps: { edges: { node: Hcp }[] } }>(other)).hcps.edges.map((e) => e.node);
      expect(nodesOf).toEqual(
        await oneByOne(
          nodesOf.map((h) => h.id),
          `id links${args} { ${link} }`,
        ),
      );
      expect(await statementsFor(other)).toBe(2);
    }
  });

  it('reads linked HCPs with their names only when nothing in the operation asks more of any HCP', async () => {
    const statements: string[] = [];
    const read = t.db.read.bind(t.db);
    const spy = jest.spyOn(t.db, 'read').mockImplementation((cypher, params) => {
      statements.push(cypher);
      return read(cypher, params);
    });
    // The page's statement converts its rows as they arrive (readEach).
    const readEach = t.db.readEach.bind(t.db);
    const eachSpy = jest.spyOn(t.db, 'readEach').mockImplementation((cypher, params, each) => {
      statements.push(cypher);
      return readEach(cypher, params, each);
    });
    try {
      const linkedOf = (answer: { hcps: { edges: { node: Hcp }[] } }) => answer.hcps.edges.flatMap((e) => e.node.links!.map((l) => l.hcp));
      const names = 'id name firstName lastName';
      const namesOnly = gql`{ hcps(first: 20) { edges { node { id links { type hcp { ${names} } } } } } }`;
      const answer = await t.client().request<{ hcps: { edges: { node: Hcp }[] } }>(namesOnly);
      expect(statements.at(-1)).not.toContain('o.email');
      const linked = linkedOf(answer);
      const direct = new Map((await oneByOne([...new Set(linked.map((h) => h.id as string))], names)).map((h) => [h.id, h]));
      for (const hcp of linked) expect(hcp).toEqual(direct.get(hcp.id as string));

      // The page primes the links loader, so a selection elsewhere reading more of the same linked
      // HCPs (another field, or a fragment deeper down) makes the page read every property.
      const pageHcp = answer.hcps.edges[0].node.id;
      const more = 'id specialty email preferredChannel';
      for (const query of [
        gql`{ hcps(first: 20) { edges { node { id links { hcp { ${names} } } } } } other: hcp(id: "${pageHcp}") { links { hcp { ${more} } } } }`,
        gql`{ hcps(first: 20) { edges { node { id links { hcp { id links { hcp { ...More } } } } } } } } fragment More on HCP { ${more} }`,
      ]) {
        statements.length = 0;
        const data = await t.client().request<{ other?: Hcp; hcps: { edges: { node: Hcp }[] } }>(query);
        expect(statements[0]).toContain('o.email');
        const seen = data.other
          ? data.other.links!.map((l) => l.hcp)
          : linkedOf(data).flatMap((h) => (h.links as unknown as { hcp: Record<string, unknown> }[]).map((l) => l.hcp));
        expect(seen.length).toBeGreaterThan(0);
        const full = new Map((await oneByOne([...new Set(seen.map((h) => h.id as string))], more)).map((h) => [h.id, h]));
        for (const hcp of seen) expect(hcp).toEqual(full.get(hcp.id as string));
      }
    } finally {
      spy.mockRestore();
      eachSpy.mockRestore();
    }
  });
});
