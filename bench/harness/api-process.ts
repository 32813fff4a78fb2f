/**
 * The API in a process of its own (api-main.ts: startApp as src/main.ts calls it, with the Node
 * flags of the bench process, which are npm start's: --max-semi-space-size=32), against a given
 * Neo4j: its own heap and event loop, as deployed. The bench also hosts an API in its own
 * process, next to the clients and the hand-written contender; both configurations are measured.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { benchApiEnv } from './api';

export interface ApiProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const READY_WITHIN_MS = 300_000;

export async function startApiProcess(neo4jUri: string, port: number, extra: Record<string, string | undefined>): Promise<ApiProcess> {
  // The bench's V8 flags (npm run bench has npm start's: --max-semi-space-size=32), and TypeScript
  // compiled on load as in the bench (a jest worker's own flags are not for a child).
  const v8Flags = process.execArgv.filter((flag) => flag.startsWith('--max-'));
  const args = [...v8Flags, '-r', require.resolve('ts-node/register/transpile-only'), path.join(__dirname, 'api-main.ts')];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, NEO4J_PID: undefined, ...benchApiEnv(neo4jUri, { PORT: String(port), ...extra }) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${base}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API process was not ready within ${READY_WITHIN_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url: `${base}/graphql`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
