/**
 * PageRank of big graphs, and its rank order, on a thread of its own: after a link edit at 1M
 * links the restart from the previous vector takes 150-200 ms of power iteration (14 steps with
 * the extrapolation of pagerank.ts) and the sort tens more, which on the event loop held up every other request (paths, reach,
 * writes) for as long. Residual push instead of the restart was measured and not kept: an edit's
 * effect reaches every node within a few hops, and pushing the residual down to the stopping
 * rule's accuracy visits the links more often than the restart does (docs/network.md).
 *
 * Contract: `run(graph, options, tolerance, from)` resolves with exactly `pageRank(graph, options)`
 * (same code, same order of operations: bit for bit what the calling thread computes; pagerank.ts
 * states the accuracy) and `rankOrder(scores, tolerance, from)`. Graphs with fewer
 * than `inlineBelow` entries are computed at once on the calling thread (sending them costs more
 * than it saves). One thread at normal priority (answers wait for it), started on first use, with a
 * helper thread below it taking half of each step when a second core is free (pagerank-team.ts,
 * pagerank-helper.ts); jobs run one at a time, in order. If the thread dies, its jobs are computed
 * on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { WeightedGraph } from './csr';
import { PageRankOptions, pageRank } from './pagerank';
import { rankOrder } from './rank-order';
import { share, spawnWorker } from './threads';

/** Below this many graph entries (~15k HCPs) the thread costs more than it saves. */
export const INLINE_BELOW_ENTRIES = 200_000;

export interface RankedScores {
  scores: Float64Array;
  order: Int32Array;
}

/** A job as the thread receives it: the graph and start vector in memory the thread can read. */
export interface PageRankJob {
  id: number;
  offsets: SharedArrayBuffer;
  ends: SharedArrayBuffer;
  targets: SharedArrayBuffer;
  weights: SharedArrayBuffer;
  start: SharedArrayBuffer | null;
  /** The previous order, to sort from (rank-order.ts). */
  from: SharedArrayBuffer | null;
  options: Omit<PageRankOptions, 'start'>;
  tolerance: number;
}

export interface PageRankReply {
  id: number;
  scores: Float64Array;
  order: Int32Array;
}

interface Pending {
  resolve: (result: RankedScores) => void;
  inline: () => RankedScores;
}

export class PageRankThread {
  private worker?: Worker;
  private pending = new Map<number, Pending>();
  private jobs = 0;

  constructor(readonly inlineBelow = INLINE_BELOW_ENTRIES) {}

  run(graph: WeightedGraph, options: PageRankOptions, tolerance: number, from?: Int32Array): Promise<RankedScores> {
    const inline = () => {
      const scores = pageRank(graph, options);
      return { scores, order: rankOrder(scores, tolerance, from) };
    };
    if (!this.offThread(graph)) return Promise.resolve(inline());
    const job: PageRankJob = {
      id: ++this.jobs,
      offsets: share(graph.offsets),
      ends: share(graph.ends),
      targets: share(graph.targets),
      weights: share(graph.weights),
      start: options.start ? share(options.start) : null,
      from: from ? share(from) : null,
      options: { alpha: options.alpha, tolerance: options.tolerance, maxIterations: options.maxIterations },
      tolerance,
    };
    return new Promise((resolve) => {
      this.pending.set(job.id, { resolve, inline });
      const worker = this.thread();
      worker.ref();
      worker.postMessage(job);
    });
  }

  /** Whether `graph` is computed on the thread (big enough), else inline. */
  offThread(graph: WeightedGraph): boolean {
    return graph.targets.length >= this.inlineBelow;
  }

  /** Stops the thread (tests, shutdown); jobs still pending are computed here. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker('pagerank-worker');
    worker.on('message', (reply: PageRankReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      pending?.resolve({ scores: reply.scores, order: reply.order });
      if (this.pending.size === 0) worker.unref();
    });
    // A thread that dies (out of memory, terminated) fails no request: what it had is computed here.
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      const lost = [...this.pending.values()];
      this.pending.clear();
      for (const pending of lost) pending.resolve(pending.inline());
    });
    this.worker = worker;
    return worker;
  }
}
