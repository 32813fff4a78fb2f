import { SchemaFile } from './csv-schema';

/**
 * The cell rules of the CSV format (docs/csv-format.md, "Cells"): one row read into its record
 * following the file's declared columns (csv-schema.ts), every bad cell reported with the reason
 * users see. Cross-file checks (references, duplicates) are in validate-file.ts and
 * validate-references.ts.
 */

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
export class Row {
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

/** Reads one cell by its declared type. */
function readCell(row: Row, column: SchemaFile['columns'][number]): unknown {
  const name = column.name;
  // A column the file may leave out: without it, undefined (kept as stored on re-import).
  if (column.omissible && !row.has(name)) return undefined;
  switch (column.type) {
    case 'id':
    case 'ref':
    case 'text':
      return column.required ? row.required(name) : row.optional(name, column.keepSpaces);
    case 'refs':
      return row.list(name);
    case 'enum':
      return row.oneOf(name, column.values!, column.required);
    case 'unit':
      return row.unit(name);
    case 'int':
      return row.integer(name, column.required, column.min);
    case 'date':
      return row.date(name, column.required);
  }
}

/** A file's normalized record from a row, its columns read in order; `row.ok` tells whether every cell was valid. */
export function readRecord(spec: SchemaFile, row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const column of spec.columns) record[column.name] = readCell(row, column);
  if (spec.graph.kind === 'link') {
    const { from, to } = spec.graph;
    const source = record[from];
    if (source !== '' && source === record[to]) row.fail(`self-link: ${source} links to itself`);
  }
  return record;
}
