/**
 * Weighted modularity of a partition, as networkx `modularity(G, communities,
 * weight="weight", resolution=1)`: Q = Σ_c [ L_c / m − (d_c / 2m)² ], with m the total
 * edge weight, L_c the weight inside community c and d_c its total weighted degree.
 *
 * Contract: `graph` is undirected (each edge listed from both ends); `membership[v]` is
 * v's community. A graph without edges has modularity 0 (networkx divides by zero).
 * Written independently of louvain.ts so tests can check the number it reports.
 */
import { WeightedGraph, nodeCount } from './csr';

export function modularity(graph: WeightedGraph, membership: Int32Array): number {
  const n = nodeCount(graph);
  const communities = membership.reduce((max, c) => Math.max(max, c + 1), 0);
  const inside = new Float64Array(communities);
  const degree = new Float64Array(communities);
  let twiceTotal = 0;
  for (let v = 0; v < n; v++) {
    for (let e = graph.offsets[v]; e < graph.ends[v]; e++) {
      const w = graph.weights[e];
      twiceTotal += w;
      degree[membership[v]] += w;
      if (membership[graph.targets[e]] === membership[v]) inside[membership[v]] += w;
    }
  }
  if (twiceTotal === 0) return 0;
  let q = 0;
  // `inside` counted each internal edge from both ends: it is 2·L_c.
  for (let c = 0; c < communities; c++) q += inside[c] / twiceTotal - (degree[c] / twiceTotal) ** 2;
  return q;
}
