import os from 'node:os';
import { Database } from '../../src/db/database';
import { main } from '../../src/import/cli';
import { resetDatabase, testDatabase } from '../support/db';
import { KARATE } from '../support/fixtures';

/** The import CLI records who imported what, in the import's own transaction. */
let db: Database;
const saved = { ...process.env };
beforeAll(() => {
  db = testDatabase();
  Object.assign(process.env, { NEO4J_URI: process.env.TEST_NEO4J_URI, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' });
  if (saved.NEO4J_URI)
    Object.assign(process.env, { NEO4J_URI: saved.NEO4J_URI, NEO4J_USER: saved.NEO4J_USER, NEO4J_PASSWORD: saved.NEO4J_PASSWORD });
});
afterAll(async () => {
  process.env = saved;
  await db.close();
});
beforeEach(() => resetDatabase(db));

const quiet = async (argv: string[]) => {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await main(argv);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
};

const events = () =>
  db.read<{ sub: string; action: string; folder: string; rows: number; created: number; hcps: number }>(
    "MATCH (e:AuditEvent {action: 'import'}) RETURN e.sub AS sub, e.action AS action, e.folder AS folder, e.rows AS rows, e.created AS created, COUNT { MATCH (:HCP) } AS hcps",
  );

it('records the actor (--actor), the folder and the counts', async () => {
  expect(await quiet(['--dir', KARATE, '--actor', 'alice@example.org'])).toBe(0);
  const [event, ...more] = await events();
  expect(more).toEqual([]);
  expect(event).toMatchObject({ sub: 'alice@example.org', action: 'import', folder: KARATE });
  expect(event.rows).toBe(34 + 78);
  expect(event.created).toBe(34 + 78);
  expect(event.hcps).toBe(34);
});

it('defaults the actor to the OS user', async () => {
  expect(await quiet(['--dir', KARATE])).toBe(0);
  expect((await events())[0].sub).toBe(os.userInfo().username);
});

it('a dry run or a refused import leaves no record (the record is part of the transaction)', async () => {
  expect(await quiet(['--dir', KARATE, '--dry-run', '--actor', 'bob'])).toBe(0);
  expect(await events()).toEqual([]);
  expect(await quiet(['--dir', '/nonexistent-folder', '--actor', 'bob'])).not.toBe(0);
  expect(await events()).toEqual([]);
  expect(await quiet(['--dir', KARATE, '--actor', ''])).toBe(2);
  expect(await events()).toEqual([]);
});
