import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { accumulateBetweenness, betweenness, normalizeBetweenness } from '../../src/network/betweenness';
import { BetweennessJob, BetweennessPool, WorkerMessage, WorkerReply, errorBound } from '../../src/network/betweenness-pool';
import { buildNetwork } from '../../src/network/network';
import { seededRandom, shuffledRange } from '../../src/network/random';

function randomNetwork(n: number, links: number, seed: number) {
  const random = seededRandom(seed);
  const hcpIds = Array.from({ length: n }, (_, i) => `h${String(i).padStart(6, '0')}`);
  const list = Array.from({ length: links }, () => ({
    source: hcpIds[Math.floor(random() * n)],
    target: hcpIds[Math.floor(random() * n)],
    type: 'COAUTHOR' as const,
    weight: 0.5,
  })).filter((l) => l.source !== l.target);
  return buildNetwork({ hcpIds, links: list, relationships: [] });
}

function maxError(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let v = 0; v < a.length; v++) worst = Math.max(worst, Math.abs(a[v] - b[v]));
  return worst;
}

describe('the betweenness pool', () => {
  const pool = new BetweennessPool(2, 11);
  afterAll(() => pool.close());

  it('equals the single-threaded exact result when every source is done', async () => {
    const net = randomNetwork(3500, 9000, 7);
    const result = await pool.start(net.ties).exact;
    expect(result).toMatchObject({ exact: true, sampleSize: 3500, errorBound: 0 });
    expect(maxError(result.scores, betweenness(net.ties))).toBeLessThan(1e-12);
  });

  it('answers an estimate with its sample size and bound when the budget runs out, and is exact later', async () => {
    const net = randomNetwork(4000, 12000, 5);
    const job = pool.start(net.ties);
    const early = await job.within(0);
    expect(early.exact).toBe(false);
    expect(early.sampleSize).toBeLessThan(4000);
    expect(early.errorBound).toBe(errorBound(4000, early.sampleSize));
    const exact = await job.exact;
    expect(exact.exact).toBe(true);
    expect(maxError(exact.scores, betweenness(net.ties))).toBeLessThan(1e-12);
  });

  it('stops a cancelled job at once for its waiters and keeps serving newer ones', async () => {
    const net = randomNetwork(4000, 12000, 9);
    const job = pool.start(net.ties);
    const waiting = job.within(60_000);
    job.cancel();
    const answered = await waiting;
    expect(answered.exact).toBe(false);
    const small = randomNetwork(3200, 6000, 2);
    expect((await pool.start(small.ties).exact).exact).toBe(true);
  });

  // Linux keeps a nice value per thread (/proc/self/task/<tid>/stat, field 19).
  const niceValues = () =>
    fs
      .readdirSync('/proc/self/task')
      .map((tid) => Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]));

  it('runs its threads at the lowest priority and leaves the event loop as it is', async () => {
    const net = randomNetwork(3600, 9000, 3);
    await pool.start(net.ties).exact;
    // The pool's threads stay alive between jobs.
    expect(niceValues()).toContain(os.constants.priority.PRIORITY_LOW);
    expect(os.getPriority()).toBe(os.constants.priority.PRIORITY_NORMAL);
  });

  it('computes small graphs inline, exactly', async () => {
    const net = randomNetwork(50, 120, 1);
    const result = await pool.start(net.ties).within(0);
    expect(result.exact).toBe(true);
    expect(Array.from(result.scores)).toEqual(Array.from(betweenness(net.ties)));
  });
});

describe('a betweenness thread', () => {
  const worker = new Worker(path.join(__dirname, '../../src/network/betweenness-worker.ts'), {
    execArgv: ['--require', 'ts-node/register/transpile-only'],
  });
  afterAll(() => worker.terminate());
  const shared = (array: Int32Array) => {
    const buffer = new SharedArrayBuffer(array.byteLength);
    new Int32Array(buffer).set(array);
    return buffer;
  };
  const chunk = (message: Extract<WorkerMessage, { kind: 'chunk' }>) =>
    new Promise<WorkerReply>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(message);
    });

  it("stops a chunk before its next source once the job's stop flag is set", async () => {
    const net = randomNetwork(500, 1500, 6);
    const job = new BetweennessJob(500);
    const graph = {
      offsets: shared(net.ties.offsets),
      ends: shared(net.ties.ends),
      targets: shared(net.ties.targets),
      stop: job.stopFlag.buffer as SharedArrayBuffer,
    };
    worker.postMessage({ kind: 'graph', graph: 1, ...graph } satisfies WorkerMessage);
    const sources = Int32Array.from({ length: 20 }, (_, i) => i);
    const running = await chunk({ kind: 'chunk', graph: 1, chunk: 1, sources });
    const expected = new Float64Array(500);
    accumulateBetweenness(net.ties, 0, 20, expected);
    expect(Array.from(running.raw)).toEqual(Array.from(expected));
    job.cancel();
    const stopped = await chunk({ kind: 'chunk', graph: 1, chunk: 2, sources });
    expect(stopped.raw.every((x) => x === 0)).toBe(true);
  });
});

describe('the betweenness estimate', () => {
  it('stays within its error bound on a sample of sources (Brandes-Pich, without replacement)', () => {
    const net = randomNetwork(2000, 6000, 4);
    const n = 2000;
    const exact = betweenness(net.ties);
    const order = shuffledRange(n, seededRandom(3));
    for (const k of [100, 400, 1000]) {
      const job = new BetweennessJob(n);
      const raw = new Float64Array(n);
      for (let i = 0; i < k; i++) accumulateBetweenness(net.ties, order[i], order[i] + 1, raw);
      job.add(raw, k);
      const estimate = job.estimate();
      expect(estimate).toMatchObject({ exact: false, sampleSize: k });
      expect(maxError(estimate.scores, exact)).toBeLessThanOrEqual(estimate.errorBound);
    }
  });

  it('has a bound that shrinks with the sample and vanishes when every source is done', () => {
    expect(errorBound(10000, 10000)).toBe(0);
    expect(errorBound(10000, 1000)).toBeLessThan(errorBound(10000, 100));
    expect(errorBound(10000, 0)).toBeCloseTo(10000 / 9999, 12);
    expect(normalizeBetweenness(new Float64Array(2))).toEqual(new Float64Array(2));
  });
});
