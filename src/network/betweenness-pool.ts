/**
 * Betweenness in a fixed pool of worker threads, exact when it fits a time budget and an
 * estimate with a stated error bound when it does not.
 *
 * Contract:
 * - `BetweennessPool.start(graph)` returns a job that accumulates Brandes dependencies of every
 *   source, in a random order, in chunks spread over the pool's threads (the event loop only
 *   adds up chunk results). `job.exact` resolves with networkx's normalized betweenness once all
 *   sources are done; `job.estimate()` is available at any time from the sources done so far.
 * - Sources taken in a uniformly random order make any prefix a sample without replacement, so
 *   the estimate (the prefix's dependencies scaled by n/k) is unbiased (Brandes & Pich 2007),
 *   and by Hoeffding's inequality for sampling without replacement (Serfling), with a union over
 *   the n nodes, every node's estimate is within `errorBound` of its exact normalized value
 *   with probability at least 1 − BOUND_FAILURE_PROBABILITY:
 *     errorBound = n/(n−1) · sqrt((1 − (k−1)/n) · ln(2n/δ) / (2k)).
 *   (Each source adds at most (n−2)/((n−1)(n−2)) to a node's normalized score, times n/k.)
 * - `job.cancel()` stops the job: no more chunks are handed out, and running ones stop before
 *   their next source (a flag in shared memory the threads read) and are dropped: a newer network
 *   supersedes the job, and its threads are free for the next within one source. The pool's size
 *   never changes.
 * - Graphs under INLINE_BELOW nodes are computed at once on the calling thread (starting a
 *   chunk costs more than it saves).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { betweenness, normalizeBetweenness } from './betweenness';
import { Adjacency, nodeCount } from './csr';
import { Random, seededRandom, shuffledRange } from './random';
import { share, spawnWorker } from './threads';

/** Below this many nodes one thread is faster than the pool. */
export const INLINE_BELOW = 3000;
/** δ of the error bound: it holds for every node at once with probability at least 95%. */
export const BOUND_FAILURE_PROBABILITY = 0.05;
/** Aim for chunks of about this long, so cancellation and estimates are timely. */
const CHUNK_TARGET_MS = 250;

export interface BetweennessResult {
  /** Normalized betweenness per node index (networkx `normalized=True`). */
  scores: Float64Array;
  exact: boolean;
  /** Sources whose dependencies were accumulated (n when exact). */
  sampleSize: number;
  /** Max absolute error of any node's score, with probability ≥ 95%; 0 when exact. */
  errorBound: number;
}

/** What the pool's threads are sent: one graph (shared memory), then chunks of sources. */
export type WorkerMessage =
  | {
      kind: 'graph';
      graph: number;
      offsets: SharedArrayBuffer;
      ends: SharedArrayBuffer;
      targets: SharedArrayBuffer;
      stop: SharedArrayBuffer;
    }
  | { kind: 'chunk'; graph: number; chunk: number; sources: Int32Array }
  | { kind: 'forget'; graph: number };

export interface WorkerReply {
  chunk: number;
  raw: Float64Array;
}

export function errorBound(n: number, k: number, delta = BOUND_FAILURE_PROBABILITY): number {
  if (k >= n || n <= 2) return 0;
  if (k === 0) return n / (n - 1);
  return Math.min(n / (n - 1), (n / (n - 1)) * Math.sqrt(((1 - (k - 1) / n) * Math.log((2 * n) / delta)) / (2 * k)));
}

export class BetweennessJob {
  readonly exact: Promise<BetweennessResult>;
  /** Set to 1 on cancel; the threads read it before each source (shared memory). */
  readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly raw: Float64Array;
  private done = 0;
  private cancelled = false;
  private resolve!: (result: BetweennessResult) => void;
  /** Wakes anyone waiting for the exact result when the job is cancelled. */
  private readonly cancelledSignal: Promise<void>;
  private signalCancel!: () => void;

  constructor(readonly n: number) {
    this.raw = new Float64Array(n);
    this.exact = new Promise((resolve) => (this.resolve = resolve));
    this.cancelledSignal = new Promise((resolve) => (this.signalCancel = resolve));
  }

  /** Sources accumulated so far. */
  get sampleSize(): number {
    return this.done;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** The best answer now: exact when every source is done, else the estimate from those done. */
  estimate(): BetweennessResult {
    const k = this.done;
    if (k >= this.n) return { scores: normalizeBetweenness(Float64Array.from(this.raw)), exact: true, sampleSize: k, errorBound: 0 };
    const scale = k > 0 ? this.n / k : 0;
    const scores = normalizeBetweenness(Float64Array.from(this.raw, (x) => x * scale));
    return { scores, exact: false, sampleSize: k, errorBound: errorBound(this.n, k) };
  }

  /** The exact result if it comes within `ms`, else the estimate at that time (or at cancellation). */
  async within(ms: number): Promise<BetweennessResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))));
    try {
      const first = await Promise.race([this.exact, timeout, this.cancelledSignal]);
      return first ?? this.estimate();
    } finally {
      clearTimeout(timer);
    }
  }

  cancel(): void {
    this.cancelled = true;
    Atomics.store(this.stopFlag, 0, 1);
    this.signalCancel();
  }

  /** Adds a chunk's dependencies (pool side). */
  add(raw: Float64Array, sources: number): void {
    if (this.cancelled) return;
    for (let v = 0; v < raw.length; v++) this.raw[v] += raw[v];
    this.done += sources;
    if (this.done >= this.n) this.resolve(this.estimate());
  }

  /** Completes at once (graphs computed inline). */
  complete(scores: Float64Array): void {
    this.done = this.n;
    this.resolve({ scores, exact: true, sampleSize: this.n, errorBound: 0 });
  }
}

interface PooledWorker {
  worker: Worker;
  busy: boolean;
  graphs: Set<number>;
}

interface QueuedJob {
  job: BetweennessJob;
  graph: number;
  offsets: SharedArrayBuffer;
  ends: SharedArrayBuffer;
  targets: SharedArrayBuffer;
  order: Int32Array;
  next: number;
  /** Sources of chunks lost with a thread, to run again. */
  retry: number[];
  chunkSize: number;
  running: number;
}

function pending(queued: QueuedJob): boolean {
  return queued.next < queued.order.length || queued.retry.length > 0;
}

export class BetweennessPool {
  private workers: PooledWorker[] = [];
  private queue: QueuedJob[] = [];
  private graphs = 0;
  private chunks = 0;
  private readonly random: Random;

  constructor(
    readonly threads = Math.max(1, os.availableParallelism()),
    seed = Date.now(),
  ) {
    this.random = seededRandom(seed);
  }

  start(graph: Adjacency): BetweennessJob {
    const n = nodeCount(graph);
    const job = new BetweennessJob(n);
    if (n < INLINE_BELOW) {
      job.complete(betweenness(graph));
      return job;
    }
    this.queue.push({
      job,
      graph: ++this.graphs,
      offsets: share(graph.offsets),
      ends: share(graph.ends),
      targets: share(graph.targets),
      order: shuffledRange(n, this.random),
      next: 0,
      retry: [],
      chunkSize: 4,
      running: 0,
    });
    this.dispatch();
    return job;
  }

  /** Stops the threads (tests, shutdown). */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    this.queue = [];
    await Promise.all(workers.map((entry) => entry.worker.terminate()));
  }

  private dispatch(): void {
    this.queue = this.queue.filter(
      (queued) => !(queued.job.isCancelled || (!pending(queued) && queued.running === 0)) || this.forget(queued),
    );
    for (const queued of this.queue) {
      while (pending(queued) && !queued.job.isCancelled) {
        const entry = this.idleWorker();
        if (!entry) return;
        this.send(entry, queued);
      }
    }
  }

  /** Tells the threads a graph is no longer needed; false (drop it from the queue). */
  private forget(queued: QueuedJob): boolean {
    for (const entry of this.workers) {
      if (entry.graphs.delete(queued.graph)) entry.worker.postMessage({ kind: 'forget', graph: queued.graph } satisfies WorkerMessage);
    }
    return false;
  }

  private idleWorker(): PooledWorker | undefined {
    const idle = this.workers.find((entry) => !entry.busy);
    if (idle || this.workers.length >= this.threads) return idle;
    const entry: PooledWorker = { worker: spawnWorker('betweenness-worker'), busy: false, graphs: new Set() };
    entry.worker.unref();
    this.workers.push(entry);
    return entry;
  }

  private send(entry: PooledWorker, queued: QueuedJob): void {
    if (!entry.graphs.has(queued.graph)) {
      entry.worker.postMessage({
        kind: 'graph',
        graph: queued.graph,
        offsets: queued.offsets,
        ends: queued.ends,
        targets: queued.targets,
        stop: queued.job.stopFlag.buffer as SharedArrayBuffer,
      } satisfies WorkerMessage);
      entry.graphs.add(queued.graph);
    }
    const retried = queued.retry.splice(0, queued.chunkSize);
    let sources: Int32Array;
    if (retried.length > 0) sources = Int32Array.from(retried);
    else {
      sources = queued.order.slice(queued.next, queued.next + queued.chunkSize);
      queued.next += sources.length;
    }
    queued.running += 1;
    entry.busy = true;
    const chunk = ++this.chunks;
    const started = Date.now();
    const onMessage = (reply: WorkerReply) => {
      if (reply.chunk !== chunk) return;
      entry.worker.off('message', onMessage);
      entry.worker.off('exit', onExit);
      entry.busy = false;
      queued.running -= 1;
      queued.job.add(reply.raw, sources.length);
      // Adapt the chunk to the graph: about CHUNK_TARGET_MS of work each.
      const perSource = Math.max(1, Date.now() - started) / sources.length;
      queued.chunkSize = Math.max(1, Math.min(4096, Math.round(CHUNK_TARGET_MS / perSource)));
      this.dispatch();
    };
    // A thread that dies (out of memory...) is replaced; its chunk goes back to the job.
    const onExit = () => {
      entry.worker.off('message', onMessage);
      this.workers = this.workers.filter((other) => other !== entry);
      queued.running -= 1;
      queued.retry.push(...sources);
      this.dispatch();
    };
    entry.worker.once('exit', onExit);
    entry.worker.on('message', onMessage);
    entry.worker.postMessage({ kind: 'chunk', graph: queued.graph, chunk, sources } satisfies WorkerMessage);
  }
}
