import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { exportFolder, networkToCsv, writeNetworkCsv } from '../../src/import/export';
import { generateNetwork } from '../../src/import/generate';
import { ImportSummary, importFolder, importNetwork } from '../../src/import/importer';
import { DatasetKey, FILES, NetworkData, linkKey } from '../../src/import/records';
import { ImportValidationError, noExistingIds, validateFolder } from '../../src/import/validate';
import { resetDatabase, testDatabase } from '../support/db';
import { KARATE, NETWORK_400 } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '../..');

let db: Database;
let tmp: string;

beforeAll(() => {
  db = testDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-it-'));
});
afterAll(async () => {
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => resetDatabase(db));

let folders = 0;
function folder(files: Record<string, string>): string {
  const dir = path.join(tmp, `f${folders++}`);
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Nodes per label and relationships per type: a fingerprint of the whole graph's size. */
async function graphCounts(): Promise<Record<string, number>> {
  const nodes = await db.read<{ k: string; c: number }>('MATCH (n) UNWIND labels(n) AS l RETURN l AS k, count(*) AS c');
  const rels = await db.read<{ k: string; c: number }>('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS c');
  return Object.fromEntries([...nodes, ...rels.map((r) => ({ k: `:${r.k}`, c: r.c }))].map((r) => [r.k, r.c]).sort());
}

async function duplicateRelationships(): Promise<number> {
  const [row] = await db.read<{ c: number }>(
    `MATCH (a)-[r]-(b) WHERE elementId(a) < elementId(b)
     WITH a, b, type(r) AS t, CASE WHEN type(r) IN ['REFERRAL', 'KNOWS', 'AFFILIATED_WITH', 'IN_TERRITORY', 'SPECIALIZES_IN', 'COVERS', 'FOCUSES_ON', 'LOGGED', 'WITH', 'AUTHORED', 'INVESTIGATOR_ON', 'IN_AREA']
       THEN startNode(r) = a ELSE true END AS dir, count(*) AS c
     WHERE c > 1 RETURN count(*) AS c`,
  );
  return row.c;
}

async function version(): Promise<number | null> {
  const rows = await db.read<{ v: number }>('MATCH (c:NetworkChange {full: true}) RETURN count(c) AS v');
  return rows[0].v > 0 ? rows[0].v : null;
}

function fileSummary(summary: ImportSummary, file: string) {
  const f = summary.files.find((x) => x.file === file);
  if (!f) throw new Error(`no summary for ${file}`);
  return { rows: f.rows, created: f.created, updated: f.updated, unchanged: f.unchanged };
}

async function expectInvalid(dir: string, pattern: RegExp): Promise<ImportValidationError> {
  const error = await importFolder(db, dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportValidationError);
  expect((error as Error).message).toMatch(pattern);
  return error as ImportValidationError;
}

const IDENTITY: Record<DatasetKey, (r: Record<string, unknown>) => string> = {
  territories: (r) => String(r.id),
  therapeuticAreas: (r) => String(r.id),
  institutions: (r) => String(r.id),
  hcps: (r) => String(r.id),
  hcpLinks: (r) => linkKey(r as never),
  msls: (r) => String(r.id),
  mslRelationships: (r) => `${r.mslId}/${r.hcpId}`,
  interactions: (r) => String(r.id),
  publications: (r) => String(r.id),
  authorships: (r) => `${r.publicationId}/${r.hcpId}`,
  trials: (r) => String(r.id),
  trialInvestigators: (r) => `${r.trialId}/${r.hcpId}`,
};

/** The records sorted by identity: compare imports order-insensitively. */
function sorted(data: NetworkData): NetworkData {
  const out = { ...data };
  for (const spec of FILES) {
    const key = spec.key;
    const id = IDENTITY[key];
    const rows = (data[key] as unknown as Record<string, unknown>[]).map((r) =>
      // A file without the optional preferredChannel column reads as "not given"; the export writes it empty.
      key === 'hcps' ? { ...r, preferredChannel: r.preferredChannel ?? null } : r,
    );
    (out as Record<string, unknown>)[key] = rows.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  }
  return out;
}

describe('importing the oracle folders', () => {
  it('imports network-400 into the graph model', async () => {
    const summary = await importFolder(db, NETWORK_400);
    expect(fileSummary(summary, 'hcps.csv')).toEqual({ rows: 400, created: 400, updated: 0, unchanged: 0 });
    expect(fileSummary(summary, 'hcp_links.csv')).toMatchObject({ created: 1808 });
    expect(summary.lines).toBe(6 + 5 + 36 + 400 + 1808 + 12 + 61 + 113);
    expect(summary.rowsPerSecond).toBeGreaterThan(0);

    const counts = await graphCounts();
    expect(counts).toMatchObject({
      HCP: 400,
      MSL: 12,
      Territory: 6,
      TherapeuticArea: 5,
      Institution: 36,
      Interaction: 113,
      NetworkChange: 1,
    });
    expect(counts[':KNOWS']).toBe(61);
    expect(counts[':LOGGED']).toBe(113);
    expect(counts[':WITH']).toBe(113);
    const links = ['COAUTHOR', 'CO_INVESTIGATOR', 'COLLEAGUE', 'MENTOR', 'REFERRAL'].reduce((s, t) => s + (counts[`:${t}`] ?? 0), 0);
    expect(links).toBe(1808);
    expect(counts[':AFFILIATED_WITH']).toBe(400);
    expect(counts[':IN_TERRITORY']).toBe(400 + 36);
    expect(await duplicateRelationships()).toBe(0);

    // Properties and types of the model.
    const [hcp] = await db.read(
      `MATCH (h:HCP {id: 'hcp-00000'})-[:AFFILIATED_WITH]->(i:Institution)-[:IN_TERRITORY]->(t:Territory),
             (h)-[:IN_TERRITORY]->(t), (h)-[:SPECIALIZES_IN]->(a:TherapeuticArea)
       RETURN h {.*} AS h, i.id AS inst, t.id AS ter, collect(a.id) AS areas`,
    );
    expect(hcp).toEqual({
      h: { id: 'hcp-00000', firstName: 'Vera', lastName: 'Rossi', specialty: 'Medical Oncology', email: 'vera.rossi.0@example.org' },
      inst: 'inst-w-05',
      ter: 'ter-w',
      areas: ['ta-onc'],
    });
    const [knows] = await db.read<Record<string, unknown>>(
      `MATCH (:MSL {id: 'msl-000'})-[k:KNOWS]->(:HCP {id: 'hcp-00129'})
       RETURN k.strength AS strength, k.baseStrength AS base, k.since = date('2025-01-28') AS sinceIsDate, k.lastContact AS lastContact`,
    );
    // The pair's interactions are on 2025-02-14, 2025-03-05 and 2025-01-30 (and maybe more): lastContact is the latest.
    const [latest] = await db.read<{ d: string }>(
      `MATCH (:MSL {id: 'msl-000'})-[:LOGGED]->(i:Interaction)-[:WITH]->(:HCP {id: 'hcp-00129'}) RETURN toString(max(i.date)) AS d`,
    );
    expect(knows).toEqual({ strength: 0.711, base: 0.711, sinceIsDate: true, lastContact: latest.d });
    const [interaction] = await db.read<Record<string, unknown>>(
      `MATCH (m:MSL)-[:LOGGED]->(i:Interaction {id: 'int-00000-0'})-[:WITH]->(h:HCP)
       RETURN m.id AS m, h.id AS h, i.date = date('2025-02-14') AS dateIsDate, i.channel AS channel, i.topic AS topic, i.sentiment AS sentiment, i.notes AS notes`,
    );
    expect(interaction).toEqual({
      m: 'msl-000',
      h: 'hcp-00129',
      dateIsDate: true,
      channel: 'PHONE',
      topic: 'safety profile',
      sentiment: 'POSITIVE',
      notes: null,
    });
    expect(await version()).toBe(1);
  });

  it('imports karate (empty reference cells mean none)', async () => {
    await importFolder(db, KARATE);
    const counts = await graphCounts();
    expect(counts.HCP).toBe(34);
    expect(counts[':COLLEAGUE']).toBe(78);
    expect(counts[':AFFILIATED_WITH']).toBeUndefined();
    expect(counts[':IN_TERRITORY']).toBeUndefined();
    expect(counts[':SPECIALIZES_IN']).toBeUndefined();
    const [h] = await db.read("MATCH (h:HCP {id: 'hcp-k00'}) RETURN h {.*} AS h");
    expect(h).toEqual({ h: { id: 'hcp-k00', firstName: 'Member', lastName: '0', specialty: 'Karate' } });
  });
});

describe('idempotency and updates', () => {
  it('changes nothing when the same folder is imported again', async () => {
    await importFolder(db, NETWORK_400);
    const before = await graphCounts();
    const snapshot = async () => ({
      nodes: await db.read('MATCH (n) WHERE NOT n:NetworkChange RETURN labels(n) AS l, properties(n) AS p ORDER BY l[0], n.id'),
      rels: await db.read('MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b, p.weight'),
    });
    const state = await snapshot();
    const second = await importFolder(db, NETWORK_400);
    expect(second.created).toBe(0);
    expect(second.updated).toBe(0);
    expect(second.unchanged).toBe(second.rows);
    expect(await graphCounts()).toEqual(before);
    expect(await duplicateRelationships()).toBe(0);
    expect(await snapshot()).toEqual(state);
    // Nothing changed, so no change record either: readers keep their projection.
    expect(await version()).toBe(1);
  });

  it('updates changed records and replaces their references instead of adding more', async () => {
    const v1 = folder({
      'territories.csv': 'id,name,region\nter-a,Alpha,US\nter-b,Beta,EU\n',
      'therapeutic_areas.csv': 'id,name\nta-1,One\nta-2,Two\nta-3,Three\n',
      'institutions.csv': 'id,name,type,city,country,territoryId\ninst-1,I1,CLINIC,X,US,ter-a\ninst-2,I2,CLINIC,Y,DE,ter-b\n',
      'hcps.csv':
        'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email\n' +
        'hcp-1,Ann,Lee,Onc,inst-1,ter-a,ta-1;ta-2,ann@x.org\n' +
        'hcp-2,Bo,Kim,Card,inst-1,ter-a,ta-2,bo@x.org\n',
      'hcp_links.csv': 'sourceId,targetId,type,weight\nhcp-1,hcp-2,COAUTHOR,0.5\nhcp-1,hcp-2,REFERRAL,0.4\n',
      'msls.csv': 'id,firstName,lastName,email,territoryId,therapeuticAreaIds\nmsl-1,Mia,Ray,m@p.example,ter-a,ta-1\n',
      'msl_relationships.csv': 'mslId,hcpId,strength,since\nmsl-1,hcp-1,0.5,2024-01-01\nmsl-1,hcp-2,0.6,2024-01-01\n',
    });
    await importFolder(db, v1);
    // Another module adjusts a relationship's strength; a re-import of the same value keeps it.
    await db.write("MATCH (:MSL {id: 'msl-1'})-[k:KNOWS]->(:HCP {id: 'hcp-2'}) SET k.strength = 0.9");

    const v2 = folder({
      'hcps.csv':
        'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email\n' +
        'hcp-1,Ann,Lee,Onc,inst-2,ter-b,ta-3;ta-2,\n' + // moves, changes areas, loses the email
        'hcp-2,Bo,Kim,Card,inst-1,ter-a,ta-2,bo@x.org\n', // unchanged
      'hcp_links.csv': 'sourceId,targetId,type,weight\nhcp-2,hcp-1,COAUTHOR,0.7\nhcp-1,hcp-2,REFERRAL,0.4\n',
      'msl_relationships.csv': 'mslId,hcpId,strength,since\nmsl-1,hcp-1,0.8,2024-01-01\nmsl-1,hcp-2,0.6,2024-01-01\n',
      'institutions.csv': 'id,name,type,city,country,territoryId\ninst-1,I1,CLINIC,X,US,\n', // loses its territory
    });
    const summary = await importFolder(db, v2);
    expect(fileSummary(summary, 'hcps.csv')).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    expect(fileSummary(summary, 'hcp_links.csv')).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    expect(fileSummary(summary, 'msl_relationships.csv')).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    expect(fileSummary(summary, 'institutions.csv')).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0 });

    const [ann] = await db.read(
      `MATCH (h:HCP {id: 'hcp-1'})
       RETURN h.email AS email, [(h)-[:AFFILIATED_WITH]->(i) | i.id] AS inst, [(h)-[:IN_TERRITORY]->(t) | t.id] AS ter,
              [(h)-[:SPECIALIZES_IN]->(a) | a.id] AS areas`,
    );
    expect({ ...ann, areas: [...(ann.areas as string[])].sort() }).toEqual({
      email: null,
      inst: ['inst-2'],
      ter: ['ter-b'],
      areas: ['ta-2', 'ta-3'],
    });
    const [inst] = await db.read("MATCH (i:Institution {id: 'inst-1'}) RETURN [(i)-[:IN_TERRITORY]->(t) | t.id] AS ter");
    expect(inst).toEqual({ ter: [] });
    const links = await db.read(
      'MATCH (a:HCP)-[r:COAUTHOR|REFERRAL]->(b:HCP) RETURN a.id AS a, b.id AS b, type(r) AS t, r.weight AS w ORDER BY t',
    );
    expect(links).toEqual([
      { a: 'hcp-1', b: 'hcp-2', t: 'COAUTHOR', w: 0.7 },
      { a: 'hcp-1', b: 'hcp-2', t: 'REFERRAL', w: 0.4 },
    ]);
    const knows = await db.read('MATCH (:MSL)-[k:KNOWS]->(h:HCP) RETURN h.id AS h, k.strength AS s, k.baseStrength AS b ORDER BY h');
    expect(knows).toEqual([
      { h: 'hcp-1', s: 0.8, b: 0.8 },
      { h: 'hcp-2', s: 0.9, b: 0.6 },
    ]);
    expect(await duplicateRelationships()).toBe(0);
  });

  it('keeps a stored preferredChannel when the file has no such column; an empty cell removes it', async () => {
    await importFolder(db, KARATE);
    await db.write("MATCH (h:HCP {id: 'hcp-k01'}) SET h.preferredChannel = 'EMAIL'");
    const again = await importFolder(db, KARATE);
    expect(fileSummary(again, 'hcps.csv')).toMatchObject({ updated: 0, unchanged: 34 });
    const channel = async () => (await db.read<{ c: string | null }>("MATCH (h:HCP {id: 'hcp-k01'}) RETURN h.preferredChannel AS c"))[0].c;
    expect(await channel()).toBe('EMAIL');
    const header = 'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email,preferredChannel\n';
    await importFolder(db, folder({ 'hcps.csv': `${header}hcp-k01,Member,1,Karate,,,,,PHONE\n` }));
    expect(await channel()).toBe('PHONE');
    await importFolder(db, folder({ 'hcps.csv': `${header}hcp-k01,Member,1,Karate,,,,,\n` }));
    expect(await channel()).toBeNull();
  });

  it('does not duplicate a symmetric link created by hand the other way', async () => {
    await importFolder(
      db,
      folder({
        'hcps.csv': 'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email\nhcp-1,A,B,,,,,\nhcp-2,C,D,,,,,\n',
      }),
    );
    await db.write("MATCH (a:HCP {id: 'hcp-2'}), (b:HCP {id: 'hcp-1'}) CREATE (a)-[:MENTOR {weight: 0.2}]->(b)");
    const summary = await importFolder(
      db,
      folder({ 'hcp_links.csv': 'sourceId,targetId,type,weight\nhcp-1,hcp-2,MENTOR,0.9\nhcp-2,hcp-1,REFERRAL,0.3\n' }),
    );
    expect(fileSummary(summary, 'hcp_links.csv')).toEqual({ rows: 2, created: 1, updated: 1, unchanged: 0 });
    const rows = await db.read('MATCH (a:HCP)-[r]->(b:HCP) RETURN a.id AS a, b.id AS b, type(r) AS t, r.weight AS w ORDER BY t');
    expect(rows).toEqual([
      { a: 'hcp-2', b: 'hcp-1', t: 'MENTOR', w: 0.9 },
      { a: 'hcp-2', b: 'hcp-1', t: 'REFERRAL', w: 0.3 },
    ]);
  });

  it('sets lastContact to the latest interaction, never earlier, and creates no relationship for contacts', async () => {
    const base = {
      'hcps.csv': 'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email\nhcp-1,A,B,,,,,\nhcp-2,C,D,,,,,\n',
      'msls.csv': 'id,firstName,lastName,email,territoryId,therapeuticAreaIds\nmsl-1,M,S,,,\n',
      'msl_relationships.csv': 'mslId,hcpId,strength,since\nmsl-1,hcp-1,0.5,2024-01-01\n',
      'interactions.csv':
        'id,mslId,hcpId,date,channel,topic,sentiment,notes\n' +
        'i-1,msl-1,hcp-1,2025-03-01,EMAIL,,NEUTRAL,\n' +
        'i-2,msl-1,hcp-1,2025-04-15T10:00:00Z,IN_PERSON,,POSITIVE,\n' +
        'i-3,msl-1,hcp-2,2025-05-01,PHONE,,NEUTRAL,\n',
    };
    await importFolder(db, folder(base));
    const lastContact = async () =>
      (await db.read<{ d: string }>('MATCH (:MSL)-[k:KNOWS]->(:HCP) RETURN toString(k.lastContact) AS d'))[0].d;
    expect(await lastContact()).toBe('2025-04-15');
    expect((await graphCounts())[':KNOWS']).toBe(1);

    await importFolder(
      db,
      folder({ 'interactions.csv': 'id,mslId,hcpId,date,channel,topic,sentiment,notes\ni-4,msl-1,hcp-1,2024-06-01,EMAIL,,NEUTRAL,\n' }),
    );
    expect(await lastContact()).toBe('2025-04-15');
    await importFolder(
      db,
      folder({ 'interactions.csv': 'id,mslId,hcpId,date,channel,topic,sentiment,notes\ni-5,msl-1,hcp-1,2025-06-02,VIRTUAL,,NEGATIVE,\n' }),
    );
    expect(await lastContact()).toBe('2025-06-02');

    // A relationship imported after the interactions picks up their latest date.
    await importFolder(db, folder({ 'msl_relationships.csv': 'mslId,hcpId,strength,since\nmsl-1,hcp-2,0.4,\n' }));
    const [k2] = await db.read("MATCH (:MSL)-[k:KNOWS]->(:HCP {id: 'hcp-2'}) RETURN toString(k.lastContact) AS d, k.since AS since");
    expect(k2).toEqual({ d: '2025-05-01', since: null });
  });

  it('resolves references to records of a previous import', async () => {
    await importFolder(db, NETWORK_400);
    const summary = await importFolder(
      db,
      folder({
        'hcp_links.csv': 'sourceId,targetId,type,weight\nhcp-00001,hcp-00399,MENTOR,0.25\n',
        'interactions.csv':
          'id,mslId,hcpId,date,channel,topic,sentiment,notes\nint-new,msl-000,hcp-00399,2025-06-01,CONGRESS,new data,POSITIVE,"met at ""ASCO"", booth 4"\n',
        'publications.csv': 'id,title,year,journal,therapeuticAreaId\npub-1,A title,2024,Journal,ta-onc\n',
        'authorships.csv': 'publicationId,hcpId,position\npub-1,hcp-00001,1\npub-1,hcp-00399,2\n',
        'trials.csv': 'id,title,phase,status,therapeuticAreaId\ntrial-1,T,Phase 2,RECRUITING,ta-card\n',
        'trial_investigators.csv': 'trialId,hcpId,role\ntrial-1,hcp-00001,PRINCIPAL\n',
      }),
    );
    expect(summary.created).toBe(1 + 1 + 1 + 2 + 1 + 1);
    const [row] = await db.read(
      `MATCH (:HCP {id: 'hcp-00001'})-[a:AUTHORED]->(p:Publication {id: 'pub-1'})-[:IN_AREA]->(t:TherapeuticArea),
             (:HCP {id: 'hcp-00001'})-[r:INVESTIGATOR_ON]->(c:ClinicalTrial)-[:IN_AREA]->(ct:TherapeuticArea),
             (:MSL {id: 'msl-000'})-[:LOGGED]->(i:Interaction {id: 'int-new'})-[:WITH]->(:HCP {id: 'hcp-00399'})
       RETURN a.position AS position, p.year AS year, t.id AS area, r.role AS role, c.phase AS phase, ct.id AS trialArea, i.notes AS notes`,
    );
    expect(row).toEqual({
      position: 1,
      year: 2024,
      area: 'ta-onc',
      role: 'PRINCIPAL',
      phase: 'Phase 2',
      trialArea: 'ta-card',
      notes: 'met at "ASCO", booth 4',
    });
  });
});

describe('nothing is written when anything is wrong', () => {
  it('writes nothing when one file of the folder is invalid (every problem reported)', async () => {
    await importFolder(db, NETWORK_400);
    const before = await graphCounts();
    const dir = folder({
      'territories.csv': 'id,name,region\nter-new,New,EU\n',
      'hcps.csv': 'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email\nhcp-new,A,B,,inst-404,ter-new,,\n',
      'hcp_links.csv':
        'sourceId,targetId,type,weight\nhcp-new,hcp-00001,COAUTHOR,1.2\nhcp-00001,hcp-00002,BEST_FRIEND,0.5\nhcp-00003,hcp-00003,COLLEAGUE,0.5\n',
      'interactions.csv': 'id,mslId,hcpId,date,channel,topic,sentiment,notes\nint-x,msl-000,hcp-00001,2025-02-30,EMAIL,,POSITIVE,\n',
      'msls.csv': 'id,firstName,lastName,email,territoryId,therapeuticAreaIds\nmsl-000,Someone,Else,,ter-ne,ta-onc\n',
    });
    const error = await expectInvalid(dir, /nothing was written/);
    expect(error.issues.map((i) => `${i.file}:${i.line}`)).toEqual([
      'hcps.csv:2',
      'hcp_links.csv:2',
      'hcp_links.csv:3',
      'hcp_links.csv:4',
      'interactions.csv:2',
    ]);
    expect(error.message).toContain('hcps.csv:2: unknown institution "inst-404" in institutionId');
    expect(error.message).toContain('hcp_links.csv:2: weight 1.2 is out of range (0, 1]');
    expect(error.message).toContain('interactions.csv:2: date "2025-02-30" is not a valid ISO 8601 date');
    expect(await graphCounts()).toEqual(before);
    expect(await version()).toBe(1);
  });

  it('writes nothing into an empty database either', async () => {
    await expectInvalid(
      folder({ 'territories.csv': 'id,name,region\nter-a,A,US\nter-a,B,US\n' }),
      /territories.csv:3: duplicate id "ter-a" with different data \(first at line 2\)/,
    );
    expect(await graphCounts()).toEqual({});
  });

  it('writes nothing on a dry run, yet reports what it would do', async () => {
    const summary = await importFolder(db, NETWORK_400, { dryRun: true });
    expect(summary.created).toBe(summary.rows);
    expect(await graphCounts()).toEqual({});
  });

  it('rolls the whole import back when the write fails half-way', async () => {
    await importFolder(db, KARATE);
    const before = await graphCounts();
    let failed = false;
    const error = await importFolder(db, NETWORK_400, {
      batchSize: 100,
      onProgress: (p) => {
        // Fail after the HCPs and part of the links have been written, inside the transaction.
        if (p.phase === 'write' && p.file === 'hcp_links.csv' && p.done >= 500) {
          failed = true;
          throw new Error('simulated failure');
        }
      },
    }).catch((e: Error) => e);
    expect(failed).toBe(true);
    expect((error as Error).message).toBe('simulated failure');
    expect(await graphCounts()).toEqual(before);
    expect(await version()).toBe(1);
  });
});

describe('export', () => {
  it('reproduces the records of network-400, and export -> import -> export is byte-identical', async () => {
    await importFolder(db, NETWORK_400);
    const first = path.join(tmp, 'export-1');
    const files = await exportFolder(db, first);
    expect(files.map((f) => f.file)).toEqual(FILES.map((f) => f.file));
    expect(files.find((f) => f.file === 'hcp_links.csv')?.rows).toBe(1808);

    const source = await validateFolder(NETWORK_400, noExistingIds);
    const exported = await validateFolder(first, noExistingIds);
    expect(sorted(exported.data)).toEqual(sorted(source.data));

    await resetDatabase(db);
    await importFolder(db, first);
    const second = path.join(tmp, 'export-2');
    await exportFolder(db, second);
    for (const spec of FILES) {
      expect(fs.readFileSync(path.join(second, spec.file), 'utf8')).toBe(fs.readFileSync(path.join(first, spec.file), 'utf8'));
    }
  });

  it('round-trips a generated network with every kind of record', async () => {
    const data = generateNetwork({ hcps: 600, seed: 9 });
    await importNetwork(db, data);
    const first = path.join(tmp, 'gen-export-1');
    await exportFolder(db, first);
    const exported = await validateFolder(first, noExistingIds);
    expect(sorted(exported.data)).toEqual(sorted(data));

    // The generator's own CSV (another order) imports to the same graph.
    await resetDatabase(db);
    const generated = path.join(tmp, 'gen-csv');
    writeNetworkCsv(data, generated);
    await importFolder(db, generated);
    const second = path.join(tmp, 'gen-export-2');
    await exportFolder(db, second);
    for (const spec of FILES) {
      expect(fs.readFileSync(path.join(second, spec.file), 'utf8')).toBe(fs.readFileSync(path.join(first, spec.file), 'utf8'));
    }
    expect(networkToCsv(exported.data)['hcps.csv'].split('\n')[0]).toBe(
      'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email,preferredChannel',
    );
  });
});

describe('command line', () => {
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/import', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('imports a folder, prints a summary and exits 0; exports it again', () => {
    const result = run('cli.ts', ['--dir', KARATE]);
    expect(result.stderr).not.toMatch(/failed/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/hcps\.csv\s+34\s+34\s+0\s+0/);
    expect(result.stdout).toMatch(/rows\/s/);

    const out = path.join(tmp, 'cli-export');
    const exported = run('export-cli.ts', ['--dir', out]);
    expect(exported.status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'hcp_links.csv'), 'utf8').split('\n')).toHaveLength(78 + 2);
  });

  it('exits 1 with the error list and writes nothing on invalid input', async () => {
    const dir = folder({ 'hcp_links.csv': 'sourceId,targetId,type,weight\nhcp-1,hcp-2,COAUTHOR,0.5\n' });
    const result = run('cli.ts', ['--dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('hcp_links.csv:2: unknown HCP "hcp-1" in sourceId');
    expect(result.stderr).toContain('nothing was written');
    expect(await graphCounts()).toEqual({});
  });

  it('exits 2 with usage on bad arguments', () => {
    const result = run('cli.ts', ['--folder', 'x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/usage: npm run import -- --dir <folder>/);
  });
});
