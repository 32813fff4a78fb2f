import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CsvFileWriter,
  CsvParser,
  CsvRecord,
  CsvSyntaxError,
  formatCsv,
  formatCsvField,
  parseCsv,
  readCsvFile,
} from '../../src/import/csv';

const fields = (records: CsvRecord[]) => records.map((r) => r.fields);
const lines = (records: CsvRecord[]) => records.map((r) => r.line);

/** Feeds the text in chunks of `size` characters. */
function parseInChunks(text: string, size: number): CsvRecord[] {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  out.push(...parser.end());
  return out;
}

describe('parseCsv', () => {
  it('parses plain fields with LF line ends and a trailing newline', () => {
    expect(fields(parseCsv('a,b,c\n1,2,3\n'))).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts a last line without a line break', () => {
    expect(fields(parseCsv('a,b\n1,2'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('handles CRLF and lone CR line ends', () => {
    expect(fields(parseCsv('a,b\r\n1,2\r\n3,4\r5,6'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields(parseCsv('a,,c,\n,,,\n'))).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('unquotes quoted fields with commas, escaped quotes and line breaks', () => {
    const text = 'id,notes\n1,"said ""hi"", then left"\n2,"line one\nline two\r\nline three"\n3,""\n';
    expect(fields(parseCsv(text))).toEqual([
      ['id', 'notes'],
      ['1', 'said "hi", then left'],
      ['2', 'line one\nline two\r\nline three'],
      ['3', ''],
    ]);
  });

  it('reports the physical line each record starts on (multi-line fields count)', () => {
    const text = 'h1,h2\n1,"a\nb\nc"\n2,x\r\n3,"y\r\nz"\n4,w\n';
    const records = parseCsv(text);
    expect(fields(records).map((f) => f[0])).toEqual(['h1', '1', '2', '3', '4']);
    expect(lines(records)).toEqual([1, 2, 5, 6, 8]);
  });

  it('skips blank lines but counts them', () => {
    const records = parseCsv('a\n\n1\n\r\n2\n\n');
    expect(fields(records)).toEqual([['a'], ['1'], ['2']]);
    expect(lines(records)).toEqual([1, 3, 5]);
  });

  it('keeps a line holding just "" as one empty field', () => {
    expect(fields(parseCsv('a\n""\n'))).toEqual([['a'], ['']]);
  });

  it('strips a UTF-8 byte-order mark and keeps non-ASCII text', () => {
    expect(fields(parseCsv('\uFEFFid,name\nhcp-1,Jürgen Müller\n'))).toEqual([
      ['id', 'name'],
      ['hcp-1', 'Jürgen Müller'],
    ]);
  });

  it('keeps a quote inside an unquoted field literally', () => {
    expect(fields(parseCsv('a\nsay "x"\n'))).toEqual([['a'], ['say "x"']]);
  });

  it('rejects an unterminated quoted field with the line it started on', () => {
    expect(() => parseCsv('a,b\n1,"open\nstill open\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\nstill open\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
      expect((error as CsvSyntaxError).reason).toMatch(/unterminated/);
    }
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/closing quote/);
  });

  it('gives the same records whatever the chunk boundaries (CRLF, quotes and BOM split)', () => {
    const text = '\uFEFFid,notes\r\n1,"a ""b"", c\r\nd"\r\n2,plain\r\n\r\n3,"x"\r\n4,"\r"\n5,end';
    const whole = parseCsv(text);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(parseInChunks(text, size)).toEqual(whole);
    expect(lines(whole)).toEqual([1, 2, 4, 6, 7, 9]);
  });

  it('parses 1M rows quickly', () => {
    const row = 'hcp-00001,hcp-00002,COAUTHOR,0.5\n';
    const text = 'sourceId,targetId,type,weight\n' + row.repeat(1_000_000);
    // CPU time, not wall time: the machine may be shared with other test runs.
    const started = process.cpuUsage();
    const records = parseCsv(text);
    const used = process.cpuUsage(started);
    expect(records).toHaveLength(1_000_001);
    // ~1 s of CPU on this 2-core machine.
    expect((used.user + used.system) / 1000).toBeLessThan(10_000);
  });
});

describe('readCsvFile', () => {
  it('streams a file in batches with the same records as parseCsv', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-'));
    const file = path.join(dir, 'x.csv');
    const text = 'id,notes\n' + Array.from({ length: 5000 }, (_, i) => `${i},"n ""${i}""\nmore"\r\n`).join('');
    fs.writeFileSync(file, text);
    const records: CsvRecord[] = [];
    for await (const batch of readCsvFile(file, 1000)) records.push(...batch);
    expect(records).toEqual(parseCsv(text));
    fs.rmSync(dir, { recursive: true });
  });
});

describe('CSV writer', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(formatCsvField('plain')).toBe('plain');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvField('cr\r')).toBe('"cr\r"');
    expect(formatCsvField(null)).toBe('');
    expect(formatCsvField(undefined)).toBe('');
    expect(formatCsvField(0.25)).toBe('0.25');
  });

  it('round-trips through the parser', () => {
    const rows = [
      ['1', 'a, "b"\nc', ''],
      ['2', ' spaced ', '"'],
    ];
    const text = formatCsv(['id', 'x', 'y'], rows);
    expect(fields(parseCsv(text))).toEqual([['id', 'x', 'y'], ...rows]);
  });

  it('writes files row by row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csvw-'));
    const file = path.join(dir, 'out.csv');
    const writer = new CsvFileWriter(file, ['a', 'b']);
    for (let i = 0; i < 100000; i++) writer.write([i, `v,${i}`]);
    await writer.close();
    const records = parseCsv(fs.readFileSync(file, 'utf8'));
    expect(records).toHaveLength(100001);
    expect(records[100000].fields).toEqual(['99999', 'v,99999']);
    fs.rmSync(dir, { recursive: true });
  });
});
