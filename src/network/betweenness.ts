/**
 * Betweenness centrality of an undirected, unweighted simple graph (Brandes 2001),
 * normalized as networkx `betweenness_centrality(G, normalized=True)`: the sum over
 * ordered source/target pairs divided by (n − 1)(n − 2); no scaling when n ≤ 2.
 *
 * Contract: `betweenness` returns the normalized score of every node by index. For
 * parallel work, `accumulateBetweenness` adds the raw dependencies of a range of
 * sources into a caller's array (ranges may run in separate workers and be summed),
 * and `normalizeBetweenness` scales the total in place. Memory is O(n), allocated once
 * per call, never per source.
 */
import { Adjacency, nodeCount } from './csr';

export function betweenness(graph: Adjacency): Float64Array {
  const raw = new Float64Array(nodeCount(graph));
  accumulateBetweenness(graph, 0, raw.length, raw);
  return normalizeBetweenness(raw);
}

/** Adds the raw dependencies of sources firstSource..endSource-1 into `into`. */
export function accumulateBetweenness(graph: Adjacency, firstSource: number, endSource: number, into: Float64Array): void {
  const workspace = createWorkspace(nodeCount(graph));
  for (let source = firstSource; source < endSource; source++) accumulateSource(graph, source, workspace, into);
}

/** Scales raw (ordered-pair) dependencies to networkx's normalized values, in place. */
export function normalizeBetweenness(raw: Float64Array): Float64Array {
  const n = raw.length;
  if (n <= 2) return raw;
  const scale = 1 / ((n - 1) * (n - 2));
  for (let v = 0; v < n; v++) raw[v] *= scale;
  return raw;
}

interface Workspace {
  /** Hop distance from the source, −1 when not reached. */
  distance: Int32Array;
  /** Number of shortest paths from the source. */
  paths: Float64Array;
  dependency: Float64Array;
  /** Nodes in BFS order: the queue forwards, the stack backwards. */
  order: Int32Array;
}

function createWorkspace(n: number): Workspace {
  return {
    distance: new Int32Array(n).fill(-1),
    paths: new Float64Array(n),
    dependency: new Float64Array(n),
    order: new Int32Array(n),
  };
}

function accumulateSource(graph: Adjacency, source: number, ws: Workspace, into: Float64Array): void {
  const reached = countShortestPaths(graph, source, ws);
  const { offsets, targets } = graph;
  const { distance, paths, dependency, order } = ws;
  // Predecessors are the neighbours one hop closer: found again instead of stored.
  for (let i = reached - 1; i > 0; i--) {
    const w = order[i];
    const coefficient = (1 + dependency[w]) / paths[w];
    const closer = distance[w] - 1;
    for (let e = offsets[w]; e < offsets[w + 1]; e++) {
      const v = targets[e];
      if (distance[v] === closer) dependency[v] += paths[v] * coefficient;
    }
    into[w] += dependency[w];
  }
  for (let i = 0; i < reached; i++) {
    const v = order[i];
    distance[v] = -1;
    paths[v] = 0;
    dependency[v] = 0;
  }
}

/** BFS from `source`; returns how many nodes it reached (their ids fill ws.order). */
function countShortestPaths(graph: Adjacency, source: number, ws: Workspace): number {
  const { offsets, targets } = graph;
  const { distance, paths, order } = ws;
  distance[source] = 0;
  paths[source] = 1;
  order[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++];
    const next = distance[v] + 1;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      if (distance[w] < 0) {
        distance[w] = next;
        order[tail++] = w;
      }
      if (distance[w] === next) paths[w] += paths[v];
    }
  }
  return tail;
}
