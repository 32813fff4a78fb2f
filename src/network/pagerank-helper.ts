/** The helper thread of pagerank-team.ts: takes halves of the PageRank thread's steps, at its priority. */
import { parentPort, workerData } from 'node:worker_threads';
import type { PageRankThreadData } from './pagerank-thread';
import { HelperJob, help } from './pagerank-team';
import { lowerThisThread } from './threads';

lowerThisThread((workerData as PageRankThreadData | undefined)?.nice ?? 0);
parentPort?.on('message', (job: HelperJob) => help(job));
