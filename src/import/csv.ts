import fs from 'node:fs';

/**
 * RFC 4180 CSV: comma-separated fields, fields optionally wrapped in double quotes, a quote
 * inside a quoted field written twice, CRLF / LF / CR line ends (also inside quoted fields),
 * an optional UTF-8 byte-order mark. Blank lines are skipped.
 *
 * The parser is incremental (feed it chunks of any size, a record or a CRLF may straddle two
 * chunks) and reports for every record the physical line number it starts on (1 = first line),
 * so errors can be reported as `file:line`.
 */

export interface CsvRecord {
  fields: string[];
  /** Physical line (1-based) on which the record starts. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export class CsvParser {
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private quotedField = false;
  private line = 1;
  private recordLine = 1;
  private skipLf = false;
  private started = false;
  /** A quoted field's text so far ended with CR (so a following LF is the same line break). */
  private pendingCrInQuote = false;

  /** Parses one more chunk; returns the records completed by it. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    const n = chunk.length;
    if (!this.started && n > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    if (this.skipLf && i < n) {
      this.skipLf = false;
      if (chunk.charCodeAt(i) === LF) i += 1;
    }
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          const c = chunk.charCodeAt(i);
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quotedField = true;
            this.pendingCrInQuote = false;
            i += 1;
            break;
          }
          this.state = State.Unquoted;
          // fall into the unquoted scan on the next iteration
          break;
        }
        case State.Unquoted: {
          // Scan a run of ordinary characters at once.
          const start = i;
          let c = 0;
          while (i < n) {
            c = chunk.charCodeAt(i);
            if (c === COMMA || c === LF || c === CR) break;
            i += 1;
          }
          if (i > start) this.field += chunk.slice(start, i);
          if (i >= n) break;
          if (c === COMMA) {
            this.endField();
            i += 1;
          } else {
            i = this.endLine(chunk, i, out);
          }
          break;
        }
        case State.Quoted: {
          const q = chunk.indexOf('"', i);
          const end = q === -1 ? n : q;
          const text = chunk.slice(i, end);
          this.field += text;
          this.countNewlines(chunk, i, end);
          if (q === -1) {
            i = n;
          } else {
            this.state = State.QuoteInQuoted;
            i = q + 1;
          }
          break;
        }
        case State.QuoteInQuoted: {
          const c = chunk.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            this.pendingCrInQuote = false;
            i += 1;
          } else if (c === COMMA) {
            this.endField();
            i += 1;
          } else if (c === LF || c === CR) {
            i = this.endLine(chunk, i, out);
          } else {
            throw new CsvSyntaxError(
              this.line,
              'unexpected character after a closing quote (a quote inside a quoted field must be doubled)',
            );
          }
          break;
        }
      }
    }
    return out;
  }

  /** Ends the input; returns the last record if the input did not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === State.Quoted) {
      throw new CsvSyntaxError(this.recordLine, 'unterminated quoted field');
    }
    if (this.state !== State.FieldStart || this.fields.length > 0) {
      this.endField();
      this.emit(out);
    }
    return out;
  }

  private countNewlines(chunk: string, from: number, to: number): void {
    for (let j = from; j < to; j++) {
      const c = chunk.charCodeAt(j);
      if (c === LF) {
        if (!(j > from ? chunk.charCodeAt(j - 1) === CR : this.pendingCrInQuote)) this.line += 1;
      } else if (c === CR) {
        this.line += 1;
      }
    }
    if (to > from) this.pendingCrInQuote = chunk.charCodeAt(to - 1) === CR;
  }

  private endField(): void {
    this.fields.push(restoreFormula(this.field));
    this.field = '';
    this.quotedField = false;
    this.state = State.FieldStart;
  }

  /** At a CR or LF outside quotes: ends the record, returns the index after the line break. */
  private endLine(chunk: string, i: number, out: CsvRecord[]): number {
    const blank = this.fields.length === 0 && this.field === '' && !this.quotedField;
    this.endField();
    if (blank) this.fields = [];
    else this.emit(out);
    this.line += 1;
    this.recordLine = this.line;
    const c = chunk.charCodeAt(i);
    i += 1;
    if (c === CR) {
      if (i < chunk.length) {
        if (chunk.charCodeAt(i) === LF) i += 1;
      } else {
        this.skipLf = true;
      }
    }
    return i;
  }

  private emit(out: CsvRecord[]): void {
    out.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.field = '';
    this.quotedField = false;
    this.state = State.FieldStart;
  }
}

/** Parses a whole CSV text. Throws CsvSyntaxError. */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  const records = parser.push(text);
  for (const r of parser.end()) records.push(r);
  return records;
}

/**
 * Streams the records of a UTF-8 CSV file, a batch per chunk read (one await per chunk, not per
 * record). Throws CsvSyntaxError.
 */
export async function* readCsvFile(path: string, highWaterMark = 1 << 20): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser();
  const stream = fs.createReadStream(path, { encoding: 'utf8', highWaterMark });
  for await (const chunk of stream as AsyncIterable<string>) {
    const records = parser.push(chunk);
    if (records.length > 0) yield records;
  }
  const last = parser.end();
  if (last.length > 0) yield last;
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Spreadsheet formula injection: a spreadsheet runs a cell beginning with `=`, `+`, `-` or `@`
 * (and, in some, TAB or CR) as a formula, so a name like `=HYPERLINK(...)` in an export would run
 * on an analyst's machine. Such text cells are written with a single quote in front (`'=...`),
 * which spreadsheets show as text; cells already beginning with quotes then such a character get
 * one more quote, so reading strips exactly one quote and export -> import -> export is
 * byte-identical. This is the one place of the rule: every CSV writer goes through
 * formatCsvField, every reader through CsvParser.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const SINGLE_QUOTE = 39;

/** The text as written to a CSV cell: a quote in front of formula-like text. */
export function neutralizeFormula(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

/** The inverse of neutralizeFormula, applied to every cell read. */
export function restoreFormula(cell: string): string {
  return cell.charCodeAt(0) === SINGLE_QUOTE && FORMULA.test(cell) ? cell.slice(1) : cell;
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field, quoted only when needed (comma, quote, CR or LF); null/undefined = empty; text
 * that a spreadsheet would run as a formula neutralized (neutralizeFormula). Numbers are written
 * as they are: a negative number is a value, not a formula.
 */
export function formatCsvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutralizeFormula(value) : String(value);
  if (!NEEDS_QUOTES.test(text)) return text;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One record with its line break (LF). */
export function formatCsvRow(values: readonly CsvValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += formatCsvField(values[i]);
  }
  return line + '\n';
}

/** A whole document: header row then rows, LF line ends, no BOM. */
export function formatCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const parts = [formatCsvRow(header)];
  for (const row of rows) parts.push(formatCsvRow(row));
  return parts.join('');
}

/** Writes a CSV file row by row through a buffered stream. */
export class CsvFileWriter {
  private readonly stream: fs.WriteStream;
  private buffer: string[] = [];
  private size = 0;

  constructor(path: string, header: readonly string[]) {
    this.stream = fs.createWriteStream(path, { encoding: 'utf8' });
    this.write(header);
  }

  write(values: readonly CsvValue[]): void {
    const row = formatCsvRow(values);
    this.buffer.push(row);
    this.size += row.length;
    if (this.size > 1 << 20) this.flush();
  }

  async close(): Promise<void> {
    this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.stream.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}
