/**
 * `npm run import -- --dir <folder> [--batch-size N] [--dry-run] [--actor <name>]`
 *
 * Imports the CSV files of a folder (docs/csv-format.md) into the Neo4j at NEO4J_URI (default
 * bolt://localhost:NEO4J_BOLT_PORT; this command never starts the embedded server). Everything
 * is validated first; on any problem the command prints every `file:line: reason`, writes
 * nothing and exits 1. The write is one transaction: all or nothing. Exit 2: the database
 * could not be reached or another error. `--dry-run` validates and writes, then rolls back.
 * The import is audited (an AuditEvent, action `import`, in the same transaction): who (`--actor`,
 * default the OS user), the folder and the row counts.
 */
import os from 'node:os';
import path from 'node:path';
import { boltUri, loadConfig } from '../config';
import { connect } from '../db/connect';
import { ServiceUnavailableError } from '../errors';
import { ProgressReporter, folderArgs, reportInvalidImport, runWhenMain } from './cli-support';
import { formatSummary, importFolder } from './importer';
import { ImportValidationError } from './validate';

const USAGE = 'usage: npm run import -- --dir <folder> [--batch-size <rows per statement>] [--dry-run] [--actor <name>]';

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const args = folderArgs(argv, USAGE);
  if (typeof args === 'number') return args;
  const dir = path.resolve(args.dir);
  const config = loadConfig();
  const db = connect(config);
  const progress = new ProgressReporter();
  try {
    process.stderr.write(`importing ${dir} into ${boltUri(config)} (database ${config.neo4jDatabase})\n`);
    const summary = await importFolder(db, dir, {
      batchSize: args.batchSize,
      dryRun: args.dryRun,
      // Who imported what, recorded in the import's transaction: --actor, else the OS user.
      audit: { actor: args.actor ?? os.userInfo().username, folder: dir },
      onProgress: (p) =>
        p.phase === 'validate'
          ? progress.update(`validate ${p.file}`, p.rows, p.rows)
          : progress.update(`write ${p.file}`, p.overallDone, p.overallTotal),
    });
    progress.done();
    process.stdout.write(`${formatSummary(summary)}\n`);
    if (args.dryRun) process.stdout.write('dry run: everything was written, then rolled back; the database is unchanged\n');
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof ImportValidationError) {
      return reportInvalidImport(error);
    }
    if (error instanceof ServiceUnavailableError) {
      process.stderr.write(`import failed: cannot use Neo4j at ${boltUri(config)}: ${error.message}; nothing was written\n`);
      return 2;
    }
    const code = (error as { code?: string }).code;
    process.stderr.write(`import failed${code ? ` (${code})` : ''}: ${(error as Error).message}; nothing was written\n`);
    return 2;
  } finally {
    await db.close().catch(() => undefined);
  }
}

runWhenMain(module, main);
