import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../../src/db/connect';
import { Database } from '../../src/db/database';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/db/embedded';
import { ImportStream } from '../../src/db/import-stream';
import { awaitIndexes, schemaStatements } from '../../src/db/schema';
import { BulkImportError, bulkImportFolder, finishBulkImport, storeDirectory } from '../../src/import/bulk';
import { bulkTokens, streamBulkInput } from '../../src/import/bulk-input';
import { exportFolder } from '../../src/import/export';
import { importFolder } from '../../src/import/importer';
import { ImportValidationError, noExistingIds, validateFolder } from '../../src/import/validate';
import { resetDatabase, testConfig, testDatabase } from '../support/db';
import { freePort } from '../support/ports';

/**
 * The offline bulk import builds the same graph as the transactional import: the fixture imported
 * both ways (transactional into the test database, bulk into a new embedded store) exports
 * byte-identical CSV files, and the same labels, relationship types, property names and property
 * types, in the same numbers. Invalid folders are rejected by the same validation with nothing built, and an
 * existing database is never overwritten.
 */
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-bulk-test-'));
/**
 * The 400-HCP reference network with one note spanning lines, with a quote and a comma: only the
 * importer's file holding it gets the multi-line parser, and it must survive both paths alike.
 */
const FIXTURE = path.join(scratch, 'network');
fs.cpSync(path.resolve(__dirname, '../fixtures/network-400'), FIXTURE, { recursive: true });
const interactions = path.join(FIXTURE, 'interactions.csv');
fs.writeFileSync(interactions, fs.readFileSync(interactions, 'utf8').replace(/^(int-00000-0,.*),$/m, '$1,"first line,\nsecond ""line"""'));
const dataDir = path.join(scratch, 'neo4j');
const serve = { dataDir, database: 'neo4j', heap: '512m', pageCacheMb: 64, offHeapMb: 256, log: () => undefined };
let transactional: Database;
let embedded: EmbeddedNeo4j | undefined;
let bulk: Database | undefined;

beforeAll(async () => {
  transactional = testDatabase();
  await resetDatabase(transactional);
}, 300000);
afterAll(async () => {
  await bulk?.close();
  await embedded?.stop();
  await transactional.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}, 120000);

/**
 * The shape of the graph: per label (and per relationship type with its end labels), how many
 * carry each property name with each value type (`valueType`: a date stored as text or a float
 * stored as an integer shows). Bookkeeping nodes (change records, audit events) left out.
 */
async function shape(db: Database): Promise<string[]> {
  const rows = await db.read<{ line: string; n: number }>(
    `MATCH (n) WHERE NOT n:NetworkChange AND NOT n:AuditEvent AND NOT n:GraphMeta
     UNWIND (CASE WHEN size(keys(n)) = 0 THEN [null] ELSE keys(n) END) AS k
     RETURN 'node ' + reduce(s = '', l IN labels(n) | s + ':' + l) + ' ' + coalesce(k + ':' + valueType(n[k]), '-') AS line, count(*) AS n
     UNION ALL
     MATCH (a)-[r]->(b) WHERE NOT a:NetworkChange AND NOT a:AuditEvent AND NOT b:AuditEvent
     UNWIND (CASE WHEN size(keys(r)) = 0 THEN [null] ELSE keys(r) END) AS k
     RETURN 'rel ' + labels(a)[0] + '-' + type(r) + '->' + labels(b)[0] + ' ' + coalesce(k + ':' + valueType(r[k]), '-') AS line, count(*) AS n`,
  );
  return rows.map((row) => `${row.line} x${row.n}`).sort();
}

/**
 * The schema file's indexes and constraints as the database holds them: type, what they cover,
 * provider and configuration (the full-text analyzer), which constraint owns which index.
 */
async function schemaOf(db: Database): Promise<unknown[]> {
  const names = schemaStatements().map((statement) => /^CREATE\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)/i.exec(statement)![1]);
  const indexes = await db.read(
    `SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, indexProvider, owningConstraint, options
     WHERE name IN $names RETURN name, type, entityType, labelsOrTypes, properties, indexProvider, owningConstraint, options.indexConfig AS config ORDER BY name`,
    { names },
  );
  const constraints = await db.read(
    'SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties, ownedIndex WHERE name IN $names RETURN * ORDER BY name',
    { names },
  );
  return [...indexes, ...constraints];
}

function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]),
  );
}

describe('bulk import (offline) = transactional import', () => {
  it('rejects an invalid folder with the same validation, building nothing', async () => {
    const bad = path.join(scratch, 'bad');
    fs.mkdirSync(bad);
    fs.copyFileSync(path.join(FIXTURE, 'hcps.csv'), path.join(bad, 'hcps.csv'));
    const error = await bulkImportFolder(bad, { ...serve, boltPort: await freePort() }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).issues.length).toBeGreaterThan(0);
    expect(fs.existsSync(storeDirectory(dataDir, 'neo4j'))).toBe(false);
    // The server's JVM, started while the folder was validated, stopped before creating its folder.
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('leaves no store behind when the import fails after its stream began', async () => {
    // Valid records whose stream breaks at its end (as a write error or a crash would), once the
    // importer has begun the store: none of it may stay.
    const { data } = await validateFolder(FIXTURE, noExistingIds);
    const broken = path.join(scratch, 'broken');
    const store = storeDirectory(broken, 'neo4j');
    class BreakingStream extends ImportStream {
      override async finish(): Promise<void> {
        await this.flush();
        while (!fs.existsSync(store) || fs.readdirSync(store).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('the stream broke');
      }
    }
    const started = startEmbeddedNeo4j({
      dataDir: broken,
      boltPort: await freePort(),
      heap: '512m',
      pageCacheMb: 64,
      log: () => undefined,
      offlineImport: async (stdin) => void (await streamBulkInput(data, new BreakingStream(stdin, bulkTokens()))),
    });
    await expect(started).rejects.toThrow('the stream broke');
    expect(fs.existsSync(broken)).toBe(false);
  });

  it('builds the graph the transactional import builds: identical exports and typed properties', async () => {
    await importFolder(transactional, FIXTURE);
    const built = await bulkImportFolder(FIXTURE, { ...serve, boltPort: await freePort() });
    embedded = built.server;
    expect(built.summary.nodes).toBeGreaterThan(400);
    expect(built.summary.relationships).toBeGreaterThan(1800);
    expect(built.summary.storeMs).toBeGreaterThan(0);
    expect(built.summary.schemaMs).toBeGreaterThan(0);

    bulk = connect({ ...testConfig(), neo4jUri: embedded.uri });
    // Serving before the full-text indexes are populated: search waits for them, so it answers
    // what the transactional import's database answers, right away.
    await finishBulkImport(bulk, { fullText: 'background' });
    const search = (db: Database, index: string, words: string) =>
      db.read<{ id: string }>('CALL db.index.fulltext.queryNodes($index, $words) YIELD node RETURN node.id AS id ORDER BY id', {
        index,
        words,
      });
    const found = await search(bulk, 'hcp_search', 'rossi');
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(await search(transactional, 'hcp_search', 'rossi'));
    expect(await search(bulk, 'institution_search', 'boston')).toEqual(await search(transactional, 'institution_search', 'boston'));
    await awaitIndexes(bulk);
    const states = await bulk.read<{ state: string }>('SHOW INDEXES YIELD state RETURN DISTINCT state');
    expect(states).toEqual([{ state: 'ONLINE' }]);
    // The launcher created the schema through the core API: the same one Cypher creates.
    const schema = await schemaOf(bulk);
    expect(schema).toHaveLength(schemaStatements().length + schemaStatements().filter((s) => /^CREATE\s+CONSTRAINT/i.test(s)).length);
    expect(schema).toEqual(await schemaOf(transactional));

    const viaTransaction = path.join(scratch, 'export-transactional');
    const viaBulk = path.join(scratch, 'export-bulk');
    await exportFolder(transactional, viaTransaction);
    await exportFolder(bulk, viaBulk);
    expect(filesOf(viaBulk)).toEqual(filesOf(viaTransaction));

    expect(await shape(bulk)).toEqual(await shape(transactional));
    const [change] = await bulk.read<{ full: boolean }>('MATCH (c:NetworkChange) RETURN c.full AS full');
    expect(change.full).toBe(true);
    const [note] = await bulk.read<{ notes: string }>("MATCH (i:Interaction {id: 'int-00000-0'}) RETURN i.notes AS notes");
    expect(note.notes).toBe('first line,\nsecond "line"');
  }, 600000);

  it('seeds the system database from the launcher template instead of creating it at the first start', () => {
    // The template is the class archive's training home (src/db/embedded.ts). A start that created
    // the system database initialises its security graph, which debug.log says.
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'debug.log'), 'utf8');
    expect(log).toContain("Starting 'DatabaseId{00000000[system]}'");
    expect(log).not.toContain('Initializing system graph model');
  });

  it('never overwrites an existing database', async () => {
    const before = fs.readdirSync(storeDirectory(dataDir, 'neo4j')).sort();
    await expect(bulkImportFolder(FIXTURE, { ...serve, boltPort: await freePort() })).rejects.toThrow(BulkImportError);
    expect(fs.readdirSync(storeDirectory(dataDir, 'neo4j')).sort()).toEqual(before);
  });
});
