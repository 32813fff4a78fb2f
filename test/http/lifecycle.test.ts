import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { eventually, freePort } from '../support/ports';
import { alive, apiStopMs, javaBelow, stopBudgetMs } from '../support/processes';

/**
 * The real process (`src/main.ts` through ts-node) with its own embedded Neo4j: SIGTERM drains an
 * in-flight request, closes idle keep-alive connections, closes the driver and stops the JVM within
 * 5 s; a taken Bolt port or a locked data folder gives one clear line; open development mode
 * refuses a non-loopback HOST.
 */
jest.setTimeout(240000);

interface Proc {
  child: ChildProcess;
  out: string[];
  err: string[];
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: projectRoot,
    // NODE_ENV as in everyday use, not jest's `test`: Apollo changes its signal handling under `test`.
    env: {
      ...process.env,
      NODE_ENV: 'development',
      JWT_SECRET: '',
      NEO4J_URI: '',
      SEED_DEMO: 'false',
      NEO4J_HEAP: '512m',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out, err, exited };
}

describe('the server process', () => {
  let main: Proc | undefined;
  let dataDir: string;
  let httpPort: number;
  let boltPort: number;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-lifecycle-'));
    httpPort = await freePort();
    boltPort = await freePort();
    main = startMain({ PORT: String(httpPort), NEO4J_BOLT_PORT: String(boltPort), NEO4J_DATA_DIR: dataDir });
    await eventually(async () => main!.out.join('').includes('MSL Graph API listening'), 180000, 200);
    await eventually(async () => (await fetch(`http://127.0.0.1:${httpPort}/ready`)).status === 200, 60000);
  });

  afterAll(async () => {
    if (main && main.child.exitCode === null) main.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs the open development mode loudly', () => {
    expect(main!.out.join('')).toMatch(/no authentication configured .*OPEN DEVELOPMENT MODE/);
  });

  it('a second instance on the same (locked) data folder fails with one clear line', async () => {
    const second = startMain({ PORT: String(await freePort()), NEO4J_BOLT_PORT: String(await freePort()), NEO4J_DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    const lines = second.err.join('').trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^msl-graph: the data folder .* is locked by another Neo4j process: stop it, or set NEO4J_DATA_DIR/),
    ]);
  });

  it('a taken Bolt port fails with one clear line', async () => {
    const second = startMain({
      PORT: String(await freePort()),
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-port-')),
    });
    expect(await second.exited).toBe(1);
    expect(second.err.join('').trim().split('\n')).toEqual([
      `msl-graph: port ${boltPort} is already in use on 127.0.0.1: stop what holds it, or set NEO4J_BOLT_PORT to a free port`,
    ]);
  });

  it('SIGTERM with keep-alive clients drains the in-flight request, stops the JVM and exits 0 within 5 s', async () => {
    const [jvm] = javaBelow(main!.child.pid!);
    expect(jvm).toBeGreaterThan(0);
    // Clients that keep their connections open after being served (a Node agent and fetch).
    const agent = new http.Agent({ keepAlive: true });
    const served = () =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({ query: '{ kolRanking(first: 3) { rank } }' });
        const req = http.request(
          { host: '127.0.0.1', port: httpPort, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    for (let i = 0; i < 3; i++) expect(await served()).toBe(200);
    expect((await fetch(`http://127.0.0.1:${httpPort}/graphql?query=%7B__typename%7D`)).status).toBe(200);
    expect(Object.values(agent.freeSockets).flat().length).toBeGreaterThan(0);
    let signalled = 0;
    // An in-flight request: headers and half the body sent before SIGTERM, the rest after it.
    const body = JSON.stringify({ query: '{ msls { id } }' });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: httpPort,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        signalled = Date.now();
        main!.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 300);
    });
    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toEqual({ data: { msls: [] } });
    // New connections are refused while draining / after.
    await expect(fetch(`http://127.0.0.1:${httpPort}/health`)).rejects.toThrow();
    expect(await main!.exited).toBe(0);
    // The process exits only once the JVM has stopped.
    expect(Date.now() - signalled).toBeLessThan(stopBudgetMs());
    // The API itself stops within the drain grace (2.5 s, src/http/server.ts), in-flight request included.
    expect(apiStopMs(main!.out.join(''))).toBeLessThan(3000);
    expect(alive(jvm)).toBe(false);
    agent.destroy();
    expect(main!.out.join('')).toMatch(/shutting down: draining requests/);
    // The Bolt port is free again: the JVM is gone, not orphaned.
    await new Promise<void>((resolve, reject) => {
      const probe = net.createServer().once('error', reject);
      probe.listen(boltPort, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });
});

describe('open development mode', () => {
  it('refuses to bind other than loopback, with one clear line, before starting anything', async () => {
    const proc = startMain({ HOST: '0.0.0.0', PORT: String(await freePort()) });
    expect(await proc.exited).toBe(1);
    expect(proc.out.join('') + proc.err.join('')).toMatch(/no authentication is configured \(open development mode\) but HOST=0\.0\.0\.0/);
  });
});
