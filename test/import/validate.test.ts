import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NodeLabel } from '../../src/import/records';
import {
  ExistingIdsLookup,
  ImportIssue,
  ImportValidationError,
  formatIssues,
  noExistingIds,
  parseIsoDate,
  validateFolder,
  validateTexts,
} from '../../src/import/validate';
import { KARATE, NETWORK_400 } from '../support/fixtures';

const TERRITORIES = 'id,name,region\nter-a,Alpha,US\nter-b,Beta,EU\n';
const AREAS = 'id,name\nta-1,Oncology\nta-2,Cardiology\n';
const INSTITUTIONS = 'id,name,type,city,country,territoryId\ninst-1,Alpha Hospital,CLINIC,Boston,US,ter-a\n';
const HCPS =
  'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email\n' +
  'hcp-1,Ann,Lee,Oncology,inst-1,ter-a,ta-2;ta-1,ann@example.org\n' +
  'hcp-2,Bo,Kim,,,,,\n' +
  'hcp-3,Cy,Ng,Cardiology,inst-1,ter-b,ta-2,\n';
const MSLS = 'id,firstName,lastName,email,territoryId,therapeuticAreaIds\nmsl-1,Mia,Ray,mia@pharma.example,ter-a,ta-1\n';

const base = (): Record<string, string> => ({
  'territories.csv': TERRITORIES,
  'therapeutic_areas.csv': AREAS,
  'institutions.csv': INSTITUTIONS,
  'hcps.csv': HCPS,
  'msls.csv': MSLS,
});

async function issuesOf(files: Record<string, string>, lookup: ExistingIdsLookup = noExistingIds): Promise<ImportIssue[]> {
  try {
    await validateTexts(files, lookup);
  } catch (error) {
    if (error instanceof ImportValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the import to be invalid');
}

async function messagesOf(files: Record<string, string>, lookup?: ExistingIdsLookup): Promise<string[]> {
  return (await issuesOf(files, lookup)).map((i) => `${i.file}:${i.line}: ${i.reason}`);
}

describe('validation of valid input', () => {
  it('normalizes records: trimmed ids, sorted lists, empty optional cells as null', async () => {
    const { data, files, rows } = await validateTexts({
      ...base(),
      'hcps.csv':
        'email,id,lastName,firstName,specialty,institutionId,territoryId,therapeuticAreaIds,extra\n' +
        'ann@example.org, hcp-1 ,Lee,Ann,Oncology, inst-1 ,ter-a, ta-2 ; ta-1 ;ta-2,ignored\n' +
        ',hcp-2,Kim,Bo,,,,,x\n',
    });
    expect(data.hcps).toEqual([
      {
        id: 'hcp-1',
        firstName: 'Ann',
        lastName: 'Lee',
        specialty: 'Oncology',
        institutionId: 'inst-1',
        territoryId: 'ter-a',
        therapeuticAreaIds: ['ta-1', 'ta-2'],
        email: 'ann@example.org',
      },
      {
        id: 'hcp-2',
        firstName: 'Bo',
        lastName: 'Kim',
        specialty: null,
        institutionId: null,
        territoryId: null,
        therapeuticAreaIds: [],
        email: null,
      },
    ]);
    // No preferredChannel column: undefined (a re-import keeps the stored value), not null.
    expect(data.hcps[0]).toHaveProperty('preferredChannel', undefined);
    expect(files.map((f) => f.file)).toEqual(['territories.csv', 'therapeutic_areas.csv', 'institutions.csv', 'hcps.csv', 'msls.csv']);
    expect(rows).toBe(2 + 2 + 1 + 2 + 1);
  });

  it('reads the optional preferredChannel column', async () => {
    const { data } = await validateTexts({
      ...base(),
      'hcps.csv':
        'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email,preferredChannel\nhcp-1,A,B,,,,,,VIRTUAL\nhcp-2,C,D,,,,,,\n',
    });
    expect(data.hcps.map((h) => h.preferredChannel)).toEqual(['VIRTUAL', null]);
  });

  it('stores symmetric links once in canonical direction; REFERRAL keeps its direction', async () => {
    const { data } = await validateTexts({
      ...base(),
      'hcp_links.csv':
        'sourceId,targetId,type,weight\n' +
        'hcp-2,hcp-1,COAUTHOR,0.5\n' +
        'hcp-1,hcp-2,COAUTHOR,0.5\n' + // the same link the other way
        'hcp-2,hcp-1,COAUTHOR,.5\n' + // and the same again
        'hcp-1,hcp-2,MENTOR,1\n' + // another type on the same pair: another link
        'hcp-2,hcp-1,REFERRAL,0.3\n' +
        'hcp-1,hcp-2,REFERRAL,0.4\n', // the opposite referral is a different link
    });
    expect(data.hcpLinks).toEqual([
      { sourceId: 'hcp-1', targetId: 'hcp-2', type: 'COAUTHOR', weight: 0.5 },
      { sourceId: 'hcp-1', targetId: 'hcp-2', type: 'MENTOR', weight: 1 },
      { sourceId: 'hcp-2', targetId: 'hcp-1', type: 'REFERRAL', weight: 0.3 },
      { sourceId: 'hcp-1', targetId: 'hcp-2', type: 'REFERRAL', weight: 0.4 },
    ]);
  });

  it('merges identical duplicate rows', async () => {
    const { data, files } = await validateTexts({
      ...base(),
      'territories.csv': TERRITORIES + 'ter-a,Alpha,US\n',
      'hcps.csv': HCPS + 'hcp-1,Ann,Lee,Oncology,inst-1,ter-a,ta-1;ta-2,ann@example.org\n', // same list, other order
    });
    expect(data.territories).toHaveLength(2);
    expect(data.hcps).toHaveLength(3);
    expect(files.find((f) => f.file === 'hcps.csv')).toMatchObject({ rows: 4, records: 3 });
  });

  it('accepts ISO dates and date-times, keeping the date', async () => {
    const { data } = await validateTexts({
      ...base(),
      'msl_relationships.csv': 'mslId,hcpId,strength,since\nmsl-1,hcp-1,0.7,2024-02-29\nmsl-1,hcp-2,1,\n',
      'interactions.csv':
        'id,mslId,hcpId,date,channel,topic,sentiment,notes\n' +
        'int-1,msl-1,hcp-1,2025-03-05T14:30:00Z,IN_PERSON,dosing,POSITIVE,"Asked about ""X"", and Y"\n' +
        'int-2,msl-1,hcp-2,2025-03-06T09:15:00.123+01:00,EMAIL,,NEUTRAL,\n' +
        'int-3,msl-1,hcp-2,2025-03-07 10:00,CONGRESS, spaced topic ,NEGATIVE,"two\nlines"\n',
    });
    expect(data.mslRelationships).toEqual([
      { mslId: 'msl-1', hcpId: 'hcp-1', strength: 0.7, since: '2024-02-29' },
      { mslId: 'msl-1', hcpId: 'hcp-2', strength: 1, since: null },
    ]);
    expect(data.interactions.map((i) => [i.date, i.topic, i.notes])).toEqual([
      ['2025-03-05', 'dosing', 'Asked about "X", and Y'],
      ['2025-03-06', null, null],
      ['2025-03-07', ' spaced topic ', 'two\nlines'],
    ]);
  });

  it('parses publications, authorships, trials and investigators', async () => {
    const { data } = await validateTexts({
      ...base(),
      'publications.csv': 'id,title,year,journal,therapeuticAreaId\npub-1,"Outcomes, revisited",2021,Lancet,ta-1\npub-2,Notes,,,\n',
      'authorships.csv': 'publicationId,hcpId,position\npub-1,hcp-1,1\npub-1,hcp-2,2\n',
      'trials.csv': 'id,title,phase,status,therapeuticAreaId\ntrial-1,ALPHA,Phase 3,RECRUITING,ta-2\n',
      'trial_investigators.csv': 'trialId,hcpId,role\ntrial-1,hcp-1,PRINCIPAL\ntrial-1,hcp-3,SUB\n',
    });
    expect(data.publications).toEqual([
      { id: 'pub-1', title: 'Outcomes, revisited', year: 2021, journal: 'Lancet', therapeuticAreaId: 'ta-1' },
      { id: 'pub-2', title: 'Notes', year: null, journal: null, therapeuticAreaId: null },
    ]);
    expect(data.authorships).toEqual([
      { publicationId: 'pub-1', hcpId: 'hcp-1', position: 1 },
      { publicationId: 'pub-1', hcpId: 'hcp-2', position: 2 },
    ]);
    expect(data.trials[0]).toEqual({ id: 'trial-1', title: 'ALPHA', phase: 'Phase 3', status: 'RECRUITING', therapeuticAreaId: 'ta-2' });
    expect(data.trialInvestigators.map((t) => t.role)).toEqual(['PRINCIPAL', 'SUB']);
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2025-01-28', '2025-01-28'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2025-01-28T10:00:00Z', '2025-01-28'],
    ['2025-01-28T10:00', '2025-01-28'],
    ['2025-01-28T23:59:59.999-05:00', '2025-01-28'],
  ])('accepts %s', (text, date) => expect(parseIsoDate(text)).toBe(date));

  it.each([
    '2025-02-30',
    '2023-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-5',
    '28/01/2025',
    '2025-01-28T24:00',
    '2025-01-28T10:60',
    'yesterday',
    '20250128',
  ])('rejects %s', (text) => expect(parseIsoDate(text)).toBeNull());
});

describe('validation errors (file:line: reason, all of them)', () => {
  it('reports a missing header column and an empty file', async () => {
    const messages = await messagesOf({
      ...base(),
      'hcps.csv': 'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds\nhcp-1,A,B,,,,\n',
      'publications.csv': '',
    });
    expect(messages).toEqual([
      'hcps.csv:1: header is missing column email (expected id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email)',
      'publications.csv:1: missing header row (the file is empty)',
    ]);
  });

  it('reports rows with a wrong number of fields', async () => {
    expect(await messagesOf({ ...base(), 'territories.csv': 'id,name,region\nter-a,Alpha\nter-b,Beta,EU,extra\n' })).toEqual([
      'territories.csv:2: has 2 fields, the header has 3',
      'territories.csv:3: has 4 fields, the header has 3',
    ]);
  });

  it('reports unknown enum values', async () => {
    const messages = await messagesOf({
      ...base(),
      'hcps.csv':
        'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email,preferredChannel\nhcp-1,A,B,,,,,,FAX\nhcp-2,C,D,,,,,,\n',
      'hcp_links.csv': 'sourceId,targetId,type,weight\nhcp-1,hcp-2,FRIEND,0.5\nhcp-1,hcp-2,coauthor,0.5\n',
      'interactions.csv': 'id,mslId,hcpId,date,channel,topic,sentiment,notes\nint-1,msl-1,hcp-1,2025-01-01,SMOKE_SIGNAL,,HAPPY,\n',
      'trials.csv': 'id,title,phase,status,therapeuticAreaId\ntrial-1,T,,,\n',
      'trial_investigators.csv': 'trialId,hcpId,role\ntrial-1,hcp-1,CHIEF\ntrial-1,hcp-2,\n',
    });
    expect(messages).toEqual([
      'hcps.csv:2: unknown preferredChannel "FAX" (expected one of IN_PERSON, VIRTUAL, EMAIL, PHONE, CONGRESS)',
      'hcp_links.csv:2: unknown type "FRIEND" (expected one of COAUTHOR, CO_INVESTIGATOR, COLLEAGUE, MENTOR, REFERRAL)',
      'hcp_links.csv:3: unknown type "coauthor" (expected one of COAUTHOR, CO_INVESTIGATOR, COLLEAGUE, MENTOR, REFERRAL)',
      'interactions.csv:2: unknown channel "SMOKE_SIGNAL" (expected one of IN_PERSON, VIRTUAL, EMAIL, PHONE, CONGRESS)',
      'interactions.csv:2: unknown sentiment "HAPPY" (expected one of POSITIVE, NEUTRAL, NEGATIVE)',
      'trial_investigators.csv:2: unknown role "CHIEF" (expected one of PRINCIPAL, SUB)',
      'trial_investigators.csv:3: role is empty (expected one of PRINCIPAL, SUB)',
    ]);
  });

  it('reports weights and strengths outside (0, 1] and non-numbers', async () => {
    const messages = await messagesOf({
      ...base(),
      'hcp_links.csv':
        'sourceId,targetId,type,weight\n' +
        'hcp-1,hcp-2,COAUTHOR,0\n' +
        'hcp-1,hcp-2,MENTOR,1.5\n' +
        'hcp-1,hcp-2,COLLEAGUE,-0.2\n' +
        'hcp-1,hcp-2,REFERRAL,heavy\n' +
        'hcp-1,hcp-3,COAUTHOR,\n' +
        'hcp-1,hcp-3,MENTOR,1\n' +
        'hcp-1,hcp-3,COLLEAGUE,1e-3\n',
      'msl_relationships.csv': 'mslId,hcpId,strength,since\nmsl-1,hcp-1,1.01,2024-01-01\n',
    });
    expect(messages).toEqual([
      'hcp_links.csv:2: weight 0 is out of range (0, 1]',
      'hcp_links.csv:3: weight 1.5 is out of range (0, 1]',
      'hcp_links.csv:4: weight -0.2 is out of range (0, 1]',
      'hcp_links.csv:5: weight "heavy" is not a number',
      'hcp_links.csv:6: weight is empty (expected a number in (0, 1])',
      'msl_relationships.csv:2: strength 1.01 is out of range (0, 1]',
    ]);
  });

  it('reports malformed dates', async () => {
    const messages = await messagesOf({
      ...base(),
      'msl_relationships.csv': 'mslId,hcpId,strength,since\nmsl-1,hcp-1,0.5,2025-02-30\n',
      'interactions.csv':
        'id,mslId,hcpId,date,channel,topic,sentiment,notes\nint-1,msl-1,hcp-1,03/05/2025,EMAIL,,POSITIVE,\nint-2,msl-1,hcp-1,,EMAIL,,POSITIVE,\n',
    });
    expect(messages).toEqual([
      'msl_relationships.csv:2: since "2025-02-30" is not a valid ISO 8601 date (YYYY-MM-DD or date-time)',
      'interactions.csv:2: date "03/05/2025" is not a valid ISO 8601 date (YYYY-MM-DD or date-time)',
      'interactions.csv:3: date is empty (expected an ISO 8601 date)',
    ]);
  });

  it('reports empty required ids and names, bad integers', async () => {
    const messages = await messagesOf({
      ...base(),
      'territories.csv': TERRITORIES + ',Nowhere,US\nter-x,,US\n',
      'publications.csv': 'id,title,year,journal,therapeuticAreaId\npub-1,T,2021.5,,\n',
      'authorships.csv': 'publicationId,hcpId,position\npub-1,hcp-1,0\npub-1,,1\n',
    });
    expect(messages).toEqual([
      'territories.csv:4: id is empty',
      'territories.csv:5: name is empty',
      'publications.csv:2: year "2021.5" is not an integer',
      'authorships.csv:2: position 0 must be at least 1',
      'authorships.csv:3: hcpId is empty',
    ]);
  });

  it('reports duplicate ids with different data, naming the first line', async () => {
    const messages = await messagesOf({
      ...base(),
      'hcps.csv': HCPS + 'hcp-1,Ann,Lee-Smith,Oncology,inst-1,ter-a,ta-1;ta-2,ann@example.org\n',
      'msls.csv': MSLS + 'msl-1,Mia,Ray,mia@pharma.example,ter-b,ta-1\n',
    });
    expect(messages).toEqual([
      'hcps.csv:5: duplicate id "hcp-1" with different data (first at line 2)',
      'msls.csv:3: duplicate id "msl-1" with different data (first at line 2)',
    ]);
  });

  it('reports self-links and one link given twice with different weights', async () => {
    const messages = await messagesOf({
      ...base(),
      'hcp_links.csv':
        'sourceId,targetId,type,weight\n' +
        'hcp-1,hcp-1,COLLEAGUE,0.5\n' +
        'hcp-1,hcp-2,COAUTHOR,0.5\n' +
        'hcp-2,hcp-1,COAUTHOR,0.6\n' +
        'hcp-3,hcp-2,REFERRAL,0.5\n' +
        'hcp-3,hcp-2,REFERRAL,0.7\n',
    });
    expect(messages).toEqual([
      'hcp_links.csv:2: self-link: hcp-1 links to itself',
      'hcp_links.csv:4: COAUTHOR link hcp-2 -- hcp-1 given again with a different weight (0.6; line 3 has 0.5)',
      'hcp_links.csv:6: REFERRAL link hcp-3 -> hcp-2 given again with a different weight (0.7; line 5 has 0.5)',
    ]);
  });

  it('reports conflicting duplicates of relationship rows', async () => {
    const messages = await messagesOf({
      ...base(),
      'msl_relationships.csv':
        'mslId,hcpId,strength,since\nmsl-1,hcp-1,0.5,2024-01-01\nmsl-1,hcp-1,0.5,2024-01-01\nmsl-1,hcp-1,0.6,2024-01-01\n',
      'publications.csv': 'id,title,year,journal,therapeuticAreaId\npub-1,T,,,\n',
      'authorships.csv': 'publicationId,hcpId,position\npub-1,hcp-1,1\npub-1,hcp-1,2\n',
      'trials.csv': 'id,title,phase,status,therapeuticAreaId\ntrial-1,T,,,\n',
      'trial_investigators.csv': 'trialId,hcpId,role\ntrial-1,hcp-1,SUB\ntrial-1,hcp-1,PRINCIPAL\n',
    });
    expect(messages).toEqual([
      'msl_relationships.csv:4: relationship msl-1 -> hcp-1 given again with different data (first at line 2)',
      'authorships.csv:3: authorship of hcp-1 on pub-1 given again with a different position (first at line 2)',
      'trial_investigators.csv:3: investigator hcp-1 on trial-1 given again with a different role (first at line 2)',
    ]);
  });

  it('reports unknown references, in lists too, and accepts empty ones', async () => {
    const messages = await messagesOf({
      ...base(),
      'hcps.csv':
        'id,firstName,lastName,specialty,institutionId,territoryId,therapeuticAreaIds,email\n' +
        'hcp-1,A,B,,inst-404,ter-a,ta-1;ta-404,\n' +
        'hcp-2,C,D,,,,,\n',
      'hcp_links.csv': 'sourceId,targetId,type,weight\nhcp-1,hcp-9,COAUTHOR,0.5\n',
      'interactions.csv': 'id,mslId,hcpId,date,channel,topic,sentiment,notes\nint-1,msl-9,hcp-2,2025-01-01,PHONE,,NEUTRAL,\n',
    });
    const suffix = '(not in this import nor in the database)';
    expect(messages).toEqual([
      `hcps.csv:2: unknown institution "inst-404" in institutionId ${suffix}`,
      `hcps.csv:2: unknown therapeutic area "ta-404" in therapeuticAreaIds ${suffix}`,
      `hcp_links.csv:2: unknown HCP "hcp-9" in targetId ${suffix}`,
      `interactions.csv:2: unknown MSL "msl-9" in mslId ${suffix}`,
    ]);
  });

  it('resolves references to the database with one lookup per label, for missing ids only', async () => {
    const calls: [NodeLabel, string[]][] = [];
    const lookup: ExistingIdsLookup = async (label, ids) => {
      calls.push([label, ids]);
      return new Set(ids.filter((id) => id.startsWith('db-')));
    };
    const { data } = await validateTexts(
      {
        'hcp_links.csv': 'sourceId,targetId,type,weight\ndb-hcp-1,db-hcp-2,COAUTHOR,0.5\ndb-hcp-2,db-hcp-3,REFERRAL,0.5\n',
        'msl_relationships.csv': 'mslId,hcpId,strength,since\ndb-msl-1,db-hcp-1,0.5,\n',
      },
      lookup,
    );
    expect(data.hcpLinks).toHaveLength(2);
    expect(calls.sort()).toEqual([
      ['HCP', ['db-hcp-1', 'db-hcp-2', 'db-hcp-3']],
      ['MSL', ['db-msl-1']],
    ]);

    const messages = await messagesOf({ 'hcp_links.csv': 'sourceId,targetId,type,weight\ndb-hcp-1,gone,COAUTHOR,0.5\n' }, lookup);
    expect(messages).toEqual(['hcp_links.csv:2: unknown HCP "gone" in targetId (not in this import nor in the database)']);
  });

  it('reports problems on the physical line after multi-line quoted fields', async () => {
    const messages = await messagesOf({
      ...base(),
      'interactions.csv':
        'id,mslId,hcpId,date,channel,topic,sentiment,notes\n' +
        'int-1,msl-1,hcp-1,2025-01-01,PHONE,,NEUTRAL,"line 1\nline 2\nline 3"\n' +
        'int-2,msl-1,hcp-1,2025-01-01,PIGEON,,NEUTRAL,\n',
    });
    expect(messages).toEqual(['interactions.csv:5: unknown channel "PIGEON" (expected one of IN_PERSON, VIRTUAL, EMAIL, PHONE, CONGRESS)']);
  });

  it('reports CSV syntax errors with their line', async () => {
    expect(await messagesOf({ ...base(), 'territories.csv': 'id,name,region\nter-z,"Zed,US\n' })).toEqual([
      'territories.csv:2: unterminated quoted field',
    ]);
  });

  it('collects every problem of every file, ordered by file then line', async () => {
    const bad = Array.from({ length: 60 }, (_, i) => `hcp-${i},hcp-${i},COAUTHOR,2`).join('\n');
    const issues = await issuesOf({
      ...base(),
      'hcp_links.csv': `sourceId,targetId,type,weight\n${bad}\n`,
      'territories.csv': 'id,name,region\nter-a,,US\nter-b,B,EU\n',
    });
    expect(issues).toHaveLength(1 + 120);
    expect(issues[0]).toEqual({ file: 'territories.csv', line: 2, reason: 'name is empty' });
    expect(issues.slice(1).map((i) => i.line)).toEqual(Array.from({ length: 60 }, (_, i) => [i + 2, i + 2]).flat());

    const text = formatIssues(issues);
    const lines = text.split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe('territories.csv:2: name is empty');
    expect(lines[50]).toBe('... and 71 more');
  });

  it('puts the issue list in the error message', async () => {
    await expect(validateTexts({ 'territories.csv': 'id,name,region\n,A,B\n' })).rejects.toThrow(
      /the import is invalid \(1 problem\); nothing was written:\nterritories.csv:2: id is empty/,
    );
  });
});

describe('validateFolder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the known files of a folder and ignores others', async () => {
    fs.writeFileSync(path.join(dir, 'territories.csv'), '\uFEFFid,name,region\r\nter-a,Alpha,US\r\n');
    fs.writeFileSync(path.join(dir, 'README.md'), 'not data');
    fs.writeFileSync(path.join(dir, 'other.csv'), 'garbage"');
    const progress: string[] = [];
    const result = await validateFolder(dir, noExistingIds, (p) => progress.push(`${p.file}:${p.rows}`));
    expect(result.data.territories).toEqual([{ id: 'ter-a', name: 'Alpha', region: 'US' }]);
    expect(progress).toEqual(['territories.csv:1']);
  });

  it('rejects a folder without import files, and a missing folder', async () => {
    await expect(validateFolder(dir, noExistingIds)).rejects.toThrow(/no import files found/);
    await expect(validateFolder(path.join(dir, 'nope'), noExistingIds)).rejects.toThrow(/not a readable folder/);
  });

  it('validates both fixture folders', async () => {
    const net = await validateFolder(NETWORK_400, noExistingIds);
    expect(net.data.hcps).toHaveLength(400);
    expect(net.data.msls).toHaveLength(12);
    const karate = await validateFolder(KARATE, noExistingIds);
    expect(karate.data.hcps).toHaveLength(34);
    expect(karate.data.hcpLinks).toHaveLength(78);
    expect(karate.data.hcps.every((h) => h.institutionId === null && h.territoryId === null)).toBe(true);
  });
});
