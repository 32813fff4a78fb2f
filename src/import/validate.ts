import fs from 'node:fs';
import path from 'node:path';
import { CsvRecord, CsvSyntaxError, parseCsv, readCsvFile } from './csv';
import { DatasetKey, FILES, FileSpec, HcpLinkRecord, NetworkData, NodeLabel, canonicalLink, emptyNetwork, linkKey } from './records';
import { CHANNELS, LINK_TYPES, SENTIMENTS, TRIAL_ROLES, isSymmetricLink } from '../vocabulary';

/**
 * Validates a whole import before anything is written: headers, cells, duplicates, and
 * references (to the same import, or to the database through an injected lookup doing one
 * batched query per label). Every problem is collected as `file:line: reason` (line = physical
 * line of the file, header = 1); the import is valid only when there are none.
 */

export interface ImportIssue {
  file: string;
  line: number;
  reason: string;
}

/** Which of `ids` exist in the database as nodes with `label` (one batched lookup per label). */
export type ExistingIdsLookup = (label: NodeLabel, ids: string[]) => Promise<Set<string>>;

/** A lookup for imports that may only reference themselves (pure tests, empty databases). */
export const noExistingIds: ExistingIdsLookup = async () => new Set<string>();

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

export type ValidationProgress = (event: { file: string; rows: number }) => void;

export interface ImportSource {
  file: string;
  /** The file's records, in batches. */
  records: AsyncIterable<CsvRecord[]> | Iterable<CsvRecord[]>;
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

const KNOWN_FILES = new Map(FILES.map((spec) => [spec.file, spec]));

/** Validates the known CSV files of a folder (unknown files are ignored). Throws ImportValidationError. */
export async function validateFolder(dir: string, lookup: ExistingIdsLookup, onProgress?: ValidationProgress): Promise<ValidatedImport> {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    throw new ImportValidationError([{ file: dir, line: 0, reason: 'not a readable folder' }]);
  }
  const present = FILES.filter((spec) => entries.includes(spec.file));
  if (present.length === 0) {
    throw new ImportValidationError([
      { file: dir, line: 0, reason: `no import files found (expected any of ${FILES.map((f) => f.file).join(', ')})` },
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
  const state = new ValidationState();
  const ordered = sources.filter((source) => KNOWN_FILES.has(source.file)).sort((a, b) => fileOrder(a.file) - fileOrder(b.file));
  const files: ValidatedFile[] = [];
  let rows = 0;
  for (const source of ordered) {
    const spec = KNOWN_FILES.get(source.file)!;
    const read = await state.readFile(spec, source.records, onProgress);
    rows += read;
    files.push({ key: spec.key, file: spec.file, rows: read, records: state.data[spec.key].length });
  }
  await state.checkReferences(lookup);
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
  const index = FILES.findIndex((spec) => spec.file === file);
  return index === -1 ? FILES.length : index;
}

// ---------------------------------------------------------------------------------------------
// Cells

const ID_LABEL: Partial<Record<DatasetKey, NodeLabel>> = {
  territories: 'Territory',
  therapeuticAreas: 'TherapeuticArea',
  institutions: 'Institution',
  hcps: 'HCP',
  msls: 'MSL',
  interactions: 'Interaction',
  publications: 'Publication',
  trials: 'ClinicalTrial',
};

interface RefSpec {
  column: string;
  label: NodeLabel;
  list?: boolean;
}

/** The references of each file: column -> label of the node it must name. */
const REFERENCES: Partial<Record<DatasetKey, RefSpec[]>> = {
  institutions: [{ column: 'territoryId', label: 'Territory' }],
  hcps: [
    { column: 'institutionId', label: 'Institution' },
    { column: 'territoryId', label: 'Territory' },
    { column: 'therapeuticAreaIds', label: 'TherapeuticArea', list: true },
  ],
  hcpLinks: [
    { column: 'sourceId', label: 'HCP' },
    { column: 'targetId', label: 'HCP' },
  ],
  msls: [
    { column: 'territoryId', label: 'Territory' },
    { column: 'therapeuticAreaIds', label: 'TherapeuticArea', list: true },
  ],
  mslRelationships: [
    { column: 'mslId', label: 'MSL' },
    { column: 'hcpId', label: 'HCP' },
  ],
  interactions: [
    { column: 'mslId', label: 'MSL' },
    { column: 'hcpId', label: 'HCP' },
  ],
  publications: [{ column: 'therapeuticAreaId', label: 'TherapeuticArea' }],
  authorships: [
    { column: 'publicationId', label: 'Publication' },
    { column: 'hcpId', label: 'HCP' },
  ],
  trials: [{ column: 'therapeuticAreaId', label: 'TherapeuticArea' }],
  trialInvestigators: [
    { column: 'trialId', label: 'ClinicalTrial' },
    { column: 'hcpId', label: 'HCP' },
  ],
};

const LABEL_NAME: Record<NodeLabel, string> = {
  Territory: 'territory',
  TherapeuticArea: 'therapeutic area',
  Institution: 'institution',
  HCP: 'HCP',
  MSL: 'MSL',
  Interaction: 'interaction',
  Publication: 'publication',
  ClinicalTrial: 'trial',
};

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` of a valid ISO 8601 date or date-time (the date as written), else null. */
export function parseIsoDate(text: string): string | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) {
    return null;
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Reads the cells of one row, recording a problem for each bad one (one instance per file, reset per row). */
class Row {
  ok = true;
  private fields: string[] = [];
  constructor(
    private readonly index: Map<string, number>,
    private readonly report: (reason: string) => void,
  ) {}

  reset(fields: string[]): this {
    this.fields = fields;
    this.ok = true;
    return this;
  }

  private raw(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.fields[i] ?? '');
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  fail(reason: string): void {
    this.ok = false;
    this.report(reason);
  }

  /** A required value (trimmed). */
  required(column: string): string {
    const value = this.raw(column).trim();
    if (value === '') this.fail(`${column} is empty`);
    return value;
  }

  /** An optional value (trimmed unless `keepSpaces`); empty = null. */
  optional(column: string, keepSpaces = false): string | null {
    const raw = this.raw(column);
    if (raw.trim() === '') return null;
    return keepSpaces ? raw : raw.trim();
  }

  /** A `;`-list of ids: trimmed, empty items dropped, de-duplicated, sorted. */
  list(column: string): string[] {
    const items = new Set<string>();
    for (const item of this.raw(column).split(';')) {
      const value = item.trim();
      if (value !== '') items.add(value);
    }
    return [...items].sort(compareStrings);
  }

  oneOf<T extends string>(column: string, values: readonly T[], required: boolean): T | null {
    const value = this.raw(column).trim();
    if (value === '') {
      if (required) this.fail(`${column} is empty (expected one of ${values.join(', ')})`);
      return null;
    }
    if (!(values as readonly string[]).includes(value)) {
      this.fail(`unknown ${column} "${value}" (expected one of ${values.join(', ')})`);
      return null;
    }
    return value as T;
  }

  /** A number in (0, 1]. */
  unit(column: string): number {
    const text = this.raw(column).trim();
    if (text === '') {
      this.fail(`${column} is empty (expected a number in (0, 1])`);
      return NaN;
    }
    const value = Number(text);
    if (!NUMBER.test(text) || !Number.isFinite(value)) {
      this.fail(`${column} "${text}" is not a number`);
      return NaN;
    }
    if (!(value > 0 && value <= 1)) this.fail(`${column} ${text} is out of range (0, 1]`);
    return value;
  }

  integer(column: string, required: boolean, min?: number): number | null {
    const text = this.raw(column).trim();
    if (text === '') {
      if (required) this.fail(`${column} is empty (expected an integer)`);
      return null;
    }
    if (!INTEGER.test(text) || !Number.isSafeInteger(Number(text))) {
      this.fail(`${column} "${text}" is not an integer`);
      return null;
    }
    const value = Number(text);
    if (min !== undefined && value < min) {
      this.fail(`${column} ${text} must be at least ${min}`);
      return null;
    }
    return value;
  }

  date(column: string, required: boolean): string | null {
    const text = this.raw(column).trim();
    if (text === '') {
      if (required) this.fail(`${column} is empty (expected an ISO 8601 date)`);
      return null;
    }
    const value = parseIsoDate(text);
    if (value === null) {
      this.fail(`${column} "${text}" is not a valid ISO 8601 date (YYYY-MM-DD or date-time)`);
    }
    return value;
  }
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type RowParser = (row: Row) => object;

/** Builds each file's normalized record from a row. */
const PARSERS: Record<DatasetKey, RowParser> = {
  territories: (r) => ({ id: r.required('id'), name: r.required('name'), region: r.optional('region') }),
  therapeuticAreas: (r) => ({ id: r.required('id'), name: r.required('name') }),
  institutions: (r) => ({
    id: r.required('id'),
    name: r.required('name'),
    type: r.optional('type'),
    city: r.optional('city'),
    country: r.optional('country'),
    territoryId: r.optional('territoryId'),
  }),
  hcps: (r) => ({
    id: r.required('id'),
    firstName: r.required('firstName'),
    lastName: r.required('lastName'),
    specialty: r.optional('specialty'),
    institutionId: r.optional('institutionId'),
    territoryId: r.optional('territoryId'),
    therapeuticAreaIds: r.list('therapeuticAreaIds'),
    email: r.optional('email'),
    // No column: undefined (kept as stored on re-import); an empty cell: null (none).
    preferredChannel: r.has('preferredChannel') ? r.oneOf('preferredChannel', CHANNELS, false) : undefined,
  }),
  hcpLinks: (r) => {
    const link: HcpLinkRecord = {
      sourceId: r.required('sourceId'),
      targetId: r.required('targetId'),
      type: r.oneOf('type', LINK_TYPES, true)!,
      weight: r.unit('weight'),
    };
    if (link.sourceId !== '' && link.sourceId === link.targetId) r.fail(`self-link: ${link.sourceId} links to itself`);
    return link;
  },
  msls: (r) => ({
    id: r.required('id'),
    firstName: r.required('firstName'),
    lastName: r.required('lastName'),
    email: r.optional('email'),
    territoryId: r.optional('territoryId'),
    therapeuticAreaIds: r.list('therapeuticAreaIds'),
  }),
  mslRelationships: (r) => ({
    mslId: r.required('mslId'),
    hcpId: r.required('hcpId'),
    strength: r.unit('strength'),
    since: r.date('since', false),
  }),
  interactions: (r) => ({
    id: r.required('id'),
    mslId: r.required('mslId'),
    hcpId: r.required('hcpId'),
    date: r.date('date', true),
    channel: r.oneOf('channel', CHANNELS, true),
    topic: r.optional('topic', true),
    sentiment: r.oneOf('sentiment', SENTIMENTS, true),
    notes: r.optional('notes', true),
  }),
  publications: (r) => ({
    id: r.required('id'),
    title: r.required('title'),
    year: r.integer('year', false),
    journal: r.optional('journal'),
    therapeuticAreaId: r.optional('therapeuticAreaId'),
  }),
  authorships: (r) => ({
    publicationId: r.required('publicationId'),
    hcpId: r.required('hcpId'),
    position: r.integer('position', true, 1),
  }),
  trials: (r) => ({
    id: r.required('id'),
    title: r.required('title'),
    phase: r.optional('phase'),
    status: r.optional('status'),
    therapeuticAreaId: r.optional('therapeuticAreaId'),
    startYear: r.has('startYear') ? r.integer('startYear', false) : undefined,
  }),
  trialInvestigators: (r) => ({
    trialId: r.required('trialId'),
    hcpId: r.required('hcpId'),
    role: r.oneOf('role', TRIAL_ROLES, true),
  }),
};

/** The identity of a record within its file (duplicates share it). */
const IDENTITY: Record<DatasetKey, (record: Record<string, unknown>) => string> = {
  territories: (r) => r.id as string,
  therapeuticAreas: (r) => r.id as string,
  institutions: (r) => r.id as string,
  hcps: (r) => r.id as string,
  hcpLinks: (r) => linkKey(r as unknown as HcpLinkRecord),
  msls: (r) => r.id as string,
  mslRelationships: (r) => `${r.mslId}\u0000${r.hcpId}`,
  interactions: (r) => r.id as string,
  publications: (r) => r.id as string,
  authorships: (r) => `${r.publicationId}\u0000${r.hcpId}`,
  trials: (r) => r.id as string,
  trialInvestigators: (r) => `${r.trialId}\u0000${r.hcpId}`,
};

function describeDuplicate(key: DatasetKey, record: Record<string, unknown>, firstLine: number, first: Record<string, unknown>): string {
  switch (key) {
    case 'hcpLinks': {
      const link = record as unknown as HcpLinkRecord;
      const arrow = isSymmetricLink(link.type) ? '--' : '->';
      return `${link.type} link ${link.sourceId} ${arrow} ${link.targetId} given again with a different weight (${link.weight}; line ${firstLine} has ${first.weight})`;
    }
    case 'mslRelationships':
      return `relationship ${record.mslId} -> ${record.hcpId} given again with different data (first at line ${firstLine})`;
    case 'authorships':
      return `authorship of ${record.hcpId} on ${record.publicationId} given again with a different position (first at line ${firstLine})`;
    case 'trialInvestigators':
      return `investigator ${record.hcpId} on ${record.trialId} given again with a different role (first at line ${firstLine})`;
    default:
      return `duplicate id "${record.id}" with different data (first at line ${firstLine})`;
  }
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key of Object.keys(a)) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) {
      return false;
    }
  }
  return true;
}

class ValidationState {
  readonly data = emptyNetwork();
  readonly issues: ImportIssue[] = [];
  /** Line of every kept record, parallel to data[key]. */
  private readonly lines = new Map<DatasetKey, number[]>();
  /** Ids of each label present in the import (also from rows that failed for another reason). */
  private readonly importIds = new Map<NodeLabel, Set<string>>();

  private ids(label: NodeLabel): Set<string> {
    let set = this.importIds.get(label);
    if (!set) this.importIds.set(label, (set = new Set()));
    return set;
  }

  async readFile(
    spec: FileSpec,
    batches: AsyncIterable<CsvRecord[]> | Iterable<CsvRecord[]>,
    onProgress?: ValidationProgress,
  ): Promise<number> {
    const file = spec.file;
    const parse = PARSERS[spec.key];
    const identity = IDENTITY[spec.key];
    const idLabel = ID_LABEL[spec.key];
    const out = this.data[spec.key] as unknown as Record<string, unknown>[];
    const lines: number[] = [];
    this.lines.set(spec.key, lines);
    const seen = new Map<string, number>();
    let index: Map<string, number> | null = null;
    let width = 0;
    let rows = 0;
    let headerBad = false;
    let row: Row | undefined;
    let currentLine = 0;
    try {
      for await (const batch of batches)
        for (const record of batch) {
          if (index === null) {
            index = new Map();
            record.fields.forEach((name, i) => {
              const column = name.trim();
              if (!index!.has(column)) index!.set(column, i);
            });
            width = record.fields.length;
            const missing = spec.columns.filter((column) => !index!.has(column));
            if (missing.length > 0) {
              headerBad = true;
              this.issues.push({
                file,
                line: record.line,
                reason: `header is missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${spec.columns.join(',')})`,
              });
            }
            continue;
          }
          rows += 1;
          if (onProgress && rows % 50000 === 0) onProgress({ file, rows });
          if (headerBad) continue;
          const line = record.line;
          if (record.fields.length !== width) {
            this.issues.push({ file, line, reason: `has ${record.fields.length} fields, the header has ${width}` });
            // Still register its id, so that references to it do not add noise.
            const at = index.get('id');
            const id = idLabel && at !== undefined ? record.fields[at]?.trim() : undefined;
            if (idLabel && id) this.ids(idLabel).add(id);
            continue;
          }
          currentLine = line;
          row ??= new Row(index, (reason) => this.issues.push({ file, line: currentLine, reason }));
          const parsed = parse(row.reset(record.fields)) as Record<string, unknown>;
          if (idLabel && typeof parsed.id === 'string' && parsed.id !== '') this.ids(idLabel).add(parsed.id);
          if (!row.ok) continue;
          const kept =
            spec.key === 'hcpLinks' ? (canonicalLink(parsed as unknown as HcpLinkRecord) as unknown as Record<string, unknown>) : parsed;
          const key = identity(kept);
          const at = seen.get(key);
          if (at !== undefined) {
            const first = out[at];
            if (!sameRecord(kept, first)) {
              this.issues.push({ file, line, reason: describeDuplicate(spec.key, parsed, lines[at], first) });
            }
            continue;
          }
          seen.set(key, out.length);
          out.push(kept);
          lines.push(line);
        }
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      this.issues.push({ file, line: error.line, reason: error.reason });
    }
    if (index === null) this.issues.push({ file, line: 1, reason: 'missing header row (the file is empty)' });
    if (onProgress) onProgress({ file, rows });
    return rows;
  }

  /** Every reference must name a node of the import or of the database (one lookup per label). */
  async checkReferences(lookup: ExistingIdsLookup): Promise<void> {
    interface Pending {
      file: string;
      line: number;
      column: string;
      label: NodeLabel;
      id: string;
    }
    const pending: Pending[] = [];
    const missing = new Map<NodeLabel, Set<string>>();
    for (const spec of FILES) {
      const refs = REFERENCES[spec.key];
      if (!refs) continue;
      const rows = this.data[spec.key] as unknown as Record<string, unknown>[];
      const lines = this.lines.get(spec.key);
      if (!lines) continue;
      for (const ref of refs) {
        const known = this.ids(ref.label);
        for (let i = 0; i < rows.length; i++) {
          const value = rows[i][ref.column];
          if (value === null || value === undefined) continue;
          const values = ref.list ? (value as string[]) : [value as string];
          for (const id of values) {
            if (known.has(id)) continue;
            pending.push({ file: spec.file, line: lines[i], column: ref.column, label: ref.label, id });
            let set = missing.get(ref.label);
            if (!set) missing.set(ref.label, (set = new Set()));
            set.add(id);
          }
        }
      }
    }
    if (pending.length === 0) return;
    const found = new Map<NodeLabel, Set<string>>();
    for (const [label, ids] of missing) found.set(label, await lookup(label, [...ids].sort(compareStrings)));
    for (const p of pending) {
      if (found.get(p.label)?.has(p.id)) continue;
      this.issues.push({
        file: p.file,
        line: p.line,
        reason: `unknown ${LABEL_NAME[p.label]} "${p.id}" in ${p.column} (not in this import nor in the database)`,
      });
    }
  }
}
