/** Random PageRank graphs for tests of the kernel and its thread. */
import { WeightedGraph, contiguous } from '../../src/network/csr';
import { seededRandom } from '../../src/network/random';

/** A random weighted directed graph with self-loops, dangling nodes and exact ties (isolated nodes). */
export function randomGraph(n: number, edges: number, seed: number): WeightedGraph {
  const random = seededRandom(seed);
  const rows: [number, number][][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < edges; k++) {
    const from = Math.floor(random() * (n - 10));
    if (from % 7 === 0) continue; // dangling
    rows[from].push([Math.floor(random() * (n - 10)), Math.round(random() * 100) / 100 + 0.01]);
  }
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  rows.forEach((row, v) => {
    const merged = new Map<number, number>();
    for (const [t, w] of row) merged.set(t, (merged.get(t) ?? 0) + w);
    for (const [t, w] of [...merged].sort((a, b) => a[0] - b[0])) {
      targets.push(t);
      weights.push(w);
    }
    offsets[v + 1] = targets.length;
  });
  return contiguous(offsets, Int32Array.from(targets), { weights: Float64Array.from(weights) });
}
