import fs from 'node:fs';
import path from 'node:path';
import { gql } from 'graphql-request';
import { importFolder } from '../../src/import/importer';
import { signToken } from '../../src/http/auth';
import { TestApp, errorCode, startTestApp } from '../support/app';
import { NETWORK_400 } from '../support/fixtures';
import { PlanningExpected, expectSamePath } from '../support/planning-expected';

/**
 * bestIntroducers, keyPersonRisk, handoverPlan and territoryCoverage through GraphQL on the real
 * database, against answers computed independently with networkx (scripts/oracle/recompute.py).
 */
const FIXTURE = NETWORK_400;
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as PlanningExpected;
const SECRET = 'planning-test-secret-0123456789abcdef';

interface GqlPath {
  nodes: { id: string }[];
  hops: number;
  cost: number;
  strength: number;
}
const PATH = 'nodes { id } hops cost strength';
const plain = (p: GqlPath) => ({ ...p, nodes: p.nodes.map((n) => n.id) });

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
  await importFolder(t.db, FIXTURE);
});
afterAll(() => t.stop());

const admin = signToken(SECRET, { sub: 'admin', roles: ['ADMIN'] });
const planner = signToken(SECRET, { sub: 'pat', roles: ['PLANNER'] });
const analyst = signToken(SECRET, { sub: 'ana', roles: ['ANALYST'] });
// msl-000 covers ter-ne; msl-001 covers ter-se.
const mslNe = signToken(SECRET, { sub: 'ines', roles: ['MSL'], mslId: 'msl-000' });

describe('against networkx on network-400', () => {
  it.each(expected.bestIntroducers.map((q) => [`${q.toHcpId} ${q.territoryId ?? ''} maxHops ${q.maxHops} first ${q.first}`, q] as const))(
    'bestIntroducers %s',
    async (_, q) => {
      const data = await t
        .client(planner)
        .request<{ bestIntroducers: { msl: { id: string }; path: GqlPath }[] }>(
          gql`query ($to: ID!, $t: ID, $maxHops: Int, $first: Int) { bestIntroducers(toHcpId: $to, territoryId: $t, maxHops: $maxHops, first: $first) { msl { id } path { ${PATH} } } }`,
          { to: q.toHcpId, t: q.territoryId, maxHops: q.maxHops, first: q.first },
        );
      const got = data.bestIntroducers;
      expect(got.length).toBe(q.introducers.length);
      got.forEach((introducer, i) => {
        const want = q.introducers[i];
        // Where two MSLs' best costs are within 1e-9, either order is right.
        const nearTie = [i - 1, i + 1].some((j) => q.introducers[j] && Math.abs(q.introducers[j].path.cost - want.path.cost) < 1e-9);
        if (nearTie) return expect(Math.abs(introducer.path.cost - want.path.cost)).toBeLessThan(1e-9);
        expect(introducer.msl.id).toBe(want.mslId);
        expectSamePath(plain(introducer.path), want.path);
      });
    },
  );

  it('bestIntroducers defaults to maxHops 4 and first 5', async () => {
    const q = expected.bestIntroducers.find(
      (c) => c.maxHops === 4 && c.first === 5 && c.territoryId === null && c.introducers.length === 5,
    );
    if (!q) throw new Error('the fixture has a default case');
    const data = await t.client(planner).request<{ bestIntroducers: { msl: { id: string } }[] }>(
      gql`
        query ($to: ID!) {
          bestIntroducers(toHcpId: $to) {
            msl {
              id
            }
          }
        }
      `,
      { to: q.toHcpId },
    );
    expect(data.bestIntroducers.map((i) => i.msl.id)).toEqual(q.introducers.map((i) => i.mslId));
  });

  it.each(expected.keyPersonRisk.map((q) => [`${q.territoryId ?? 'all'} first ${q.first}`, q] as const))(
    'keyPersonRisk %s',
    async (_, q) => {
      const data = await t
        .client(analyst)
        .request<{ keyPersonRisk: { hcp: { id: string }; msl: { id: string }; strength: number; influence: number }[] }>(
          gql`
            query ($t: ID, $first: Int) {
              keyPersonRisk(territoryId: $t, first: $first) {
                hcp {
                  id
                }
                msl {
                  id
                }
                strength
                influence
              }
            }
          `,
          { t: q.territoryId, first: q.first },
        );
      expect(data.keyPersonRisk.map((r) => [r.hcp.id, r.msl.id, r.strength])).toEqual(q.risks.map((r) => [r.hcpId, r.mslId, r.strength]));
      data.keyPersonRisk.forEach((r, i) => expect(Math.abs(r.influence - q.risks[i].influence)).toBeLessThanOrEqual(1e-6));
    },
  );

  it('keyPersonRisk defaults to 20 over every territory', async () => {
    const data = await t.client(planner).request<{ keyPersonRisk: { hcp: { id: string } }[] }>(gql`
      {
        keyPersonRisk {
          hcp {
            id
          }
        }
      }
    `);
    const q = expected.keyPersonRisk.find((c) => c.territoryId === null && c.first === 20);
    expect(data.keyPersonRisk.map((r) => r.hcp.id)).toEqual(q?.risks.map((r) => r.hcpId));
  });

  it.each(expected.handoverPlan.map((q) => [`${q.mslId} within ${q.maxHops}`, q] as const))('handoverPlan %s', async (_, q) => {
    const data = await t.client(admin).request<{
      handoverPlan: { hcp: { id: string }; successor: { id: string } | null; existingStrength: number | null; path: GqlPath | null }[];
    }>(gql`query ($m: ID!, $maxHops: Int) { handoverPlan(mslId: $m, maxHops: $maxHops) { hcp { id } successor { id } existingStrength path { ${PATH} } } }`, { m: q.mslId, maxHops: q.maxHops });
    expect(data.handoverPlan.map((r) => [r.hcp.id, r.successor?.id ?? null, r.existingStrength])).toEqual(
      q.plan.map((r) => [r.hcpId, r.successorId, r.existingStrength]),
    );
    data.handoverPlan.forEach((row, i) => {
      const want = q.plan[i].path;
      if (want === null) expect(row.path).toBeNull();
      else expectSamePath(plain(row.path as GqlPath), want);
    });
  });

  it.each(Object.entries(expected.territoryCoverage))('territoryCoverage %s', async (territoryId, want) => {
    const data = await t.client(planner).request<{ territoryCoverage: { hcps: number; covered: number; influenceShare: number } }>(
      gql`
        query ($t: ID!) {
          territoryCoverage(territoryId: $t) {
            hcps
            covered
            influenceShare
          }
        }
      `,
      { t: territoryId },
    );
    expect([data.territoryCoverage.hcps, data.territoryCoverage.covered]).toEqual([want.hcps, want.covered]);
    expect(Math.abs(data.territoryCoverage.influenceShare - want.influenceShare)).toBeLessThanOrEqual(1e-6);
  });
});

describe('bad arguments', () => {
  const ask = (query: string, vars: Record<string, unknown> = {}) => t.client(admin).request(query, vars);
  const field = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      const [first] = (error as { response: { errors: { extensions: { code: string; field?: string } }[] } }).response.errors;
      return `${first.extensions.code} ${first.extensions.field ?? ''}`.trim();
    }
    throw new Error('expected the request to fail');
  };

  it('answers maxHops outside 1..6 and first outside 1..MAX_PAGE_SIZE with BAD_USER_INPUT naming the argument', async () => {
    for (const maxHops of [0, 7, -1]) {
      expect(await field(ask(`{ bestIntroducers(toHcpId: "hcp-00018", maxHops: ${maxHops}) { msl { id } } }`))).toBe(
        'BAD_USER_INPUT maxHops',
      );
      expect(await field(ask(`{ handoverPlan(mslId: "msl-000", maxHops: ${maxHops}) { hcp { id } } }`))).toBe('BAD_USER_INPUT maxHops');
    }
    for (const first of [0, -3, 10001]) {
      expect(await field(ask(`{ bestIntroducers(toHcpId: "hcp-00018", first: ${first}) { msl { id } } }`))).toBe('BAD_USER_INPUT first');
      expect(await field(ask(`{ keyPersonRisk(first: ${first}) { hcp { id } } }`))).toBe('BAD_USER_INPUT first');
    }
  });

  it('answers unknown ids with NOT_FOUND', async () => {
    expect(await errorCode(ask('{ bestIntroducers(toHcpId: "hcp-nope") { msl { id } } }'))).toBe('NOT_FOUND');
    expect(await errorCode(ask('{ bestIntroducers(toHcpId: "hcp-00018", territoryId: "ter-nope") { msl { id } } }'))).toBe('NOT_FOUND');
    expect(await errorCode(ask('{ keyPersonRisk(territoryId: "ter-nope") { hcp { id } } }'))).toBe('NOT_FOUND');
    expect(await errorCode(ask('{ handoverPlan(mslId: "msl-nope") { hcp { id } } }'))).toBe('NOT_FOUND');
    expect(await errorCode(ask('{ territoryCoverage(territoryId: "ter-nope") { hcps } }'))).toBe('NOT_FOUND');
  });
});

describe('who reads what', () => {
  const ne = '"ter-ne"';
  it('lets PLANNER, ANALYST and ADMIN read every answer, and nobody without a token', async () => {
    for (const token of [admin, planner, analyst]) {
      await t
        .client(token)
        .request(
          `{ keyPersonRisk(first: 1) { hcp { id } } territoryCoverage(territoryId: "ter-se") { hcps } handoverPlan(mslId: "msl-001") { hcp { id } } }`,
        );
    }
    expect(await errorCode(t.client().request('{ territoryCoverage(territoryId: "ter-se") { hcps } }'))).toBe('UNAUTHENTICATED');
  });

  it('lets an MSL read what concerns its own territory, FORBIDDEN otherwise', async () => {
    const as = (query: string) => t.client(mslNe).request(query);
    await as(
      `{ keyPersonRisk(territoryId: ${ne}) { hcp { id } } territoryCoverage(territoryId: ${ne}) { hcps } handoverPlan(mslId: "msl-000") { hcp { id } } }`,
    );
    // hcp-00218 is in ter-ne.
    await as(`{ bestIntroducers(toHcpId: "hcp-00218", territoryId: ${ne}) { msl { id } } }`);
    await as('{ bestIntroducers(toHcpId: "hcp-00218") { msl { id } } }');
    expect(await errorCode(as('{ keyPersonRisk { hcp { id } } }'))).toBe('FORBIDDEN');
    expect(await errorCode(as('{ keyPersonRisk(territoryId: "ter-se") { hcp { id } } }'))).toBe('FORBIDDEN');
    expect(await errorCode(as('{ territoryCoverage(territoryId: "ter-se") { hcps } }'))).toBe('FORBIDDEN');
    expect(await errorCode(as('{ handoverPlan(mslId: "msl-001") { hcp { id } } }'))).toBe('FORBIDDEN');
    // hcp-00215 is in ter-se.
    expect(await errorCode(as('{ bestIntroducers(toHcpId: "hcp-00215") { msl { id } } }'))).toBe('FORBIDDEN');
    expect(await errorCode(as(`{ bestIntroducers(toHcpId: "hcp-00218", territoryId: "ter-se") { msl { id } } }`))).toBe('FORBIDDEN');
  });
});

describe('reflects committed writes', () => {
  it('sees a relationship set by Cypher at once', async () => {
    const before = await t
      .client(planner)
      .request<{ territoryCoverage: { covered: number } }>('{ territoryCoverage(territoryId: "ter-ne") { covered } }');
    const [{ id }] = await t.db.read<{ id: string }>(
      "MATCH (h:HCP)-[:IN_TERRITORY]->(:Territory {id: 'ter-ne'}) WHERE NOT (h)<-[:KNOWS]-(:MSL) RETURN h.id AS id ORDER BY id LIMIT 1",
    );
    await t.db.write("MATCH (m:MSL {id: 'msl-000'}), (h:HCP {id: $id}) CREATE (m)-[:KNOWS {strength: 0.5, baseStrength: 0.5}]->(h)", {
      id,
    });
    try {
      const after = await t
        .client(planner)
        .request<{ territoryCoverage: { covered: number }; keyPersonRisk: { hcp: { id: string } }[] }>(
          '{ territoryCoverage(territoryId: "ter-ne") { covered } keyPersonRisk(territoryId: "ter-ne", first: 1000) { hcp { id } } }',
        );
      expect(after.territoryCoverage.covered).toBe(before.territoryCoverage.covered + 1);
      expect(after.keyPersonRisk.map((r) => r.hcp.id)).toContain(id);
    } finally {
      await t.db.write("MATCH (:MSL {id: 'msl-000'})-[k:KNOWS]->(:HCP {id: $id}) DELETE k", { id });
    }
  });
});
