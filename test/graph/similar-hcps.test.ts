import fs from 'node:fs';
import path from 'node:path';
import { gql } from 'graphql-request';
import { signToken } from '../../src/http/auth';
import { importFolder } from '../../src/import/importer';
import { TestApp, errorCode, startTestApp } from '../support/app';
import { KARATE, NETWORK_400 } from '../support/fixtures';

/**
 * similarHcps through the GraphQL API on the real database, against networkx
 * `jaccard_coefficient` answers stored by scripts/oracle/recompute.py (`similarHcps` of expected.json).
 */
const FOLDERS: Record<string, string> = { karate: KARATE, 'network-400': NETWORK_400 };
const SECRET = 'similar-test-secret-0123456789abcdef';

interface Row {
  id: string;
  score: number;
  shared: number;
}

const SIMILAR = gql`
  query ($hcpId: ID!, $first: Int, $mode: SimilarityMode) {
    similarHcps(hcpId: $hcpId, first: $first, mode: $mode) {
      score
      shared
      hcp {
        id
      }
    }
  }
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
});
afterAll(() => t.stop());

const admin = () => t.client(signToken(SECRET, { sub: 'admin', roles: ['ADMIN'] }));

async function similar(hcpId: string, first?: number, mode?: string, client = admin()): Promise<Row[]> {
  const data = await client.request<{ similarHcps: { score: number; shared: number; hcp: { id: string } }[] }>(SIMILAR, {
    hcpId,
    first,
    mode,
  });
  return data.similarHcps.map((row) => ({ id: row.hcp.id, score: row.score, shared: row.shared }));
}

function expectSame(actual: Row[], expected: Row[]) {
  expect(actual.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  actual.forEach((row, i) => {
    expect(Math.abs(row.score - expected[i].score)).toBeLessThanOrEqual(1e-9);
    expect(row.shared).toBe(expected[i].shared);
  });
}

for (const name of ['karate', 'network-400']) {
  describe(`networkx jaccard_coefficient on ${name}`, () => {
    const expected = (
      JSON.parse(fs.readFileSync(path.join(FOLDERS[name], 'expected.json'), 'utf8')) as { similarHcps: Record<string, Row[]> }
    ).similarHcps;

    beforeAll(async () => {
      await t.db.write('MATCH (n) DETACH DELETE n');
      await importFolder(t.db, FOLDERS[name]);
    });

    it(`every listed HCP (${Object.keys(expected).length}): same HCPs, same order, scores to 1e-9, shared counts`, async () => {
      // A few aliased fields per request (the cost model charges each search), `first` above the longest list.
      const ids = Object.keys(expected);
      const longest = Math.max(...Object.values(expected).map((rows) => rows.length));
      expect(longest).toBeLessThan(200);
      for (let start = 0; start < ids.length; start += 8) {
        const batch = ids.slice(start, start + 8);
        const fields = batch.map((id, i) => `s${i}: similarHcps(hcpId: ${JSON.stringify(id)}, first: 200) { score shared hcp { id } }`);
        const data = await admin().request<Record<string, { score: number; shared: number; hcp: { id: string } }[]>>(
          `{ ${fields.join('\n')} }`,
        );
        batch.forEach((id, i) =>
          expectSame(
            data[`s${i}`].map((row) => ({ id: row.hcp.id, score: row.score, shared: row.shared })),
            expected[id],
          ),
        );
      }
    });

    it('first defaults to 10 and cuts the same list', async () => {
      for (const [hcpId, rows] of Object.entries(expected).slice(0, 5)) {
        expectSame(await similar(hcpId), rows.slice(0, 10));
        expectSame(await similar(hcpId, 3), rows.slice(0, 3));
      }
    });
  });
}

describe('similarHcps on a hand-made network', () => {
  beforeAll(async () => {
    await t.db.write('MATCH (n) DETACH DELETE n');
    await t.db.write(`
      CREATE (onc:TherapeuticArea {id: 'ta-onc', name: 'Oncology'}), (card:TherapeuticArea {id: 'ta-card', name: 'Cardiology'})
      CREATE (i1:Institution {id: 'inst-1', name: 'One'}), (i2:Institution {id: 'inst-2', name: 'Two'})
      CREATE (a:HCP {id: 's-a', firstName: 'A', lastName: 'A'}), (b:HCP {id: 's-b', firstName: 'B', lastName: 'B'}),
             (c:HCP {id: 's-c', firstName: 'C', lastName: 'C'}), (d:HCP {id: 's-d', firstName: 'D', lastName: 'D'}),
             (e:HCP {id: 's-e', firstName: 'E', lastName: 'E'}), (f:HCP {id: 's-f', firstName: 'F', lastName: 'F'})
      CREATE (a)-[:COAUTHOR {weight: 1}]->(c), (d)-[:REFERRAL {weight: 0.5}]->(a), (b)-[:MENTOR {weight: 0.2}]->(c)
      CREATE (a)-[:SPECIALIZES_IN]->(onc), (b)-[:SPECIALIZES_IN]->(onc), (b)-[:SPECIALIZES_IN]->(card), (f)-[:SPECIALIZES_IN]->(onc)
      CREATE (a)-[:AFFILIATED_WITH]->(i1), (f)-[:AFFILIATED_WITH]->(i1), (b)-[:AFFILIATED_WITH]->(i2)`);
  });

  it('NETWORK: shared tied HCPs over the union, either direction, any type', async () => {
    // N(a) = {c, d}, N(b) = {c}: 1/2.
    expect(await similar('s-a')).toEqual([{ id: 's-b', score: 0.5, shared: 1 }]);
    expect(await similar('s-e')).toEqual([]);
  });

  it('PROFILE: 0.6 network + 0.25 areas + 0.15 institutions, candidates sharing any of them', async () => {
    const rows = await similar('s-a', 10, 'PROFILE');
    expect(rows.map((row) => row.id)).toEqual(['s-b', 's-f']);
    // b: ties 1/2, areas {onc} vs {onc, card} -> 1/2, institutions differ.
    expect(rows[0].score).toBeCloseTo(0.6 * 0.5 + 0.25 * 0.5, 12);
    expect(rows[0].shared).toBe(1);
    // f: areas {onc} = {onc} -> 1, institutions {inst-1} = {inst-1} -> 1, no shared tie.
    expect(rows[1].score).toBeCloseTo(0.25 + 0.15, 12);
    expect(rows[1].shared).toBe(0);
  });

  it('reflects a committed write at once', async () => {
    await t.db.write(`MATCH (e:HCP {id: 's-e'}), (d:HCP {id: 's-d'}) CREATE (e)-[:COLLEAGUE {weight: 0.4}]->(d)`);
    // N(e) = {d}, N(a) = {c, d}.
    expect(await similar('s-e')).toEqual([{ id: 's-a', score: 0.5, shared: 1 }]);
  });

  it('unknown HCP: NOT_FOUND', async () => {
    expect(await errorCode(similar('nobody'))).toBe('NOT_FOUND');
  });

  it.each([0, -1, 10001])('first = %d: BAD_USER_INPUT naming first', async (first) => {
    try {
      await similar('s-a', first);
      throw new Error('expected a failure');
    } catch (error) {
      const errors = (error as { response?: { errors?: { extensions?: { code?: string; field?: string } }[] } }).response?.errors;
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('every role reads it; no token is UNAUTHENTICATED', async () => {
    for (const roles of [['ANALYST'], ['PLANNER'], ['MSL']] as const) {
      const client = t.client(signToken(SECRET, { sub: 'x', roles: [...roles], mslId: roles[0] === 'MSL' ? 'msl-x' : undefined }));
      expect((await similar('s-a', 10, undefined, client)).map((row) => row.id)).toEqual(['s-b', 's-e']);
    }
    expect(await errorCode(similar('s-a', 10, undefined, t.client()))).toBe('UNAUTHENTICATED');
  });
});
