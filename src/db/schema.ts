import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { Database } from './database';

const SCHEMA_FILE = path.join(projectRoot, 'schema', 'neo4j.cypher');

/** The statements of schema/neo4j.cypher, comments stripped, one per `;`. */
export function schemaStatements(file = SCHEMA_FILE): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** Creates the constraints and indexes (idempotent: every statement is IF NOT EXISTS) and waits for them to be online. */
export async function applySchema(db: Database): Promise<void> {
  for (const statement of schemaStatements()) await db.write(statement);
  await db.write('CALL db.awaitIndexes(300)');
}
