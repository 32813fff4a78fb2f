/**
 * `npm run export -- --dir <folder>`
 *
 * Writes every file of the CSV format (docs/csv-format.md) from the Neo4j at NEO4J_URI (default
 * bolt://localhost:NEO4J_BOLT_PORT), in a deterministic order, so that the folder can be
 * imported again (export -> import into an empty database -> export gives identical files).
 */
import path from 'node:path';
import { boltUri, loadConfig } from '../config';
import { connect } from '../db/connect';
import { folderArgs, runWhenMain } from './cli-support';
import { exportFolder } from './export';

const USAGE = 'usage: npm run export -- --dir <folder>';

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const args = folderArgs(argv, USAGE);
  if (typeof args === 'number') return args;
  const dir = path.resolve(args.dir);
  const config = loadConfig();
  const db = connect(config);
  try {
    const started = Date.now();
    const files = await exportFolder(db, dir);
    const width = Math.max(...files.map((f) => f.file.length));
    for (const f of files) process.stdout.write(`${f.file.padEnd(width)}  ${String(f.rows).padStart(9)}\n`);
    process.stdout.write(`exported to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    process.stderr.write(`export from ${boltUri(config)} failed${code ? ` (${code})` : ''}: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await db.close().catch(() => undefined);
  }
}

runWhenMain(module, main);
