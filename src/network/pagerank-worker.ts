/**
 * The thread of pagerank-thread.ts: PageRank of the graph it is sent (shared memory, read-only)
 * and the rank order of the scores, sent back (moved, not copied). With more than one core, a
 * helper thread takes half of each step (pagerank-team.ts).
 */
import { availableParallelism } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { PageRankJob, PageRankReply } from './pagerank-thread';
import { Team, pageRank } from './pagerank';
import { SharedTeam } from './pagerank-team';
import { rankOrder } from './rank-order';
import { spawnWorker } from './threads';

let team: Team | undefined;
function sharedTeam(): Team | undefined {
  if (!team && availableParallelism() > 1) {
    const helper = spawnWorker('pagerank-helper');
    helper.unref();
    team = new SharedTeam(helper);
  }
  return team;
}

parentPort?.on('message', (job: PageRankJob) => {
  const graph = {
    offsets: new Int32Array(job.offsets),
    ends: new Int32Array(job.ends),
    targets: new Int32Array(job.targets),
    weights: new Float64Array(job.weights),
  };
  const start = job.start ? new Float64Array(job.start) : undefined;
  const scores = pageRank(graph, { ...job.options, start }, sharedTeam());
  const order = rankOrder(scores, job.tolerance, job.from ? new Int32Array(job.from) : undefined);
  parentPort!.postMessage({ id: job.id, scores, order } satisfies PageRankReply, [
    scores.buffer as ArrayBuffer,
    order.buffer as ArrayBuffer,
  ]);
});
