/** Worker-thread entry point of betweenness-parallel.ts: one slice of sources, raw sums posted back. */
import { parentPort, workerData } from 'node:worker_threads';
import { BetweennessJob, accumulateSlice } from './betweenness-parallel';

const raw = accumulateSlice(workerData as BetweennessJob);
parentPort?.postMessage(raw, [raw.buffer as ArrayBuffer]);
