import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLClient, gql } from 'graphql-request';
import neo4j from 'neo4j-driver';
import { RunningApp, startApp } from '../../src/app';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/db/embedded';
import { importNetwork } from '../../src/import/importer';
import { emptyNetwork } from '../../src/import/records';
import { createLogger } from '../../src/logger';
import { applySchema } from '../../src/db/schema';
import { testConfig } from '../support/db';
import { freePort } from '../support/ports';
import { bareHcp } from '../support/fixture';

/**
 * The embedded server's commit counter (src/db/commit-counter.ts, launcher CommitCounter.java) on a
 * Neo4j of this file's own: the run's shared one takes other test files' commits, which move its
 * counter at any time. A sync that finds the counter where it was makes no statement; every writer's
 * commit moves it before it is acknowledged, so the next read sees the commit.
 */
jest.setTimeout(240000);

let port: number;
let dataDir: string;
let server: EmbeddedNeo4j;
let app: RunningApp;
let client: GraphQLClient;

const startServer = () => startEmbeddedNeo4j({ dataDir, boltPort: port, heap: '512m', pageCacheMb: 64, log: () => undefined });
const network = () => app.services.network;
const db = () => app.services.db;
const reach = async () =>
  (
    await client.request<{ networkReach: { total: number } }>(gql`
      {
        networkReach(fromId: "hcp-a", maxHops: 4) {
          total
        }
      }
    `)
  ).networkReach.total;
/** The interactions the network holds for HCP `id`. */
async function interactionsOf(id: string): Promise<number> {
  const { projection } = await network().snapshot();
  return projection.attributes.interactions[projection.net.hcpIndex.get(id)!];
}
/** The probes `work` made and the syncs it skipped. */
async function counted(work: () => Promise<unknown>): Promise<{ probes: number; skipped: number }> {
  const [probes, skipped] = [network().probes, network().skipped];
  await work();
  return { probes: network().probes - probes, skipped: network().skipped - skipped };
}

beforeAll(async () => {
  port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-counter-'));
  server = await startServer();
  app = await startApp(testConfig({ PORT: '0', NEO4J_URI: server.uri }), createLogger('silent'));
  await app.prepared;
  client = new GraphQLClient(app.url);
  await db().write(`
    UNWIND ['hcp-a', 'hcp-b', 'hcp-c', 'hcp-d', 'hcp-e'] AS id CREATE (:HCP {id: id, firstName: id, lastName: 'X'})
    WITH count(*) AS made
    MATCH (a:HCP {id: 'hcp-a'}), (b:HCP {id: 'hcp-b'})
    CREATE (a)-[:COAUTHOR {weight: 0.5}]->(b)
    CREATE (:MSL {id: 'msl-1', firstName: 'M', lastName: 'One'})-[:KNOWS {strength: 0.5, baseStrength: 0.5}]->(a)
  `);
});

afterAll(async () => {
  await app?.stop();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the commit counter of the embedded Neo4j', () => {
  it('answers reads with nothing committed in between without a statement', async () => {
    expect(db().commits).toBeDefined();
    expect(await reach()).toBe(1);
    expect(await counted(async () => [await reach(), await reach(), await reach(), await reach(), await reach()])).toEqual({
      probes: 0,
      skipped: 5,
    });
  });

  it('does not move for writes that leave the network as it is', async () => {
    await client.request(gql`
      mutation {
        logInteraction(input: { id: "int-1", mslId: "msl-1", hcpId: "hcp-b", date: "2025-01-03", channel: EMAIL, sentiment: NEUTRAL }) {
          id
        }
      }
    `);
    // A logged interaction is a network change (its pair's strength, its HCP's counts), whose states
    // its transaction kept (commit-log.ts): the next read applies them without a statement.
    const kept = network().keptSyncs;
    expect((await counted(reach)).probes).toBe(0);
    expect(network().keptSyncs).toBe(kept + 1);
    expect(await interactionsOf('hcp-b')).toBe(1);
    const before = db().commits!.read();
    await client.request(gql`
      mutation {
        updateHcp(id: "hcp-b", input: { email: "b@example.org" }) {
          id
        }
        captureInsight(interactionId: "int-1", audience: MEDICAL_AFFAIRS, category: "dosing", text: "Asks about dosing") {
          id
        }
      }
    `);
    await db().write("MATCH (h:HCP {id: 'hcp-c'}) SET h.notes = 'typed by hand'");
    expect(db().commits!.read()).toBe(before);
    expect(await counted(async () => [await reach(), await reach(), await reach()])).toEqual({ probes: 0, skipped: 3 });
  });

  it('moves for every writer, and the next read sees its commit', async () => {
    // The API's own mutation.
    await client.request(gql`
      mutation {
        linkHcps(sourceId: "hcp-b", targetId: "hcp-c", type: COLLEAGUE, weight: 0.4) {
          weight
        }
      }
    `);
    expect(await counted(async () => expect(await reach()).toBe(2))).toMatchObject({ probes: 1 });
    // Cypher typed by hand through the API's driver, then through another driver on the Bolt port.
    await db().write("MATCH (c:HCP {id: 'hcp-c'}), (d:HCP {id: 'hcp-d'}) CREATE (c)-[:REFERRAL {weight: 0.9}]->(d)");
    expect(await counted(async () => expect(await reach()).toBe(3))).toMatchObject({ probes: 1 });
    const other = neo4j.driver(server.uri);
    try {
      await other.executeQuery("MATCH (d:HCP {id: 'hcp-d'}), (e:HCP {id: 'hcp-e'}) CREATE (d)-[:MENTOR {weight: 0.2}]->(e)");
    } finally {
      await other.close();
    }
    expect(await counted(async () => expect(await reach()).toBe(4))).toMatchObject({ probes: 1 });
    // The transactional import (its record says: rebuild).
    const builds = network().builds;
    await importNetwork(db(), {
      ...emptyNetwork(),
      hcps: [bareHcp('hcp-f', 'F', 'X')],
      hcpLinks: [{ sourceId: 'hcp-f', targetId: 'hcp-a', type: 'COAUTHOR', weight: 0.5 }],
    });
    expect(await reach()).toBe(5);
    expect(network().builds).toBe(builds + 1);
    // An erasure through the API, then a deletion by hand.
    await client.request(gql`
      mutation {
        deleteHcp(id: "hcp-f") {
          hcpId
        }
      }
    `);
    expect(await counted(async () => expect(await reach()).toBe(4))).toMatchObject({ probes: 1 });
    await db().write("MATCH (e:HCP {id: 'hcp-e'}) DETACH DELETE e");
    expect(await counted(async () => expect(await reach()).toBe(3))).toMatchObject({ probes: 1 });
  });

  it('moves for a change only the counts show, and for a change record edited by hand', async () => {
    await reach();
    const before = db().commits!.read();
    // A link to a node that is not an HCP: no entity to name, but the count store's link count moves.
    await db().write("MATCH (a:HCP {id: 'hcp-a'}) CREATE (a)-[:COLLEAGUE {weight: 0.1}]->(:Conference {id: 'conf-1'})");
    const afterLink = db().commits!.read();
    expect(afterLink).not.toBe(before);
    await db().write('MATCH (c:NetworkChange) WITH c LIMIT 1 SET c.editedBy = $who', { who: 'hand' });
    expect(db().commits!.read()).not.toBe(afterLink);
    expect(await counted(async () => expect(await reach()).toBe(3))).toMatchObject({ probes: expect.any(Number) });
    expect(network().probes).toBeGreaterThan(0);
  });

  it('falls back to a probe per read while the file is gone, and stays exact', async () => {
    await reach();
    const file = db().commits!.file;
    const away = `${file}.away`;
    fs.renameSync(file, away);
    try {
      expect(db().commits!.read()).toBeUndefined();
      expect(await counted(async () => [await reach(), await reach()])).toEqual({ probes: 2, skipped: 0 });
      await db().write("MATCH (c:HCP {id: 'hcp-c'}), (b:HCP {id: 'hcp-b'}) CREATE (c)-[:COLLEAGUE {weight: 0.3}]->(b)");
      expect(await counted(async () => expect(await reach()).toBe(3))).toMatchObject({ probes: 1, skipped: 0 });
    } finally {
      fs.renameSync(away, file);
    }
    // Back (the server kept counting in it): one probe to take its count, then none.
    expect(await counted(async () => [await reach(), await reach()])).toEqual({ probes: 1, skipped: 1 });
  });

  it('is another count after the server restarts: the old one stops answering, leftovers are removed', async () => {
    await reach();
    const old = db().commits!;
    await server.stop();
    expect(old.read()).toBeUndefined();
    expect(fs.existsSync(old.file)).toBe(false);
    const leftover = path.join(path.dirname(old.file), 'killed-jvm');
    fs.writeFileSync(leftover, '');
    server = await startServer();
    expect(fs.existsSync(leftover)).toBe(false);
    expect(server.commits.file).not.toBe(old.file);
    expect(server.commits.read()).toBeDefined();
    await db().write("MATCH (a:HCP {id: 'hcp-a'}), (d:HCP {id: 'hcp-d'}) CREATE (d)-[:COAUTHOR {weight: 0.6}]->(a)");
    // This app's driver holds the old server's counter: every read probes, and sees the new server's writes.
    expect(await counted(async () => expect(await reach()).toBe(3))).toMatchObject({ probes: 1, skipped: 0 });
    await applySchema(db());
  });
});
