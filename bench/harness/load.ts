/**
 * Throughput under concurrent load: autocannon (programmatic API) in a child Node process, so
 * that the load generator's own work does not run on the event loop of the servers under test.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/paths';
import { round } from './stats';

export interface Throughput {
  connections: number;
  durationSec: number;
  requests: number;
  requestsPerSec: number;
  latencyP50: number;
  latencyP97_5: number;
  latencyP99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** CPU time of the load generator's process (autocannon's child; absent for in-process loops), ms. */
  clientCpuMs?: number;
}

const RUNNER = `
const autocannon = require('autocannon');
autocannon(JSON.parse(process.env.AUTOCANNON_OPTIONS), (error, result) => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(JSON.stringify(error ? { error: String(error) } : { ...result, clientCpuMs: (user + system) / 1000 }));
});`;

export function autocannonLoad(url: string, body: unknown, connections: number, durationSec: number): Promise<Throughput> {
  const options = {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    connections,
    duration: durationSec,
    timeout: 30,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', RUNNER], {
      cwd: projectRoot,
      env: { ...process.env, AUTOCANNON_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        const result = JSON.parse(out);
        if (result.error) return reject(new Error(`autocannon: ${result.error}`));
        resolve({
          connections,
          durationSec: result.duration,
          requests: result.requests.total,
          requestsPerSec: round(result.requests.total / result.duration, 1),
          latencyP50: result.latency.p50,
          latencyP97_5: result.latency.p97_5,
          latencyP99: result.latency.p99,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          clientCpuMs: Math.round(result.clientCpuMs),
        });
      } catch {
        reject(new Error(`autocannon exited with ${code}: ${err.slice(-500)}`));
      }
    });
  });
}

/** The same load shape in-process for a contender without HTTP (hand-written Cypher): `connections` concurrent loops. */
export async function concurrentLoad(run: () => Promise<unknown>, connections: number, durationSec: number): Promise<Throughput> {
  const until = performance.now() + durationSec * 1000;
  const latencies: number[] = [];
  let errors = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const start = performance.now();
      try {
        await run();
        latencies.push(performance.now() - start);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(q * latencies.length) - 1))] ?? NaN);
  return {
    connections,
    durationSec: round(seconds, 1),
    requests: latencies.length,
    requestsPerSec: round(latencies.length / seconds, 1),
    latencyP50: at(0.5),
    latencyP97_5: at(0.975),
    latencyP99: at(0.99),
    errors,
    timeouts: 0,
    non2xx: 0,
  };
}
