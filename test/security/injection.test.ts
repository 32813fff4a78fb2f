import { Neo4jError } from 'neo4j-driver';
import { TestApp, startTestApp } from '../support/app';

/**
 * User input never reaches Cypher except as parameters: injection strings in every argument kind
 * (ID, String, filter input, full-text search, cursor, mutation input) leave the data unchanged and
 * get a sensible answer or BAD_USER_INPUT / NOT_FOUND. And error responses never carry stack
 * traces, Cypher, driver codes or file paths.
 */
let t: TestApp;

const INJECTIONS = [
  "' OR 1=1 //",
  "x'}) MATCH (n) DETACH DELETE n //",
  'x"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n //',
  "hcp-i1' RETURN 1 UNION MATCH (n) RETURN n //",
  '$id',
  '\\u0027) DETACH DELETE n; //',
  'a AND b OR c* ~ "x" ^2 [a TO z] {a TO z} ( ) : \\ / - + ! &&',
  '*',
  '%00\u0000\u202e',
  'x'.repeat(200),
  'x'.repeat(5000), // over the search limit: BAD_USER_INPUT there
];

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

async function fingerprint(): Promise<string> {
  const [row] = await t.db.read<{ nodes: number; rels: number; props: string }>(
    `MATCH (n) WHERE NOT n:AuditEvent WITH count(n) AS nodes, collect(n.id + ':' + coalesce(n.firstName, n.name, '')) AS ids
     OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels, reduce(s = '', x IN ids | s + x + ',') AS props`,
  );
  return JSON.stringify(row);
}

beforeAll(async () => {
  t = await startTestApp();
  await t.db.write(`
    CREATE (ter:Territory {id: 'ter-i1', name: 'North'}) CREATE (ta:TherapeuticArea {id: 'ta-i1', name: 'Oncology'})
    CREATE (inst:Institution {id: 'inst-i1', name: 'General Hospital'})-[:IN_TERRITORY]->(ter)
    CREATE (h1:HCP {id: 'hcp-i1', firstName: 'Ada', lastName: 'Lovelace', specialty: 'Oncology'})-[:IN_TERRITORY]->(ter)
    CREATE (h2:HCP {id: 'hcp-i2', firstName: 'Bob', lastName: 'Builder', specialty: 'Cardiology'})-[:IN_TERRITORY]->(ter)
    CREATE (h1)-[:AFFILIATED_WITH]->(inst) CREATE (h1)-[:SPECIALIZES_IN]->(ta)
    CREATE (h1)-[:COLLEAGUE {weight: 0.5}]->(h2)
    CREATE (m:MSL {id: 'msl-i1', firstName: 'Max', lastName: 'Muster'})-[:KNOWS {strength: 0.5}]->(h1)
    CREATE (m)-[:COVERS]->(ter)`);
});
afterAll(() => t.stop());

const SAFE_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND']);

describe.each(INJECTIONS.map((s) => [s.length > 60 ? `${s.slice(0, 20)}... (${s.length} chars)` : s, s]))('injection %s', (_label, inj) => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['ID: hcp', 'query Q($v: ID!) { hcp(id: $v) { id } }', { v: inj }],
    ['ID: msl', 'query Q($v: ID!) { msl(id: $v) { id } }', { v: inj }],
    ['ID: introductionPaths', 'query Q($v: ID!) { introductionPaths(fromMslId: $v, toHcpId: "hcp-i1") { hops } }', { v: inj }],
    ['ID: networkReach', 'query Q($v: ID!) { networkReach(fromId: $v) { total } }', { v: inj }],
    ['ID: kolRanking filter', 'query Q($v: ID) { kolRanking(therapeuticAreaId: $v, territoryId: $v) { rank } }', { v: inj }],
    ['ID: coverageGaps', 'query Q($v: ID!) { coverageGaps(territoryId: $v) { influence } }', { v: inj }],
    [
      'filter input',
      'query Q($v: ID, $s: String) { hcps(filter: {territoryId: $v, therapeuticAreaId: $v, institutionId: $v, specialty: $s}) { totalCount } }',
      { v: inj, s: inj },
    ],
    ['full-text search', 'query Q($s: String) { hcps(filter: {search: $s}) { totalCount edges { node { id } } } }', { s: inj }],
    ['cursor', 'query Q($s: String) { hcps(after: $s) { totalCount } }', { s: inj }],
    ['String: auditEvents', 'query Q($s: String) { auditEvents(sub: $s, action: $s, after: null) { totalCount } }', { s: inj }],
  ];

  it.each(cases)('%s: data unchanged, a sensible answer or BAD_USER_INPUT/NOT_FOUND', async (_kind, query, variables) => {
    const before = await fingerprint();
    const body = await gql(query, variables);
    for (const error of body.errors ?? [])
      expect(SAFE_CODES.has(error.extensions.code) ? 'safe' : `${error.extensions.code}: ${error.message}`).toBe('safe');
    if (!body.errors) expect(body.data).toBeDefined();
    expect(await fingerprint()).toBe(before);
  });
});

describe('injection in mutation input', () => {
  it('is stored as the literal text it is, nothing else changes', async () => {
    const name = "Robert'); MATCH (n) DETACH DELETE n; //";
    const before = await t.db.read<{ n: number }>('MATCH (n:HCP) RETURN count(n) AS n');
    const body = await gql(
      'mutation M($f: String!) { createHcp(input: {id: "hcp-bobby", firstName: $f, lastName: "Tables"}) { id firstName } }',
      { f: name },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.createHcp).toEqual({ id: 'hcp-bobby', firstName: name });
    const after = await t.db.read<{ n: number }>('MATCH (n:HCP) RETURN count(n) AS n');
    expect(after[0].n).toBe(before[0].n + 1);
  });

  it('an injection string as an id is refused by validation, not executed', async () => {
    const body = await gql('mutation { createHcp(input: {id: "x\') DETACH DELETE n //", firstName: "A", lastName: "B"}) { id } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('error responses', () => {
  const LEAKS = /Neo4j|Neo\.|MATCH|RETURN|Cypher|\/work\/|\/src\/|node_modules|\.ts:\d|at .*\(|stack|bolt:/i;

  it('an unexpected (driver) error is a bare INTERNAL_SERVER_ERROR: no stack, Cypher, code or path', async () => {
    const db = t.app.services.db;
    const original = db.read.bind(db);
    const error = new Neo4jError(
      "Invalid input 'X': expected MATCH (h:HCP {id: $id}) RETURN h (line 1, column 1)\n    at /work/main/src/db/database.ts:88:17",
      'Neo.ClientError.Statement.SyntaxError',
      '42001',
      'error: syntax error or access rule violation - invalid syntax',
    );
    // Both ways a read reaches the driver (pages stream their rows through readEach).
    const originalEach = db.readEach.bind(db);
    db.read = db.readEach = async () => {
      throw error;
    };
    try {
      const res = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ hcps { totalCount } }' }),
      });
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['hcps'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(text).not.toMatch(LEAKS);
    } finally {
      db.read = original;
      db.readEach = originalEach;
    }
  });

  it('a plain JS error thrown deep inside is hidden the same way', async () => {
    const db = t.app.services.db;
    const original = db.read.bind(db);
    db.read = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id') at /work/main/src/graph/hcp/hcp.repository.ts:57:3");
    };
    try {
      const text = await (
        await fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ hcp(id: "hcp-i1") { id } }' }),
        })
      ).text();
      expect(JSON.parse(text).errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(text).not.toMatch(LEAKS);
    } finally {
      db.read = original;
    }
  });

  it('parse, validation and user errors carry no stack either', async () => {
    for (const query of ['{', '{ nope }', '{ hcps(first: -1) { totalCount } }', '{ hcp(id: "hcp-i1") { id } }']) {
      const text = await (
        await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
      ).text();
      expect(text).not.toMatch(/stacktrace|\/work\/|node_modules|\.ts:\d/);
    }
  });
});
