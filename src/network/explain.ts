/**
 * Why a score is what it is: exact decompositions of the scores of one HCP.
 *
 * PageRank (pagerank.ts) is the fixed point of
 *   PR(v) = α · Σ_{u → v} PR(u) · w(u, v) / out(u)  +  α · D / n  +  (1 − α) / n
 * where out(u) is the summed weight of u's out-edges and D the rank of the HCPs without out-edges
 * (dangling). `explainPageRank` returns each in-neighbour's inflow, the teleport part and the
 * dangling part; shares are parts over their sum, so they add up to 1 exactly (the sum equals
 * PR(v) to the iteration's tolerance).
 *
 * Betweenness has no per-neighbour decomposition as cheap; what makes an HCP a broker is that
 * its ties reach into communities other than its own: `bridgedCommunities` lists them.
 */
import { Adjacency, WeightedGraph, contiguous, nodeCount } from './csr';

export interface Inflow {
  /** Node index of the in-neighbour. */
  index: number;
  /** α · PR(u) · w(u, v) / out(u). */
  amount: number;
  /** w(u, v) / out(u): the fraction of u's rank that flows to v. */
  fraction: number;
}

export interface PageRankParts {
  /** Every in-neighbour's inflow, largest first, then by index (= id). */
  inflows: Inflow[];
  teleport: number;
  dangling: number;
  /** Sum of every part (PR(v) up to the iteration's tolerance). */
  total: number;
}

/** The reverse of a directed weighted graph: row v lists the u with an edge u → v. */
export function transpose(graph: WeightedGraph): WeightedGraph {
  const n = nodeCount(graph);
  const offsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) for (let e = graph.offsets[u]; e < graph.ends[u]; e++) offsets[graph.targets[e] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const next = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  // Rows are visited in ascending order, so each reversed row comes out sorted.
  for (let u = 0; u < n; u++) {
    for (let e = graph.offsets[u]; e < graph.ends[u]; e++) {
      const slot = next[graph.targets[e]]++;
      targets[slot] = u;
      weights[slot] = graph.weights[e];
    }
  }
  return contiguous(offsets, targets, { weights });
}

/** Rank held by the nodes without out-edges. */
export function danglingRank(rank: Float64Array, out: Float64Array): number {
  let sum = 0;
  for (let u = 0; u < rank.length; u++) if (out[u] === 0) sum += rank[u];
  return sum;
}

export function explainPageRank(
  reverse: WeightedGraph,
  out: Float64Array,
  rank: Float64Array,
  dangling: number,
  v: number,
  alpha = 0.85,
): PageRankParts {
  const n = rank.length;
  const inflows: Inflow[] = [];
  for (let e = reverse.offsets[v]; e < reverse.ends[v]; e++) {
    const u = reverse.targets[e];
    const fraction = reverse.weights[e] / out[u];
    inflows.push({ index: u, amount: alpha * rank[u] * fraction, fraction });
  }
  inflows.sort((a, b) => b.amount - a.amount || a.index - b.index);
  const teleport = (1 - alpha) / n;
  const danglingPart = (alpha * dangling) / n;
  const total = inflows.reduce((sum, inflow) => sum + inflow.amount, teleport + danglingPart);
  return { inflows, teleport, dangling: danglingPart, total };
}

export interface BridgedCommunity {
  /** Community index (membership value). */
  community: number;
  /** The HCP's tied HCPs in that community. */
  ties: number;
  /** Their summed pair weight (sum of link weights per pair). */
  weight: number;
}

/** The communities other than v's own that v's ties reach: most ties first, then weight, then community. */
export function bridgedCommunities(pairSums: Adjacency & { weights: Float64Array }, membership: Int32Array, v: number): BridgedCommunity[] {
  const byCommunity = new Map<number, BridgedCommunity>();
  for (let e = pairSums.offsets[v]; e < pairSums.ends[v]; e++) {
    const c = membership[pairSums.targets[e]];
    if (c === membership[v]) continue;
    const entry = byCommunity.get(c) ?? { community: c, ties: 0, weight: 0 };
    entry.ties += 1;
    entry.weight += pairSums.weights[e];
    byCommunity.set(c, entry);
  }
  return [...byCommunity.values()].sort((a, b) => b.ties - a.ties || b.weight - a.weight || a.community - b.community);
}
