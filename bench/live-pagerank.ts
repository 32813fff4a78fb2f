/**
 * npx ts-node --transpile-only bench/live-pagerank.ts [--hcps 100000] [--seed 7] [--runs 7]
 *
 * PageRank's restart after a link edit, the kernel alone, in memory: the generated network
 * (bench:live's generator, 100k HCPs / ~1M links by default) and the same network with one more
 * link, restarted from the first one's vector, as the API does after an edit. Each run times,
 * interleaved, the plain power iteration PageRank used before (kept here as the baseline) and
 * pageRank (src/network/pagerank.ts), cold and restarted, on the calling thread alone and with a
 * helper thread taking half of each step (pagerank-team.ts, as on the PageRank thread). Checked:
 * the cold vectors' distance (the halves add in another order), two threads' vectors the same bit
 * for bit as one's, and each restarted vector within the documented bound of the fixed point (a
 * run to an L1 change of 1e-15). Also: steps per run, ms per step, and what a job costs the event
 * loop before it reaches the PageRank thread.
 * Writes bench/results/live-pagerank-<hcps>.json and .md; machine and load stated in both.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { WeightedGraph, nodeCount } from '../src/network/csr';
import { generateNetwork } from '../src/import/generate';
import { buildNetwork } from '../src/network/network';
import { outWeights, pageRank } from '../src/network/pagerank';
import { PageRankThread } from '../src/network/pagerank-thread';
import { SharedTeam } from '../src/network/pagerank-team';
import { share, spawnWorker } from '../src/network/threads';
import { writeResults } from './harness/results';
import { round, summarize } from './harness/stats';

const args = new Map<string, number>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), Number(process.argv[i + 1]));
const HCPS = args.get('hcps') ?? 100_000;
const SEED = args.get('seed') ?? 7;
const RUNS = args.get('runs') ?? 7;

/** The plain power iteration PageRank used before, cold or restarted alike: the baseline. */
function plainPageRank(graph: WeightedGraph, start?: Float64Array, maxIterations = 1000, tolerance = 1e-10): Float64Array {
  const alpha = 0.85;
  const n = nodeCount(graph);
  let rank = new Float64Array(n).fill(1 / n);
  if (start) {
    let sum = 0;
    for (let v = 0; v < n; v++) sum += start[v];
    rank = Float64Array.from(start, (x) => x / sum);
  }
  let next = new Float64Array(n);
  const outWeight = outWeights(graph);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += rank[v];
    next.fill((alpha * dangling + 1 - alpha) / n);
    for (let v = 0; v < n; v++) {
      if (outWeight[v] === 0) continue;
      const share = (alpha * rank[v]) / outWeight[v];
      for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) next[graph.targets[e]] += share * graph.weights[e];
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(rank[v] - next[v]);
    [rank, next] = [next, rank];
    if (change < tolerance) break;
  }
  return rank;
}

function timed<T>(run: () => T): { ms: number; result: T } {
  const began = performance.now();
  const result = run();
  return { ms: performance.now() - began, result };
}

/** Steps until the stopping rule holds: the fewest after which `run` returns the converged vector. */
function steps(run: (maxIterations: number) => Float64Array): number {
  const full = run(1000);
  let low = 1;
  let high = 1000;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (run(mid).every((x, v) => x === full[v])) high = mid;
    else low = mid + 1;
  }
  return low;
}

function l1(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let v = 0; v < a.length; v++) sum += Math.abs(a[v] - b[v]);
  return sum;
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg().map((x) => round(x));
  const data = generateNetwork({ hcps: HCPS, seed: SEED });
  const hcpIds = data.hcps.map((h) => h.id);
  const links = data.hcpLinks.map((l) => ({ source: l.sourceId, target: l.targetId, type: l.type, weight: l.weight }));
  const before = buildNetwork({ hcpIds, links, relationships: [] }).directed;
  const edit = { source: hcpIds[17], target: hcpIds[Math.floor(hcpIds.length / 2)], type: 'COLLEAGUE' as const, weight: 0.7 };
  const after = buildNetwork({ hcpIds, links: [...links, edit], relationships: [] }).directed;
  const previous = pageRank(before);

  const samples = {
    plainCold: [] as number[],
    cold: [] as number[],
    plainWarm: [] as number[],
    warm: [] as number[],
    twoCold: [] as number[],
    twoWarm: [] as number[],
  };
  // The graph in shared memory (as the PageRank thread has it) and a helper thread, started.
  const shared = {
    offsets: new Int32Array(share(after.offsets)),
    ends: new Int32Array(share(after.ends)),
    targets: new Int32Array(share(after.targets)),
    weights: new Float64Array(share(after.weights)),
  };
  const helper = spawnWorker('pagerank-helper');
  const team = new SharedTeam(helper);
  while (team.helped === 0) {
    pageRank(shared, { maxIterations: 2 }, team);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  team.helped = 0;
  let coldDistance = 0;
  let twoIdentical = true;
  let warmVector: Float64Array = new Float64Array(0);
  let plainWarmVector: Float64Array = new Float64Array(0);
  for (let run = 0; run < RUNS; run++) {
    const plainCold = timed(() => plainPageRank(after));
    const cold = timed(() => pageRank(after));
    const plainWarm = timed(() => plainPageRank(after, previous));
    const warm = timed(() => pageRank(after, { start: previous }));
    const twoCold = timed(() => pageRank(shared, {}, team));
    const twoWarm = timed(() => pageRank(shared, { start: previous }, team));
    coldDistance = Math.max(coldDistance, l1(plainCold.result, cold.result));
    twoIdentical &&= twoCold.result.every((x, v) => x === cold.result[v]) && twoWarm.result.every((x, v) => x === warm.result[v]);
    samples.twoCold.push(twoCold.ms);
    samples.twoWarm.push(twoWarm.ms);
    [warmVector, plainWarmVector] = [warm.result, plainWarm.result];
    samples.plainCold.push(plainCold.ms);
    samples.cold.push(cold.ms);
    samples.plainWarm.push(plainWarm.ms);
    samples.warm.push(warm.ms);
  }
  const fixedPoint = pageRank(after, { tolerance: 1e-15, maxIterations: 5000 });
  const errors = {
    restartToFixedPoint: l1(warmVector, fixedPoint),
    plainRestartToFixedPoint: l1(plainWarmVector, fixedPoint),
    restartToCold: l1(warmVector, plainPageRank(after)),
    bound: (0.85 / 0.15) * 1e-10,
  };
  const counts = {
    cold: steps((k) => pageRank(after, { maxIterations: k })),
    plainWarm: steps((k) => plainPageRank(after, previous, k)),
    warm: steps((k) => pageRank(after, { start: previous, maxIterations: k })),
  };
  // What the event loop pays per job, and a job's whole round trip (thread already started).
  const thread = new PageRankThread(0);
  await thread.run(after, { start: previous }, 1e-10);
  const onLoop: number[] = [];
  const roundTrip: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const began = performance.now();
    const job = thread.run(after, { start: previous }, 1e-10);
    onLoop.push(performance.now() - began);
    await job;
    roundTrip.push(performance.now() - began);
  }
  await thread.close();
  await helper.terminate();

  const p50 = (key: keyof typeof samples) => summarize(samples[key]).p50;
  const report = {
    dataset: { hcps: HCPS, seed: SEED, nodes: nodeCount(after), entries: after.targets.length, links: links.length + 1 },
    machine: {
      cpuModel: os.cpus()[0]?.model.trim(),
      cores: os.cpus().length,
      node: process.version,
      loadBefore,
      loadAfter: os.loadavg().map((x) => round(x)),
    },
    runs: RUNS,
    coldDistance,
    twoIdentical,
    halvesHelped: team.helped,
    errors,
    steps: counts,
    ms: Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, summarize(values)])),
    msPerStep: round(p50('plainCold') / counts.cold),
    ratio: {
      cold: round(p50('plainCold') / p50('cold')),
      restart: round(p50('plainWarm') / p50('warm')),
      twoCold: round(p50('plainCold') / p50('twoCold')),
      twoRestart: round(p50('plainWarm') / p50('twoWarm')),
    },
    thread: { onEventLoop: summarize(onLoop), roundTrip: summarize(roundTrip) },
  };
  const e = (x: number) => x.toExponential(2);
  const markdown = [
    `# PageRank restart after a link edit: ${HCPS} HCPs, ${report.dataset.entries} PageRank entries (${report.dataset.links} links)`,
    '',
    `Machine: ${report.machine.cpuModel}, ${report.machine.cores} cores, Node ${report.machine.node}; load average ${loadBefore.join(' / ')} before, ${report.machine.loadAfter.join(' / ')} after.`,
    '',
    `Medians of ${RUNS} interleaved runs, ms (steps in brackets):`,
    '',
    '| | plain power iteration (before) | pageRank, one thread | ratio | pageRank, two threads | ratio |',
    '|---|---|---|---|---|---|',
    `| cold | ${p50('plainCold')} (${counts.cold}) | ${p50('cold')} (${counts.cold}) | ${report.ratio.cold}x | ${p50('twoCold')} | ${report.ratio.twoCold}x |`,
    `| restart from the previous vector | ${p50('plainWarm')} (${counts.plainWarm}) | ${p50('warm')} (${counts.warm}) | ${report.ratio.restart}x | ${p50('twoWarm')} | ${report.ratio.twoRestart}x |`,
    '',
    `- ${report.msPerStep} ms per step (one thread). Cold vectors' L1 distance to the plain iteration's ${e(coldDistance)} (the halves add in another order). Two threads' vectors identical to one's bit for bit: ${twoIdentical}; the helper took ${team.helped} of the halves.`,
    `- L1 distance to the fixed point (run to a change of 1e-15): restarted now ${e(errors.restartToFixedPoint)}, plain restart ${e(errors.plainRestartToFixedPoint)}, bound ${e(errors.bound)}; restarted now to cold ${e(errors.restartToCold)}.`,
    `- On the PageRank thread, a restart job: ${report.thread.onEventLoop.p50} ms on the event loop (p50), ${report.thread.roundTrip.p50} ms round trip (p50).`,
    '',
  ].join('\n');
  const base = writeResults(`live-pagerank-${HCPS}`, report, markdown);
  console.log(markdown);
  console.log(`written ${base}.json/.md`);
}

void main();
