/**
 * The helper thread of pagerank-team.ts: takes halves of the PageRank thread's steps.
 *
 * It runs below normal priority (nice 10; Linux keeps the nice value per thread): its halves are
 * the second core's share of a step, worth taking only when nothing else wants that core. On a
 * busy machine the PageRank thread (normal priority) then takes every half itself, at one
 * thread's speed, while requests and Neo4j get the other core; on an idle one the helper still
 * halves each step. Above the betweenness threads (nice 19), which wait for both.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { HelperJob, help } from './pagerank-team';

// Elsewhere (macOS, Windows) the call would lower the whole process: left as it is there.
if (process.platform === 'linux') os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);

parentPort?.on('message', (job: HelperJob) => help(job));
