import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { eventually, freePort } from '../support/ports';
import { alive, apiStopMs, javaBelow, stopBudgetMs } from '../support/processes';

/**
 * `npm start` exactly as the README runs it: the prestart build, the embedded Neo4j, the demo
 * network, the README's first queries; SIGTERM to npm stops the API and the JVM within 5 s; a
 * second (warm) start on the built, seeded checkout rebuilds nothing and seeds nothing.
 */
jest.setTimeout(600000);

const README = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

interface Started {
  child: ChildProcess;
  out: string[];
  exited: Promise<number | null>;
  port: number;
}

function npmStart(env: Record<string, string>): Started {
  const port = Number(env.PORT);
  const child = spawn('npm', ['start'], {
    cwd: projectRoot,
    // NODE_ENV as in everyday use (jest sets `test`); no NEO4J_URI: the embedded Neo4j.
    env: {
      ...process.env,
      NODE_ENV: 'development',
      NEO4J_URI: '',
      JWT_SECRET: '',
      HOST: '127.0.0.1',
      NEO4J_HEAP: '1g',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out, exited, port };
}

async function ready(started: Started, timeoutMs: number): Promise<void> {
  await eventually(
    async () => {
      if (started.child.exitCode !== null) throw new Error(`npm start exited early:\n${started.out.join('')}`);
      const res = await fetch(`http://127.0.0.1:${started.port}/ready`).catch(() => undefined);
      return res?.status === 200;
    },
    timeoutMs,
    250,
  );
}

async function post(port: number, body: unknown): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** SIGTERM to npm, as a process manager sends it: everything below it must be gone within 5 s. */
async function stopWithin5s(started: Started): Promise<void> {
  const jvms = javaBelow(started.child.pid!);
  expect(jvms).toHaveLength(1);
  const signalled = Date.now();
  started.child.kill('SIGTERM');
  expect(await started.exited).toBe(0);
  const budget = stopBudgetMs();
  await eventually(async () => !jvms.some(alive), budget - (Date.now() - signalled), 50);
  expect(Date.now() - signalled).toBeLessThan(budget);
  expect(apiStopMs(started.out.join(''))).toBeLessThan(3000);
}

describe('npm start (README, The two commands)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let running: Started | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-start-'));
    env = { PORT: String(await freePort()), NEO4J_BOLT_PORT: String(await freePort()), NEO4J_DATA_DIR: dataDir };
  });
  afterAll(() => {
    if (running && running.child.exitCode === null)
      for (const pid of [...javaBelow(running.child.pid!), running.child.pid!]) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds, starts the embedded Neo4j, loads the demo network and answers the README queries', async () => {
    running = npmStart(env);
    await ready(running, 540000);
    expect(running.out.join('')).toMatch(/demo network loaded/);

    // The curl example, body taken from the README.
    const curl = /curl -s localhost:4000\/graphql -H 'content-type: application\/json' -d '([\s\S]*?)'\n/.exec(README);
    expect(curl).not.toBeNull();
    const first = await post(running.port, JSON.parse(curl![1]));
    expect(first.errors).toBeUndefined();
    const hcps = first.data!.hcps as { totalCount: number; edges: { node: { name: string } }[] };
    expect(hcps.totalCount).toBeGreaterThan(0);
    expect(hcps.edges).toHaveLength(3);

    // The KolsAndPaths query, taken from the README.
    const query = /```graphql\n(query KolsAndPaths[\s\S]*?)```/.exec(README);
    expect(query).not.toBeNull();
    const second = await post(running.port, { query: query![1] });
    expect(second.errors).toBeUndefined();
    expect(second.data!.kolRanking).toHaveLength(5);
    expect(Array.isArray(second.data!.introductionPaths)).toBe(true);
    expect((second.data!.coverageGaps as unknown[]).length).toBeGreaterThan(0);

    for (const route of ['/health', '/metrics', '/']) expect((await fetch(`http://127.0.0.1:${running.port}${route}`)).status).toBe(200);
    await stopWithin5s(running);
  });

  it('a warm start rebuilds nothing, seeds nothing, and stops within 5 s', async () => {
    const built = ['dist/src/main.js', 'web/dist/build-inputs.json'].map((file) => path.join(projectRoot, file));
    const before = built.map((file) => fs.statSync(file).mtimeMs);
    const started = Date.now();
    running = npmStart(env);
    await ready(running, 240000);
    const readyMs = Date.now() - started;
    expect(built.map((file) => fs.statSync(file).mtimeMs)).toEqual(before);
    expect(running.out.join('')).not.toMatch(/demo network loaded|web bundle written/);
    // The time is for the record (it depends on the machine): `npm start` to /ready 200.
    process.stdout.write(`warm npm start: ready in ${(readyMs / 1000).toFixed(1)} s\n`);
    await stopWithin5s(running);
  });
});
