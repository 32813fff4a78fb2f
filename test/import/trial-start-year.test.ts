import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { networkToCsv, readNetwork } from '../../src/import/export';
import { importFolder } from '../../src/import/importer';
import { ImportValidationError } from '../../src/import/validate';
import { resetDatabase, testDatabase } from '../support/db';

/** The optional startYear column of trials.csv: read when present, kept when absent, always exported. */
let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await resetDatabase(db);
});
afterAll(() => db.close());

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-year-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const startYear = async (id: string) =>
  (await db.read<{ y: number | null }>('MATCH (t:ClinicalTrial {id: $id}) RETURN t.startYear AS y', { id }))[0].y;

describe('trials.csv startYear', () => {
  it('imports with and without the column; a re-import without it keeps the year; an empty cell clears it', async () => {
    await importFolder(db, folder({ 'trials.csv': 'id,title,phase,status,therapeuticAreaId\ntr-1,Old file,II,,\n' }));
    expect(await startYear('tr-1')).toBeNull();
    await importFolder(db, folder({ 'trials.csv': 'id,title,phase,status,therapeuticAreaId,startYear\ntr-1,Old file,II,,,2019\n' }));
    expect(await startYear('tr-1')).toBe(2019);
    await importFolder(db, folder({ 'trials.csv': 'id,title,phase,status,therapeuticAreaId\ntr-1,Old file,II,,\n' }));
    expect(await startYear('tr-1')).toBe(2019);
    await importFolder(db, folder({ 'trials.csv': 'startYear,id,title,phase,status,therapeuticAreaId\n,tr-1,Old file,II,,\n' }));
    expect(await startYear('tr-1')).toBeNull();
  });

  it('a year that is not an integer: file:line and nothing written', async () => {
    const bad = folder({ 'trials.csv': 'id,title,phase,status,therapeuticAreaId,startYear\ntr-2,New,,,,2019\ntr-3,Bad,,,,2019.5\n' });
    await expect(importFolder(db, bad)).rejects.toThrow(ImportValidationError);
    await expect(importFolder(db, bad)).rejects.toThrow(/trials\.csv:3: startYear "2019\.5" is not an integer/);
    expect(await db.read('MATCH (t:ClinicalTrial {id: "tr-2"}) RETURN t')).toHaveLength(0);
  });

  it('the export always writes the column', async () => {
    await importFolder(db, folder({ 'trials.csv': 'id,title,phase,status,therapeuticAreaId,startYear\ntr-4,Dated,III,COMPLETED,,2011\n' }));
    const csv = networkToCsv(await readNetwork(db))['trials.csv'];
    expect(csv.split('\n')[0]).toBe('id,title,phase,status,therapeuticAreaId,startYear');
    expect(csv).toContain('tr-4,Dated,III,COMPLETED,,2011');
  });
});
