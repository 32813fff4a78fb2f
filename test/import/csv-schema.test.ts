import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ImportStream } from '../../src/db/import-stream';
import { bulkTokens, streamBulkInput } from '../../src/import/bulk-input';
import { CSV_SCHEMA, SCHEMA_FILES, SchemaFile, propertyColumns } from '../../src/import/csv-schema';
import { generateNetwork } from '../../src/import/generate';
import { HcpRecord, TrialRecord } from '../../src/import/records';

/**
 * The CSV format is declared once (src/import/csv-schema.ts); its users' documentation
 * (docs/csv-format.md) must say the same: files, columns in order, which cells may be empty,
 * which columns may be left out, identities, enumerations, numbers, dates and untrimmed text.
 */
const DOC = fs.readFileSync(path.resolve(__dirname, '../../docs/csv-format.md'), 'utf8');

/** The rows of the markdown table that follows `heading` (cells trimmed, header and rule left out). */
function table(heading: string): string[][] {
  const start = DOC.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = DOC.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const ticks = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** A bullet of the "Cells" section by its bold title. */
function bullet(title: string): string {
  const m = new RegExp(`- \\*\\*${title}\\*\\*[^]*?(?=\\n- |\\n\\n)`).exec(DOC);
  expect(m).not.toBeNull();
  return m![0].replace(/\s+/g, ' ');
}

describe('docs/csv-format.md agrees with the declared CSV schema', () => {
  const files = table('## The files');

  it('lists every file, in the order the import reads them', () => {
    expect(files.map((row) => ticks(row[0])[0])).toEqual(SCHEMA_FILES.map((f) => f.file));
  });

  describe.each(SCHEMA_FILES.map((spec, i) => [spec.file, spec, i] as [string, SchemaFile, number]))('%s', (_file, spec, i) => {
    const cell = () => files[i][1];
    it('has the columns in order', () => {
      expect(ticks(cell())).toEqual(spec.columns.map((c) => c.name));
    });
    it('marks the cells that may be empty (italics), the columns that may be left out and the lists', () => {
      for (const column of spec.columns) {
        const name = `\`${column.name}\``;
        // A column that may be left out may also be empty (docs: "an empty cell clears it").
        const mayBeEmpty = cell().includes(`*${name}*`) || column.omissible;
        expect([column.name, mayBeEmpty]).toEqual([column.name, !column.required]);
        expect([column.name, new RegExp(`optional (column )?\\*?${name}`).test(cell())]).toEqual([column.name, column.omissible]);
        expect([column.name, cell().includes(`${name}* (list)`)]).toEqual([column.name, column.type === 'refs']);
      }
    });
    it('names its identity', () => {
      const identity = ticks(files[i][2]);
      if (spec.graph.kind === 'link') expect(identity).toEqual([spec.graph.typeColumn]);
      else expect(identity).toEqual(spec.identity);
    });
  });

  it('lists every enumeration with its values', () => {
    const documented = new Map<string, string[]>();
    for (const [columns, values] of table('## Enumerations')) {
      const names = ticks(columns);
      for (let k = 0; k < names.length; k += 2) documented.set(`${names[k]} ${names[k + 1]}`, ticks(values));
    }
    const declared = new Map<string, readonly string[]>();
    for (const spec of SCHEMA_FILES)
      for (const column of spec.columns) if (column.type === 'enum') declared.set(`${spec.file} ${column.name}`, column.values!);
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(declared));
  });

  it('says which columns are numbers, dates, lists and untrimmed text', () => {
    const names = (type: string) => new Set(SCHEMA_FILES.flatMap((spec) => spec.columns.filter((c) => c.type === type).map((c) => c.name)));
    const numbers = ticks(bullet('Numbers'));
    for (const name of [...names('unit'), ...names('int')]) expect(numbers).toContain(name);
    expect(bullet('Numbers')).toMatch(/`weight` and `strength` are decimals in \(0, 1\]/);
    expect([...names('unit')].sort()).toEqual(['strength', 'weight']);
    const dates = ticks(bullet('Dates'));
    expect(new Set(dates.filter((d) => !d.includes('-')))).toEqual(names('date'));
    expect(new Set(ticks(bullet('Lists')).filter((d) => !d.includes(';')))).toEqual(names('refs'));
    const untrimmed = SCHEMA_FILES.flatMap((spec) => spec.columns.filter((c) => c.keepSpaces).map((c) => c.name));
    expect(bullet('Trimming')).toContain(`${untrimmed.map((c) => `\`${c}\``).join(' and ')} keep their spaces`);
    const positions = SCHEMA_FILES.flatMap((spec) => spec.columns.filter((c) => c.min !== undefined).map((c) => [c.name, c.min]));
    expect(positions).toEqual([['position', 1]]);
    expect(bullet('Numbers')).toContain('`position` is an integer ≥ 1');
  });
});

describe('record types and the bulk importer follow the schema', () => {
  it('infers the record types from the declaration', () => {
    // Compile-time: these assignments fail to type-check if the inference drifts.
    const hcp: HcpRecord = {
      id: 'h',
      firstName: 'A',
      lastName: 'B',
      specialty: null,
      institutionId: null,
      territoryId: null,
      therapeuticAreaIds: [],
      email: null,
    };
    const trial: TrialRecord = { id: 't', title: 'T', phase: null, status: null, therapeuticAreaId: null, startYear: 2001 };
    expect(Object.keys(hcp)).toEqual(Object.keys(CSV_SCHEMA.hcps.columns).filter((c) => c !== 'preferredChannel'));
    expect(Object.keys(trial)).toEqual(Object.keys(CSV_SCHEMA.trials.columns));
  });

  it('streams every property column of every node file to the bulk importer, typed', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    await streamBulkInput(generateNetwork({ hcps: 60, seed: 3 }), new ImportStream(sink, bulkTokens()));
    // Decodes the node section (format: launcher/.../StreamInput.java): per label, the keys and value kinds seen.
    const bytes = Buffer.concat(chunks);
    const tokens: string[] = [];
    const n = bytes.readInt32BE(5);
    let at = 9;
    for (let i = 0; i < n; i++) {
      const length = bytes.readInt32BE(at);
      tokens.push(bytes.toString('utf8', at + 4, at + 4 + length));
      at += 4 + length;
    }
    at += 7 * 8;
    const KINDS = ['text', 'int', 'unit', 'date'];
    const seen = new Map<string, Set<string>>();
    for (let length = bytes.readInt32BE(at); length > 0; length = bytes.readInt32BE(at)) {
      const end = (at += 4) + length;
      while (at < end) {
        const label = tokens[bytes.readUInt16BE(at + 4)];
        const keys = seen.get(label) ?? seen.set(label, new Set()).get(label)!;
        const count = bytes.readUInt8(at + 6);
        at += 7;
        for (let p = 0; p < count; p++) {
          const kind = bytes.readUInt8(at + 2);
          keys.add(`${tokens[bytes.readUInt16BE(at)]}:${KINDS[kind]}`);
          at += 3 + (kind === 0 ? 4 + bytes.readInt32BE(at + 3) : kind === 3 ? 4 : 8);
        }
      }
    }
    const TYPES: Record<string, string> = { int: 'int', unit: 'unit', date: 'date' };
    for (const spec of SCHEMA_FILES) {
      if (spec.graph.kind !== 'node') continue;
      // The domain id is an ordinary text property (nodes are numbered with the store's own ids).
      const expected = ['id:text', ...propertyColumns(spec).map((c) => `${c.name}:${TYPES[c.type] ?? 'text'}`)];
      expect([...(seen.get(spec.graph.label) ?? [])].sort()).toEqual(expected.sort());
    }
  });
});
