/** The helper thread of pagerank-team.ts: takes halves of the PageRank thread's steps. */
import { parentPort } from 'node:worker_threads';
import { HelperJob, help } from './pagerank-team';

parentPort?.on('message', (job: HelperJob) => help(job));
