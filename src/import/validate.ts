import fs from 'node:fs';
import path from 'node:path';
import { CsvSyntaxError, parseCsv, readCsvFile } from './csv';
import { DatasetKey, SCHEMA_FILES } from './csv-schema';
import { NetworkData } from './records';
import { Batches, ImportIssue, ImportState, ValidationProgress, readFile } from './validate-file';
import { ExistingIdsLookup, checkReferences, noExistingIds } from './validate-references';

export type { ImportIssue, ValidationProgress } from './validate-file';
export { noExistingIds } from './validate-references';
export type { ExistingIdsLookup } from './validate-references';
export { compareStrings, parseIsoDate } from './validate-cells';

/**
 * Validates a whole import before anything is written: headers, cells and duplicates file by file
 * (validate-file.ts, with the cell rules of validate-cells.ts), then references (to the same
 * import, or to the database through an injected lookup doing one batched query per label:
 * validate-references.ts). Every problem is collected as `file:line: reason` (line = physical
 * line of the file, header = 1); the import is valid only when there are none.
 */

export interface ValidatedFile {
  key: DatasetKey;
  file: string;
  /** Data rows read (duplicates included). */
  rows: number;
  /** Distinct records kept after merging identical duplicates. */
  records: number;
}

export interface ValidatedImport {
  data: NetworkData;
  /** The files present in the import, in write order. */
  files: ValidatedFile[];
  /** Data rows read over all files. */
  rows: number;
}

export interface ImportSource {
  file: string;
  /** The file's records, in batches. */
  records: Batches;
}

export class ImportValidationError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(
      `the import is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was written:\n${formatIssues(issues)}`,
    );
    this.name = 'ImportValidationError';
  }
}

/** `file:line: reason` lines, at most `max` of them, then "... and N more". */
export function formatIssues(issues: readonly ImportIssue[], max = 50): string {
  const lines = issues.slice(0, max).map((issue) => `${issue.file}:${issue.line}: ${issue.reason}`);
  if (issues.length > max) lines.push(`... and ${issues.length - max} more`);
  return lines.join('\n');
}

const KNOWN_FILES = new Map(SCHEMA_FILES.map((spec) => [spec.file, spec]));

/** Validates the known CSV files of a folder (unknown files are ignored). Throws ImportValidationError. */
export async function validateFolder(dir: string, lookup: ExistingIdsLookup, onProgress?: ValidationProgress): Promise<ValidatedImport> {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    throw new ImportValidationError([{ file: dir, line: 0, reason: 'not a readable folder' }]);
  }
  const present = SCHEMA_FILES.filter((spec) => entries.includes(spec.file));
  if (present.length === 0) {
    throw new ImportValidationError([
      { file: dir, line: 0, reason: `no import files found (expected any of ${SCHEMA_FILES.map((f) => f.file).join(', ')})` },
    ]);
  }
  return validateSources(
    present.map((spec) => ({ file: spec.file, records: readCsvFile(path.join(dir, spec.file)) })),
    lookup,
    onProgress,
  );
}

/** Validates in-memory CSV texts by file name (convenient for tests). Throws ImportValidationError. */
export function validateTexts(files: Record<string, string>, lookup: ExistingIdsLookup = noExistingIds): Promise<ValidatedImport> {
  const sources: ImportSource[] = [];
  const issues: ImportIssue[] = [];
  for (const [file, text] of Object.entries(files)) {
    try {
      sources.push({ file, records: [parseCsv(text)] });
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      issues.push({ file, line: error.line, reason: error.reason });
    }
  }
  if (issues.length > 0) throw new ImportValidationError(issues);
  return validateSources(sources, lookup);
}

/** Validates parsed files. Unknown file names are ignored. Throws ImportValidationError. */
export async function validateSources(
  sources: readonly ImportSource[],
  lookup: ExistingIdsLookup,
  onProgress?: ValidationProgress,
): Promise<ValidatedImport> {
  const state = new ImportState();
  const ordered = sources.filter((source) => KNOWN_FILES.has(source.file)).sort((a, b) => fileOrder(a.file) - fileOrder(b.file));
  const files: ValidatedFile[] = [];
  let rows = 0;
  for (const source of ordered) {
    const spec = KNOWN_FILES.get(source.file)!;
    const read = await readFile(state, spec, source.records, onProgress);
    rows += read;
    files.push({ key: spec.key, file: spec.file, rows: read, records: state.data[spec.key].length });
  }
  await checkReferences(state, lookup);
  if (state.issues.length > 0) {
    const order = (issue: ImportIssue) => fileOrder(issue.file);
    const issues = state.issues
      .map((issue, index) => ({ issue, index }))
      .sort((a, b) => order(a.issue) - order(b.issue) || a.issue.line - b.issue.line || a.index - b.index)
      .map((entry) => entry.issue);
    throw new ImportValidationError(issues);
  }
  return { data: state.data, files, rows };
}

function fileOrder(file: string): number {
  const index = SCHEMA_FILES.findIndex((spec) => spec.file === file);
  return index === -1 ? SCHEMA_FILES.length : index;
}
