/**
 * A thread of betweenness-pool.ts: keeps the graphs it is sent (shared memory, read-only) and
 * answers each chunk of sources with their summed Brandes dependencies.
 *
 * It runs at the lowest scheduling priority (nice 19): at 100k HCPs the computation keeps every
 * core busy for many minutes, and requests (the event loop) and Neo4j must not wait for it. Linux
 * keeps the nice value per thread, so only this thread is lowered.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { accumulateBetweenness } from './betweenness';
import type { WorkerMessage, WorkerReply } from './betweenness-pool';
import { Adjacency, nodeCount } from './csr';

const graphs = new Map<number, { adjacency: Adjacency; stop: Int32Array }>();

// Elsewhere (macOS, Windows) the call would lower the whole process: left as it is there.
if (process.platform === 'linux') os.setPriority(os.constants.priority.PRIORITY_LOW);

parentPort?.on('message', (message: WorkerMessage) => {
  if (message.kind === 'graph') {
    const adjacency = {
      offsets: new Int32Array(message.offsets),
      ends: new Int32Array(message.ends),
      targets: new Int32Array(message.targets),
    };
    graphs.set(message.graph, { adjacency, stop: new Int32Array(message.stop) });
  } else if (message.kind === 'forget') {
    graphs.delete(message.graph);
  } else {
    const { adjacency, stop } = graphs.get(message.graph)!;
    const raw = new Float64Array(nodeCount(adjacency));
    // A cancelled job's chunk ends early; the pool drops what it answers.
    for (const source of message.sources) {
      if (Atomics.load(stop, 0) !== 0) break;
      accumulateBetweenness(adjacency, source, source + 1, raw);
    }
    parentPort!.postMessage({ chunk: message.chunk, raw } satisfies WorkerReply, [raw.buffer as ArrayBuffer]);
  }
});
