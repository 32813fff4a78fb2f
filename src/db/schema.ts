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

/**
 * Creates the constraints and indexes (idempotent: every statement is IF NOT EXISTS) and waits for
 * them to be online. On an existing database every named one is usually there and online already:
 * one read says so, instead of a write transaction per statement at every start.
 */
export async function applySchema(db: Database): Promise<void> {
  const statements = schemaStatements();
  if (await allOnline(db, statements)) return;
  // Indexes first: each is populated in the background from its creation, while a constraint's
  // creation waits for its own index. On a loaded database (a bulk import's first start) the
  // indexes' population then overlaps the constraints' instead of following it.
  const constraint = (statement: string) => /^CREATE\s+CONSTRAINT\b/i.test(statement);
  for (const statement of statements.filter((s) => !constraint(s))) await db.write(statement);
  for (const statement of statements.filter(constraint)) await db.write(statement);
  await db.write('CALL db.awaitIndexes(300)');
}

/** `CREATE [FULLTEXT ]INDEX|CONSTRAINT <name> IF NOT EXISTS ...` -> name; null for anything else. */
const NAMED = /^CREATE\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS\b/i;

/** The full-text indexes search reads, made with the accent-folding analyzer. */
const FULLTEXT = ['hcp_search', 'institution_search'];

async function allOnline(db: Database, statements: string[]): Promise<boolean> {
  const names = statements.map((statement) => NAMED.exec(statement)?.[1]);
  if (names.some((name) => !name)) return false;
  // A constraint's name is that of the index backing it, so SHOW INDEXES lists both.
  const rows = await db.read<{ name: string; state: string; analyzer: string | null }>(
    "SHOW INDEXES YIELD name, state, type, options RETURN name, state, CASE type WHEN 'FULLTEXT' THEN options.indexConfig['fulltext.analyzer'] END AS analyzer",
  );
  // Full-text indexes of databases made before search folded accents have the default analyzer:
  // IF NOT EXISTS would keep them, so they go and are rebuilt.
  const unfolded = rows.filter((row) => FULLTEXT.includes(row.name) && row.analyzer !== 'standard-folding');
  for (const { name } of unfolded) await db.write(`DROP INDEX ${FULLTEXT[FULLTEXT.indexOf(name)]} IF EXISTS`);
  const online = new Set(rows.filter((row) => row.state === 'ONLINE' && !unfolded.includes(row)).map((row) => row.name));
  return names.every((name) => online.has(name!));
}
