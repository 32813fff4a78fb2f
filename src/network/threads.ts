/**
 * What the network's worker threads (betweenness pool, PageRank thread) share: copying typed
 * arrays into memory a thread can read, and starting a thread from this folder's modules.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * `array` in memory a worker thread reads without another copy: its own buffer when it already is
 * a whole SharedArrayBuffer (graphs are never written once built), else a copy.
 */
export function share(array: Int32Array | Float64Array): SharedArrayBuffer {
  if (array.buffer instanceof SharedArrayBuffer && array.byteOffset === 0 && array.byteLength === array.buffer.byteLength)
    return array.buffer;
  const buffer = new SharedArrayBuffer(array.byteLength);
  new Uint8Array(buffer).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return buffer;
}

/** Starts the worker module `name` of this folder (e.g. 'pagerank-worker'); its errors end it, as 'exit'. */
export function spawnWorker(name: string): Worker {
  const compiled = __filename.endsWith('.js');
  const entry = path.join(__dirname, `${name}.${compiled ? 'js' : 'ts'}`);
  // Under ts-node or jest the worker needs the TypeScript loader; built code runs as is.
  const execArgv = compiled ? [] : ['--require', 'ts-node/register/transpile-only'];
  const worker = new Worker(entry, { execArgv });
  worker.on('error', () => undefined);
  return worker;
}
