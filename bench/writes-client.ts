/**
 * The load of `npm run bench:writes`, in a process of its own as real clients are: forked by
 * bench/writes.ts (IPC), it runs either the writers or the reader against the API's URL, on
 * command, and answers with what it measured. Its CPU is its own, apart from the API's.
 */
import { performance } from 'node:perf_hooks';
import { postGraphql } from './harness/api';
import { Latency, summarize } from './harness/stats';
import { WritersResult, concurrentWriters } from './harness/writers';
import { seededRandom } from '../src/network/random';

delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;

const RANKING = 'query { kolRanking(metric: PAGERANK, first: 10) { rank score hcp { id name } } }';
const PATHS = 'query($msl: ID!, $hcp: ID!) { introductionPaths(fromMslId: $msl, toHcpId: $hcp, maxHops: 4, first: 3) { hops cost } }';
const REACH = 'query($id: ID!) { networkReach(fromId: $id, maxHops: 2) { total } }';

export type ClientCommand =
  | { kind: 'writers'; url: string; hcps: string[]; msls: string[]; writers: number; durationMs: number; tag: string }
  /** Loops the three reads one after the other until durationMs has passed, or `runs` times each. */
  | { kind: 'reads'; url: string; hcps: string[]; msls: string[]; seed: number; durationMs?: number; runs?: number };

export type ClientAnswer =
  | { kind: 'writers'; result: WritersResult; cpuMs: number }
  | { kind: 'reads'; reads: Record<string, Latency>; timeline: ReadTime[]; cpuMs: number }
  | { kind: 'error'; message: string };

/** One read as the client saw it: its name, when it was sent (epoch ms, fractional) and how long its answer took. */
export interface ReadTime {
  name: string;
  startedAt: number;
  ms: number;
}

async function reads(
  command: Extract<ClientCommand, { kind: 'reads' }>,
): Promise<{ reads: Record<string, Latency>; timeline: ReadTime[] }> {
  const random = seededRandom(command.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const post = (query: string, variables: Record<string, unknown>) => postGraphql(command.url, query, variables);
  const readers: Record<string, () => Promise<unknown>> = {
    kolRanking: () => post(RANKING, {}),
    introductionPaths: () => post(PATHS, { msl: pick(command.msls), hcp: pick(command.hcps) }),
    networkReach: () => post(REACH, { id: pick(command.hcps) }),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(readers).map((name) => [name, []]));
  const timeline: ReadTime[] = [];
  const deadline = command.durationMs === undefined ? Infinity : Date.now() + command.durationMs;
  for (let round = 0; Date.now() < deadline && round < (command.runs ?? Infinity); round++) {
    for (const [name, read] of Object.entries(readers)) {
      const start = performance.now();
      await read();
      const ms = performance.now() - start;
      samples[name].push(ms);
      timeline.push({ name, startedAt: performance.timeOrigin + start, ms });
    }
  }
  return { reads: Object.fromEntries(Object.entries(samples).map(([name, x]) => [name, summarize(x)])), timeline };
}

async function run(command: ClientCommand): Promise<ClientAnswer> {
  const cpu = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000;
  };
  if (command.kind === 'reads') {
    const result = await reads(command);
    return { kind: 'reads', ...result, cpuMs: cpuMs() };
  }
  const post = (query: string, variables: Record<string, unknown>) => postGraphql(command.url, query, variables);
  const result = await concurrentWriters({ ...command, post });
  return { kind: 'writers', result, cpuMs: cpuMs() };
}

process.on('message', (command: ClientCommand) => {
  run(command).then(
    (answer) => process.send!(answer),
    (error: Error) => process.send!({ kind: 'error', message: error.message } satisfies ClientAnswer),
  );
});
