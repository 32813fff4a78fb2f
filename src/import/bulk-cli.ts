/**
 * `npm run import:bulk -- --dir <folder>`
 *
 * The first load of the embedded server's database (NEO4J_DATA_DIR, which must not hold that
 * database yet): the same validation as `npm run import` (every problem printed as
 * `file:line: reason`, nothing built, exit 1), then the store built offline by Neo4j's own
 * importer in the embedded server's JVM, which then starts once to create the constraints and
 * indexes, and stops.
 * Start the API afterwards as usual. Exit 2: an existing database, no JDK, or another error.
 * Later changes go through `npm run import` (one transaction, all or nothing).
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { ProgressReporter, folderArgs, reportInvalidImport, runWhenMain } from './cli-support';
import { bulkImportFolder, finishBulkImport } from './bulk';
import { ImportValidationError } from './validate';

const USAGE = 'usage: npm run import:bulk -- --dir <folder>   (a new embedded database only; see README, Importing data)';

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const args = folderArgs(argv, USAGE);
  if (typeof args === 'number') return args;
  const config = loadConfig();
  if (config.neo4jUri) {
    process.stderr.write(
      "import:bulk builds the embedded server's store: unset NEO4J_URI (for another server, use its neo4j-admin database import, or npm run import)\n",
    );
    return 2;
  }
  const dir = path.resolve(args.dir);
  const progress = new ProgressReporter();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    process.stderr.write(`bulk import of ${dir} into a new database "${config.neo4jDatabase}" in ${config.neo4jDataDir}\n`);
    const { summary, server } = await bulkImportFolder(dir, {
      dataDir: config.neo4jDataDir,
      database: config.neo4jDatabase,
      boltPort: config.neo4jBoltPort,
      heap: config.neo4jHeap,
      pageCacheMb: config.neo4jPageCacheMb,
      onValidate: (p) => progress.update(`validate ${p.file}`, p.rows, p.rows),
      log: (line) => {
        progress.done();
        log(line);
      },
    });
    progress.done();
    log('waiting for the indexes ...');
    const db = connect({ ...config, neo4jUri: server.uri });
    const finishing = Date.now();
    try {
      await finishBulkImport(db);
    } finally {
      await db.close();
      await server.stop();
    }
    const secs = (ms: number) => (ms / 1000).toFixed(1);
    const schemaMs = summary.schemaMs + Date.now() - finishing;
    process.stdout.write(
      `${summary.nodes} nodes, ${summary.relationships} relationships in ${secs(summary.totalMs + Date.now() - finishing)} s ` +
        `(validate ${secs(summary.validateMs)} s, store ${secs(summary.storeMs)} s, database start ${secs(summary.startMs)} s, schema ${secs(schemaMs)} s)\n`,
    );
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof ImportValidationError) {
      return reportInvalidImport(error);
    }
    process.stderr.write(`import failed: ${(error as Error).message}\n`);
    return 2;
  }
}

runWhenMain(module, main);
