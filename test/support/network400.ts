import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { importFolder } from '../../src/import/importer';
import { NETWORK_400 } from './fixtures';

/** The synthetic network of test/fixtures/network-400 (400 HCPs, 12 MSLs, ~1,800 links, interactions). */
export { NETWORK_400 };

/** Imports network-400 into the (emptied) test database. */
export async function importNetwork400(db: Database): Promise<void> {
  await importFolder(db, NETWORK_400);
}

/**
 * The rows of one of its CSV files as objects, read independently of the importer (these files
 * have no quoted cells, so a plain split is exact): what tests compare the API against.
 */
export function csvRows(file: string, dir = NETWORK_400): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(dir, file), 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}
