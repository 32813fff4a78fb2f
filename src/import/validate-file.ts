import { CsvRecord, CsvSyntaxError } from './csv';
import { NodeLabel, SchemaFile } from './csv-schema';
import { HcpLinkRecord, NetworkData, canonicalLink, emptyNetwork } from './records';
import { Row, readRecord } from './validate-cells';
import { isSymmetricLink } from '../vocabulary';

/**
 * Reads one file of an import: its header (every required column present), every row through
 * the cell rules (validate-cells.ts), and duplicates within the file (the same identity with the
 * same data merges, with other data is an error). What it keeps, the lines the records came
 * from and the ids each label gets are collected for the reference checks (validate-references.ts).
 */

export interface ImportIssue {
  file: string;
  line: number;
  reason: string;
}

export type ValidationProgress = (event: { file: string; rows: number }) => void;

export type Batches = AsyncIterable<CsvRecord[]> | Iterable<CsvRecord[]>;

/** What validation has gathered so far over the files of one import. */
export class ImportState {
  readonly data: NetworkData = emptyNetwork();
  readonly issues: ImportIssue[] = [];
  /** Line of every kept record, parallel to data[key]. */
  readonly lines = new Map<string, number[]>();
  /** Ids of each label present in the import (also from rows that failed for another reason). */
  private readonly importIds = new Map<NodeLabel, Set<string>>();

  ids(label: NodeLabel): Set<string> {
    let set = this.importIds.get(label);
    if (!set) this.importIds.set(label, (set = new Set()));
    return set;
  }
}

/** Describes a record given again with other data than at `firstLine`. */
function describeDuplicate(spec: SchemaFile, record: Record<string, unknown>, firstLine: number, first: Record<string, unknown>): string {
  switch (spec.key) {
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

/** The column index of every header name (the first one wins), or the problem with the header. */
function readHeader(spec: SchemaFile, record: CsvRecord): { index: Map<string, number>; problem?: ImportIssue } {
  const index = new Map<string, number>();
  record.fields.forEach((name, i) => {
    const column = name.trim();
    if (!index.has(column)) index.set(column, i);
  });
  const expected = spec.columns.filter((c) => !c.omissible).map((c) => c.name);
  const missing = expected.filter((column) => !index.has(column));
  if (missing.length === 0) return { index };
  const reason = `header is missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${expected.join(',')})`;
  return { index, problem: { file: spec.file, line: record.line, reason } };
}

/** Reads one file into `state`; returns its number of data rows. */
export async function readFile(state: ImportState, spec: SchemaFile, batches: Batches, onProgress?: ValidationProgress): Promise<number> {
  const file = spec.file;
  const idLabel = spec.graph.kind === 'node' ? spec.graph.label : undefined;
  const identity = (record: Record<string, unknown>) => spec.identity.map((column) => record[column]).join('\u0000');
  const out = state.data[spec.key] as unknown as Record<string, unknown>[];
  const lines: number[] = [];
  state.lines.set(spec.key, lines);
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
          const header = readHeader(spec, record);
          index = header.index;
          width = record.fields.length;
          if (header.problem) {
            headerBad = true;
            state.issues.push(header.problem);
          }
          continue;
        }
        rows += 1;
        if (onProgress && rows % 50000 === 0) onProgress({ file, rows });
        if (headerBad) continue;
        const line = record.line;
        if (record.fields.length !== width) {
          state.issues.push({ file, line, reason: `has ${record.fields.length} fields, the header has ${width}` });
          // Still register its id, so that references to it do not add noise.
          const at = index.get('id');
          const id = idLabel && at !== undefined ? record.fields[at]?.trim() : undefined;
          if (idLabel && id) state.ids(idLabel).add(id);
          continue;
        }
        currentLine = line;
        row ??= new Row(index, (reason) => state.issues.push({ file, line: currentLine, reason }));
        const parsed = readRecord(spec, row.reset(record.fields));
        if (idLabel && typeof parsed.id === 'string' && parsed.id !== '') state.ids(idLabel).add(parsed.id);
        if (!row.ok) continue;
        // Symmetric links are kept in their stored direction, so that both directions share an identity.
        const kept =
          spec.graph.kind === 'link' ? (canonicalLink(parsed as unknown as HcpLinkRecord) as unknown as Record<string, unknown>) : parsed;
        const key = identity(kept);
        const at = seen.get(key);
        if (at !== undefined) {
          const first = out[at];
          if (!sameRecord(kept, first)) state.issues.push({ file, line, reason: describeDuplicate(spec, parsed, lines[at], first) });
          continue;
        }
        seen.set(key, out.length);
        out.push(kept);
        lines.push(line);
      }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    state.issues.push({ file, line: error.line, reason: error.reason });
  }
  if (index === null) state.issues.push({ file, line: 1, reason: 'missing header row (the file is empty)' });
  if (onProgress) onProgress({ file, rows });
  return rows;
}
