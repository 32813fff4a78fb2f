import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import { Database } from './database';

export const SCHEMA_FILE = path.join(projectRoot, 'schema', 'neo4j.cypher');

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

export interface SchemaOptions {
  /**
   * 'background': the full-text indexes are created but not waited for (a bulk import's first
   * start, where populating them takes seconds): `db.index.fulltext.queryNodes` waits for an index
   * that is not online yet (up to 30 s, then an error), so search never answers from a partial
   * index. Default 'await': every index online before this resolves.
   */
  fullText?: 'await' | 'background';
}

/**
 * Creates the constraints and indexes (idempotent: every statement is IF NOT EXISTS) and waits for
 * them to be online. On an existing database every named one is usually there and online already:
 * one read says so, instead of a write transaction per statement at every start. When every one
 * exists but some are still populating (a bulk import's store, whose launcher created them:
 * embedded.ts importSchemaFile), it only waits.
 */
export async function applySchema(db: Database, options: SchemaOptions = {}): Promise<void> {
  const statements = schemaStatements();
  const state = await schemaState(db, statements);
  if (state === 'online') return;
  if (state === 'missing') await createSchema(db, statements);
  if (options.fullText !== 'background') return awaitIndexes(db);
  const names = statements.filter((s) => !isFullText(s)).map((s) => NAMED.exec(s)![1]);
  await db.write('UNWIND $names AS name CALL db.awaitIndex(name, 300) RETURN count(*) AS n', { names });
}

const isConstraint = (statement: string) => /^CREATE\s+CONSTRAINT\b/i.test(statement);
const isFullText = (statement: string) => /^CREATE\s+FULLTEXT\b/i.test(statement);

async function createSchema(db: Database, statements: string[]): Promise<void> {
  const inOneTransaction = (group: string[]) =>
    db.transaction(async (tx) => {
      for (const statement of group) await tx.run(statement);
    });
  // Range indexes first, all in one transaction: one population job reads each label's nodes once
  // for all of them, in the background, while each constraint's creation waits for its own index.
  // Full-text indexes last: at most two populations run at a time and the one on HCP names is the
  // longest; created earlier, the constraints queued behind it.
  await inOneTransaction(statements.filter((s) => !isConstraint(s) && !isFullText(s)));
  await inOneTransaction(statements.filter(isConstraint));
  await inOneTransaction(statements.filter(isFullText));
}

/** Resolves once every index is online (after `applySchema` with full-text in the background). */
export async function awaitIndexes(db: Database): Promise<void> {
  await db.write('CALL db.awaitIndexes(300)');
}

/** `CREATE [FULLTEXT ]INDEX|CONSTRAINT <name> IF NOT EXISTS ...` -> name; null for anything else. */
const NAMED = /^CREATE\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS\b/i;

/** The full-text indexes search reads, made with the accent-folding analyzer. */
const FULLTEXT = ['hcp_search', 'institution_search'];

/** 'online': every named index and constraint is there and online; 'created': there, some not online yet. */
async function schemaState(db: Database, statements: string[]): Promise<'online' | 'created' | 'missing'> {
  const names = statements.map((statement) => NAMED.exec(statement)?.[1]);
  if (names.some((name) => !name)) return 'missing';
  // A constraint's name is that of the index backing it, so SHOW INDEXES lists both.
  const rows = await db.read<{ name: string; state: string; analyzer: string | null }>(
    "SHOW INDEXES YIELD name, state, type, options RETURN name, state, CASE type WHEN 'FULLTEXT' THEN options.indexConfig['fulltext.analyzer'] END AS analyzer",
  );
  // Full-text indexes of databases made before search folded accents have the default analyzer:
  // IF NOT EXISTS would keep them, so they go and are rebuilt.
  const unfolded = rows.filter((row) => FULLTEXT.includes(row.name) && row.analyzer !== 'standard-folding');
  for (const { name } of unfolded) await db.write(`DROP INDEX ${FULLTEXT[FULLTEXT.indexOf(name)]} IF EXISTS`);
  const kept = rows.filter((row) => !unfolded.includes(row));
  const online = new Set(kept.filter((row) => row.state === 'ONLINE').map((row) => row.name));
  if (names.every((name) => online.has(name!))) return 'online';
  const present = new Set(kept.map((row) => row.name));
  return names.every((name) => present.has(name!)) ? 'created' : 'missing';
}
