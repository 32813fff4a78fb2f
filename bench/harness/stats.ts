import { performance } from 'node:perf_hooks';

/** Latency percentiles of a sample, in ms (2 decimals). */
export interface Latency {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Latency {
  if (samples.length === 0) return { runs: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, min: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentile: the smallest sample with at least q of the samples at or below it.
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return {
    runs: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    mean: round(mean),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Wall and CPU time (this process) of a synchronous or asynchronous step. */
export async function measure<T>(run: () => T | Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, ms: round(ms, 1), cpuMs: round((used.user + used.system) / 1000, 1) };
}

/**
 * Runs `warmup` + `runs` rounds; in each round every contender runs once, in an order that
 * rotates from round to round, so that the machine's noise (other processes, GC, JIT) falls on
 * all of them alike. Returns the measured samples per contender.
 */
export async function roundRobin(
  contenders: Record<string, () => Promise<unknown>>,
  runs: number,
  warmup: number,
): Promise<{ samples: Record<string, number[]>; cpuMsPerRun: Record<string, number> }> {
  const names = Object.keys(contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, [] as number[]]));
  const cpu: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const before = process.cpuUsage();
      const ms = await timeAsync(contenders[name]);
      const used = process.cpuUsage(before);
      if (round < warmup) continue;
      samples[name].push(ms);
      cpu[name] += (used.user + used.system) / 1000;
    }
  }
  return { samples, cpuMsPerRun: Object.fromEntries(names.map((name) => [name, round(cpu[name] / Math.max(1, runs), 1)])) };
}

/** Calls `run` sequentially `warmup` + `runs` times with the round number; returns the measured latencies. */
export async function sequential(runs: number, warmup: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const ms = await timeAsync(() => run(i));
    if (i >= warmup) samples.push(ms);
  }
  return samples;
}

/** mulberry32, for reproducible random pairs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
