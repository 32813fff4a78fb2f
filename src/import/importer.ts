import { writeAuditEvent } from '../db/audit';
import { Database, Tx } from '../db/database';
import { DatasetKey, FILES, NODE_LABELS, NetworkData, NodeLabel } from './records';
import { ExistingIdsLookup, ValidatedFile, validateFolder } from './validate';
import { WriteCounts, WriteOptions, WriteSummary, writeNetwork } from './write';

/**
 * CSV folder -> validation (complete, before anything is written) -> one atomic write.
 * Throws ImportValidationError (with every problem as file:line: reason) and writes nothing
 * when any file is invalid.
 */

export type ImportProgress =
  | { phase: 'validate'; file: string; rows: number }
  | { phase: 'write'; file: string; done: number; total: number; overallDone: number; overallTotal: number };

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per UNWIND statement (default 10,000). */
  batchSize?: number;
  /** How ids missing from the import are looked up (default: in `db`). */
  lookup?: ExistingIdsLookup;
  /** Write transaction timeout in ms (default 30 minutes). */
  timeoutMs?: number;
  /** Validate and write, then roll back instead of committing. */
  dryRun?: boolean;
  /** See WriteOptions.linkMode (measurements). */
  linkMode?: WriteOptions['linkMode'];
  /**
   * Who imports what: recorded as an AuditEvent (action `import`, sub = actor, the folder and the
   * counts) in the import's own transaction, so the import and its record commit together.
   */
  audit?: { actor: string; folder: string };
}

export interface FileSummary extends WriteCounts {
  key: DatasetKey;
  file: string;
  /** Data rows in the file (identical duplicates included). */
  lines: number;
}

export interface ImportSummary {
  files: FileSummary[];
  /** Data rows read over all files. */
  lines: number;
  /** Distinct records written. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  validateMs: number;
  /** The whole write, commit included. */
  writeMs: number;
  commitMs: number;
  totalMs: number;
  /** Data rows per second over validation and write. */
  rowsPerSecond: number;
}

/** Looks ids up with one statement per label. */
export function databaseLookup(db: Database): ExistingIdsLookup {
  return async (label: NodeLabel, ids: string[]) => {
    if (!NODE_LABELS.includes(label)) throw new Error(`unknown label ${label}`);
    if (ids.length === 0) return new Set();
    const rows = await db.read<{ id: string }>(`MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id`, { ids });
    return new Set(rows.map((row) => row.id));
  };
}

export async function importFolder(db: Database, dir: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const onProgress = options.onProgress;
  const validated = await validateFolder(
    dir,
    options.lookup ?? databaseLookup(db),
    onProgress ? (event) => onProgress({ phase: 'validate', ...event }) : undefined,
  );
  const validateMs = Date.now() - started;
  const summary = await writeValidated(db, validated.data, validated.files, options);
  return finishSummary(summary, validated.files, validateMs, started);
}

/**
 * Writes records that are valid by construction (the generator's) without CSV validation.
 * References must resolve within `data` or the database; unresolved ones are silently skipped.
 */
export async function importNetwork(db: Database, data: NetworkData, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const files: ValidatedFile[] = FILES.filter((spec) => data[spec.key].length > 0).map((spec) => ({
    key: spec.key,
    file: spec.file,
    rows: data[spec.key].length,
    records: data[spec.key].length,
  }));
  const summary = await writeValidated(db, data, files, options);
  return finishSummary(summary, files, 0, started);
}

async function writeValidated(
  db: Database,
  data: NetworkData,
  files: ValidatedFile[],
  options: ImportOptions,
): Promise<{ write: WriteSummary; writeMs: number }> {
  const onProgress = options.onProgress;
  const overallTotal = files.reduce((sum, f) => sum + f.records, 0);
  const before = new Map<string, number>();
  let offset = 0;
  for (const f of files) {
    before.set(f.file, offset);
    offset += f.records;
  }
  const started = Date.now();
  const write = await writeNetwork(db, data, {
    batchSize: options.batchSize,
    timeoutMs: options.timeoutMs,
    dryRun: options.dryRun,
    linkMode: options.linkMode,
    beforeCommit: options.audit ? (tx, summary) => recordImport(db, tx, options.audit!, summary) : undefined,
    onProgress: onProgress
      ? (p) =>
          onProgress({
            phase: 'write',
            file: p.file,
            done: p.done,
            total: p.total,
            overallDone: (before.get(p.file) ?? 0) + p.done,
            overallTotal,
          })
      : undefined,
  });
  return { write, writeMs: Date.now() - started };
}

async function recordImport(db: Database, tx: Tx, audit: { actor: string; folder: string }, summary: WriteSummary): Promise<void> {
  const counts = Object.values(summary).filter((c): c is WriteCounts => typeof c === 'object' && c !== null);
  const total = (key: 'rows' | 'created' | 'updated' | 'unchanged') => counts.reduce((sum, c) => sum + c[key], 0);
  await writeAuditEvent(
    db,
    {
      sub: audit.actor,
      action: 'import',
      entityIds: [],
      details: {
        folder: audit.folder,
        rows: total('rows'),
        created: total('created'),
        updated: total('updated'),
        unchanged: total('unchanged'),
      },
    },
    tx,
  );
}

function finishSummary(
  result: { write: WriteSummary; writeMs: number },
  files: ValidatedFile[],
  validateMs: number,
  started: number,
): ImportSummary {
  const rows: FileSummary[] = files.map((f) => {
    const counts = result.write[f.key] ?? { rows: f.records, created: 0, updated: 0, unchanged: f.records, ms: 0 };
    return { key: f.key, file: f.file, lines: f.rows, ...counts };
  });
  const totalMs = Date.now() - started;
  const lines = rows.reduce((sum, r) => sum + r.lines, 0);
  return {
    files: rows,
    lines,
    rows: rows.reduce((sum, r) => sum + r.rows, 0),
    created: rows.reduce((sum, r) => sum + r.created, 0),
    updated: rows.reduce((sum, r) => sum + r.updated, 0),
    unchanged: rows.reduce((sum, r) => sum + r.unchanged, 0),
    validateMs,
    writeMs: result.writeMs,
    commitMs: result.write.commitMs ?? 0,
    totalMs,
    rowsPerSecond: totalMs > 0 ? Math.round((lines * 1000) / totalMs) : lines,
  };
}

/** The summary as a fixed-width table. */
export function formatSummary(summary: ImportSummary): string {
  const header = ['file', 'rows', 'created', 'updated', 'unchanged', 'seconds'];
  const secs = (ms: number) => (ms / 1000).toFixed(1);
  const body = summary.files.map((f) => [f.file, f.rows, f.created, f.updated, f.unchanged, secs(f.ms)].map(String));
  const writing = summary.files.reduce((sum, f) => sum + f.ms, 0);
  body.push(['total', summary.rows, summary.created, summary.updated, summary.unchanged, secs(writing)].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines = [fmt(header), rule, ...body.slice(0, -1).map(fmt), rule, fmt(body[body.length - 1])];
  lines.push(
    '',
    `${summary.lines} rows in ${secs(summary.totalMs)} s (validate ${secs(summary.validateMs)} s, write ${secs(summary.writeMs)} s of which commit ${secs(summary.commitMs)} s), ${summary.rowsPerSecond} rows/s`,
  );
  return lines.join('\n');
}
