/**
 * Betweenness centrality of an undirected, unweighted simple graph (Brandes 2001),
 * normalized as networkx `betweenness_centrality(G, normalized=True)`: the sum over
 * ordered source/target pairs divided by (n − 1)(n − 2); no scaling when n ≤ 2.
 *
 * Contract: `betweenness` returns the normalized score of every node by index. For
 * parallel work, `accumulateBetweenness` adds the raw dependencies of a range of
 * sources into a caller's array (ranges may run in separate workers and be summed),
 * and `normalizeBetweenness` scales the total in place. Memory is O(n + m), allocated
 * once per graph (kept while the graph lives, reused by every range), never per source.
 */
import { Adjacency, nodeCount } from './csr';

export function betweenness(graph: Adjacency): Float64Array {
  const raw = new Float64Array(nodeCount(graph));
  accumulateBetweenness(graph, 0, raw.length, raw);
  return normalizeBetweenness(raw);
}

/** Adds the raw dependencies of sources firstSource..endSource-1 into `into`. */
export function accumulateBetweenness(graph: Adjacency, firstSource: number, endSource: number, into: Float64Array): void {
  const workspace = workspaceFor(graph);
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
  /** Nodes in BFS order. */
  order: Int32Array;
  /** How many nodes the last BFS reached (the first entries of `order`). */
  reached: number;
  /** Shortest-path DAG edges (closer → farther) in the order the BFS found them. */
  dagFrom: Int32Array;
  dagTo: Int32Array;
  dagEdges: number;
}

/** One workspace per graph, reused by every call: callers run many small source ranges. */
const workspaces = new WeakMap<Adjacency, Workspace>();

function workspaceFor(graph: Adjacency): Workspace {
  let workspace = workspaces.get(graph);
  if (!workspace) {
    workspace = createWorkspace(graph);
    workspaces.set(graph, workspace);
  }
  return workspace;
}

function createWorkspace(graph: Adjacency): Workspace {
  const n = nodeCount(graph);
  return {
    distance: new Int32Array(n).fill(-1),
    paths: new Float64Array(n),
    dependency: new Float64Array(n),
    order: new Int32Array(n),
    reached: 0,
    dagFrom: new Int32Array(graph.targets.length),
    dagTo: new Int32Array(graph.targets.length),
    dagEdges: 0,
  };
}

function accumulateSource(graph: Adjacency, source: number, ws: Workspace, into: Float64Array): void {
  countShortestPaths(graph, source, ws);
  const { distance, paths, dependency, order, reached, dagFrom, dagTo, dagEdges } = ws;
  // Reverse discovery order finishes every node's dependency before its predecessors use it.
  for (let j = dagEdges - 1; j >= 0; j--) {
    const v = dagFrom[j];
    const w = dagTo[j];
    dependency[v] += (paths[v] / paths[w]) * (1 + dependency[w]);
  }
  for (let i = 1; i < reached; i++) into[order[i]] += dependency[order[i]];
  for (let i = 0; i < reached; i++) {
    const v = order[i];
    distance[v] = -1;
    paths[v] = 0;
    dependency[v] = 0;
  }
}

/** BFS from `source` counting shortest paths and recording the shortest-path DAG. */
function countShortestPaths(graph: Adjacency, source: number, ws: Workspace): void {
  const { offsets, ends, targets } = graph;
  const { distance, paths, order, dagFrom, dagTo } = ws;
  distance[source] = 0;
  paths[source] = 1;
  order[0] = source;
  let head = 0;
  let tail = 1;
  let dagEdges = 0;
  while (head < tail) {
    const v = order[head++];
    const next = distance[v] + 1;
    for (let e = offsets[v]; e < ends[v]; e++) {
      const w = targets[e];
      if (distance[w] < 0) {
        distance[w] = next;
        order[tail++] = w;
      }
      if (distance[w] !== next) continue;
      paths[w] += paths[v];
      dagFrom[dagEdges] = v;
      dagTo[dagEdges++] = w;
    }
  }
  ws.reached = tail;
  ws.dagEdges = dagEdges;
}
