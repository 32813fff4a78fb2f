import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../src/db/database';
import { projectRoot } from '../src/paths';
import { resetDatabase, testDatabase } from './support/db';

/**
 * Every command the README shows is run by a test or by CI. This file holds the map (command ->
 * what runs it), fails when the README shows a command the map does not know or a script
 * package.json lacks, and runs the commands no other test runs through npm itself.
 */
const README = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const SCRIPTS = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/** Each npm command of the README and the test (or CI step) that runs it. */
const RUN_BY: Record<string, string> = {
  'npm ci': '.ci/run (in the checkout and in a fresh clone)',
  'npm test': '.ci/run (in a fresh clone with nothing beside it)',
  'npm start': 'test/http/start.test.ts',
  'npm run build': 'test/http/start.test.ts (prestart)',
  'npm run build:web': 'test/web/explorer.test.ts (buildWeb)',
  'npm run codegen': 'test/examples/client.test.ts',
  'npm run example': 'test/examples/client.test.ts',
  'npm run schema:emit': 'test/graph/schema.test.ts',
  'npm run import': 'test/readme-commands.test.ts, test/import/import.integration.test.ts',
  'npm run export': 'test/readme-commands.test.ts, test/import/import.integration.test.ts',
  'npm run token': 'test/readme-commands.test.ts',
  'npm run bench': 'test/bench/smoke.test.ts',
  'npm run import:bulk': 'test/import/bulk.test.ts',
};

/** `docker compose up --build` is the one command CI cannot run (no Docker there): its files are checked below. */
const NOT_RUN = ['docker compose up --build'];

function readmeNpmCommands(): string[] {
  const found = new Set<string>();
  for (const match of README.matchAll(/npm (ci|start|test|run [\w:-]+)/g)) found.add(`npm ${match[1]}`);
  return [...found].sort();
}

describe('the README commands', () => {
  it('are each run by a test or by CI, and every `npm run` script exists', () => {
    const commands = readmeNpmCommands();
    expect(commands.length).toBeGreaterThan(8);
    expect(commands.filter((command) => !(command in RUN_BY))).toEqual([]);
    for (const command of commands.filter((c) => c.startsWith('npm run ')))
      expect(SCRIPTS).toHaveProperty(command.slice('npm run '.length));
    for (const runner of Object.values(RUN_BY)) {
      const file = runner.split(/[ ,(]/)[0];
      expect(fs.existsSync(path.join(projectRoot, file))).toBe(true);
    }
    for (const command of NOT_RUN) expect(README).toContain(command);
  });

  it('docker compose: the files the Dockerfile copies exist and the compose file builds it', () => {
    const dockerfile = fs.readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
    for (const [, source] of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
      for (const file of source.split(/\s+/)) expect(fs.existsSync(path.join(projectRoot, file))).toBe(true);
    }
    expect(fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8')).toMatch(/build:/);
  });
});

/** Runs `npm run <script> -- args` in the project, as a user types it. */
function npmRun(script: string, args: string[], env: Record<string, string | undefined> = {}) {
  return spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
}

describe('npm run token (README, Authentication)', () => {
  const payload = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

  it('mints an ANALYST token and an MSL token for JWT_SECRET', () => {
    const analyst = npmRun('token', ['--role', 'ANALYST'], { JWT_SECRET: 'readme-secret-of-at-least-32-bytes!' });
    expect(analyst.status).toBe(0);
    expect(payload(analyst.stdout.trim())).toEqual(expect.objectContaining({ roles: ['ANALYST'] }));
    const msl = npmRun('token', ['--role', 'MSL', '--msl', 'msl-000'], { JWT_SECRET: 'readme-secret-of-at-least-32-bytes!' });
    expect(msl.status).toBe(0);
    expect(payload(msl.stdout.trim())).toEqual(expect.objectContaining({ roles: ['MSL'], mslId: 'msl-000' }));
  });
});

describe('npm run import / export (README, Importing data)', () => {
  let db: Database;
  let out: string;
  const neo4j = () => {
    const external = Boolean(process.env.NEO4J_URI);
    return {
      NEO4J_URI: process.env.TEST_NEO4J_URI,
      NEO4J_USER: external ? process.env.NEO4J_USER : 'neo4j',
      NEO4J_PASSWORD: external ? process.env.NEO4J_PASSWORD : '',
    };
  };

  beforeAll(async () => {
    db = testDatabase();
    await resetDatabase(db);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-export-'));
  });
  afterAll(async () => {
    fs.rmSync(out, { recursive: true, force: true });
    await db.close();
  });

  it('imports the first-import example folder, then exports it', () => {
    expect(README).toContain('npm run import -- --dir test/fixtures/network-400');
    const imported = npmRun('import', ['--dir', 'test/fixtures/network-400'], neo4j());
    expect(imported.stderr).not.toMatch(/failed/);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/hcps\.csv\s+400\s+400\s+0\s+0/);

    const exported = npmRun('export', ['--dir', out], neo4j());
    expect(exported.status).toBe(0);
    const hcps = fs.readFileSync(path.join(out, 'hcps.csv'), 'utf8').trim().split('\n');
    expect(hcps).toHaveLength(401);
  });
});
