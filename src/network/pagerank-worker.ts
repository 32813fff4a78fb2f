/**
 * The thread of pagerank-thread.ts: PageRank of the graph it is sent (shared memory, read-only)
 * and the rank order of the scores, sent back (moved, not copied).
 */
import { parentPort } from 'node:worker_threads';
import type { PageRankJob, PageRankReply } from './pagerank-thread';
import { pageRank } from './pagerank';
import { rankOrder } from './rank-order';

parentPort?.on('message', (job: PageRankJob) => {
  const graph = { offsets: new Int32Array(job.offsets), targets: new Int32Array(job.targets), weights: new Float64Array(job.weights) };
  const start = job.start ? new Float64Array(job.start) : undefined;
  const scores = pageRank(graph, { ...job.options, start });
  const order = rankOrder(scores, job.tolerance, job.from ? new Int32Array(job.from) : undefined);
  parentPort!.postMessage({ id: job.id, scores, order } satisfies PageRankReply, [
    scores.buffer as ArrayBuffer,
    order.buffer as ArrayBuffer,
  ]);
});
