/**
 * Community detection by weighted modularity (resolution 1) on an undirected graph —
 * in this project the HCP network whose pair weight is the SUM of the pair's links.
 *
 * Contract: `graph` lists each edge from both ends and has no self-loops (as
 * HcpNetwork.pairSums). Every node gets a community; community ids are 0..k-1 numbered in order of
 * their smallest member index (= smallest member id); `modularity` is the partition's
 * networkx modularity. Deterministic for a given seed. A graph without edges yields
 * singletons and modularity 0.
 *
 * How: Louvain (local moving, then aggregation, level after level) followed by
 * multilevel refinement — going back down the levels, nodes of each level (whole
 * sub-communities) move again between the final communities, which repairs early
 * greedy choices. That is repeated from the improved partition until it stops
 * improving, for several seeded node orders; the best partition wins. Quality bar
 * (docs/network.md): at least networkx's best Louvain.
 */
import { Adjacency, WeightedGraph, contiguous, entryCount, nodeCount } from './csr';
import { Random, seededRandom, shuffledRange } from './random';

export interface Communities {
  membership: Int32Array;
  modularity: number;
}

export interface LouvainOptions {
  /** Seed of the node orders; default 1. */
  seed?: number;
  /** Independent seeded runs, best kept; default from 16 (small graphs) down to 1 (1M links). */
  runs?: number;
}

export function louvain(graph: WeightedGraph, options: LouvainOptions = {}): Communities {
  const base = baseLevel(graph);
  const random = seededRandom(options.seed ?? 1);
  const runs = options.runs ?? defaultRuns(graph);
  let best = singletons(base.size);
  let bestQuality = partitionQuality(base, best);
  for (let run = 0; run < runs && base.twiceTotal > 0; run++) {
    const membership = improveUntilStable(base, random);
    const quality = partitionQuality(base, membership);
    if (quality > bestQuality) {
      best = membership;
      bestQuality = quality;
    }
  }
  return { membership: numberBySmallestMember(best), modularity: bestQuality };
}

/** Fewer restarts as the graph grows (16 for thousands of links, 1 for a million). */
function defaultRuns(graph: WeightedGraph): number {
  const size = nodeCount(graph) + entryCount(graph);
  return Math.max(1, Math.min(16, Math.floor(2_000_000 / Math.max(1, size))));
}

/** One level of the hierarchy: nodes are communities of the level below. */
interface Level {
  readonly size: number;
  readonly graph: WeightedGraph;
  /** Weight of the edges inside each node, each counted once. */
  readonly selfLoops: Float64Array;
  /** Weighted degree, self-loops counted twice (as networkx does). */
  readonly strength: Float64Array;
  /** 2m: the sum of all strengths. */
  readonly twiceTotal: number;
}

function baseLevel(graph: WeightedGraph): Level {
  const size = nodeCount(graph);
  const strength = new Float64Array(size);
  let twiceTotal = 0;
  for (let v = 0; v < size; v++) {
    for (let e = graph.offsets[v]; e < graph.ends[v]; e++) strength[v] += graph.weights[e];
    twiceTotal += strength[v];
  }
  return { size, graph, selfLoops: new Float64Array(size), strength, twiceTotal };
}

function singletons(n: number): Int32Array {
  const membership = new Int32Array(n);
  for (let v = 0; v < n; v++) membership[v] = v;
  return membership;
}

/** Louvain + refinement, restarted from its own result while modularity improves. */
function improveUntilStable(base: Level, random: Random): Int32Array {
  let membership = singletons(base.size);
  let quality = partitionQuality(base, membership);
  for (;;) {
    const next = louvainPass(base, membership, random);
    const nextQuality = partitionQuality(base, next);
    if (nextQuality <= quality + 1e-12) return membership;
    membership = next;
    quality = nextQuality;
  }
}

/**
 * Coarsens from `start` (node moves on the base level first, then Louvain on the
 * aggregated levels), then refines back down: the result is a base-level membership.
 */
function louvainPass(base: Level, start: Int32Array, random: Random): Int32Array {
  const levels: Level[] = [base];
  const parents: Int32Array[] = [];
  let community: Int32Array = start.slice();
  for (;;) {
    const level = levels[levels.length - 1];
    const moved = moveNodes(level, community, random);
    const parent = compactIds(community);
    if (!moved && parent.count === level.size) break;
    parents.push(parent.ids);
    levels.push(aggregate(level, parent.ids, parent.count));
    community = singletons(parent.count);
  }
  // Back down: project the top partition one level lower and let that level's nodes move.
  for (let l = parents.length - 1; l >= 0; l--) {
    community = project(parents[l], community);
    moveNodes(levels[l], community, random);
  }
  return community;
}

function project(parent: Int32Array, upper: Int32Array): Int32Array {
  return parent.map((p) => upper[p]);
}

/**
 * Local moving: takes nodes from a queue (first all, in random order) and moves each to
 * the neighbouring community of largest modularity gain; a move re-queues the node's
 * neighbours outside its new community, the only nodes whose best choice it can change
 * for the better (Leiden's "fast local move": far fewer visits than full passes).
 * `community` ids must be < level.size. Returns whether any node moved.
 */
function moveNodes(level: Level, community: Int32Array, random: Random): boolean {
  const { size, graph, strength, twiceTotal } = level;
  const total = new Float64Array(size);
  for (let v = 0; v < size; v++) total[community[v]] += strength[v];
  const linkTo = new Float64Array(size).fill(-1);
  const candidates = new Int32Array(size);
  // A ring buffer: every node is queued at most once at a time, so `size` slots suffice.
  const queue = shuffledRange(size, random);
  const queued = new Uint8Array(size).fill(1);
  let head = 0;
  let queuedCount = size;
  let movedAny = false;
  while (queuedCount > 0) {
    const v = queue[head];
    head = head + 1 === size ? 0 : head + 1;
    queuedCount--;
    queued[v] = 0;
    const own = community[v];
    const k = strength[v];
    // Weight from v to each neighbouring community; −1 marks "not a neighbour".
    let count = 0;
    for (let e = graph.offsets[v]; e < graph.ends[v]; e++) {
      const c = community[graph.targets[e]];
      if (linkTo[c] < 0) {
        linkTo[c] = 0;
        candidates[count++] = c;
      }
      linkTo[c] += graph.weights[e];
    }
    total[own] -= k;
    // Gain of joining c, up to a common factor: k_in(c) − total(c)·k / 2m.
    let best = own;
    let bestGain = Math.max(linkTo[own], 0) - (total[own] * k) / twiceTotal;
    for (let j = 0; j < count; j++) {
      const c = candidates[j];
      const gain = linkTo[c] - (total[c] * k) / twiceTotal;
      // The epsilon keeps rounding noise from moving nodes back and forth forever.
      if (gain > bestGain + 1e-12 * (1 + k)) {
        best = c;
        bestGain = gain;
      }
      linkTo[c] = -1;
    }
    linkTo[own] = -1;
    total[best] += k;
    community[v] = best;
    if (best === own) continue;
    movedAny = true;
    for (let e = graph.offsets[v]; e < graph.ends[v]; e++) {
      const u = graph.targets[e];
      if (queued[u] === 1 || community[u] === best) continue;
      queued[u] = 1;
      const tail = head + queuedCount;
      queue[tail >= size ? tail - size : tail] = u;
      queuedCount++;
    }
  }
  return movedAny;
}

/** Renumbers community ids to 0..count-1 in order of first appearance. */
function compactIds(community: Int32Array): { ids: Int32Array; count: number } {
  const renamed = new Int32Array(community.length).fill(-1);
  const ids = new Int32Array(community.length);
  let count = 0;
  for (let v = 0; v < community.length; v++) {
    const c = community[v];
    if (renamed[c] < 0) renamed[c] = count++;
    ids[v] = renamed[c];
  }
  return { ids, count };
}

/**
 * The graph whose nodes are `parent`'s communities; inner weight becomes self-loops.
 * Rows are built community by community with a scratch accumulator (no sort, no
 * half-edge copies: aggregation of 1M links would otherwise dominate the run time), so
 * their targets are in discovery order, not ascending.
 */
function aggregate(level: Level, parent: Int32Array, count: number): Level {
  const { graph } = level;
  const members = groupMembers(parent, count);
  const selfLoops = new Float64Array(count);
  const strength = new Float64Array(count);
  const offsets = new Int32Array(count + 1);
  const targets = new Int32Array(graph.targets.length);
  const weights = new Float64Array(graph.targets.length);
  const linkTo = new Float64Array(count).fill(-1);
  let next = 0;
  for (let c = 0; c < count; c++) {
    const rowStart = next;
    for (let i = members.offsets[c]; i < members.ends[c]; i++) {
      const v = members.targets[i];
      selfLoops[c] += level.selfLoops[v];
      strength[c] += level.strength[v];
      for (let e = graph.offsets[v]; e < graph.ends[v]; e++) {
        const d = parent[graph.targets[e]];
        const w = graph.weights[e];
        // An inner edge is seen from both ends: half of it each time.
        if (d === c) selfLoops[c] += w / 2;
        else if (linkTo[d] < 0) {
          linkTo[d] = w;
          targets[next++] = d;
        } else linkTo[d] += w;
      }
    }
    for (let i = rowStart; i < next; i++) {
      weights[i] = linkTo[targets[i]];
      linkTo[targets[i]] = -1;
    }
    offsets[c + 1] = next;
  }
  const aggregated = contiguous(offsets, targets.slice(0, next), { weights: weights.slice(0, next) });
  return { size: count, graph: aggregated, selfLoops, strength, twiceTotal: level.twiceTotal };
}

/** The nodes of each community, as adjacency lists (community → members). */
function groupMembers(parent: Int32Array, count: number): Adjacency {
  const offsets = new Int32Array(count + 1);
  for (let v = 0; v < parent.length; v++) offsets[parent[v] + 1]++;
  for (let c = 0; c < count; c++) offsets[c + 1] += offsets[c];
  const fill = offsets.slice(0, count);
  const targets = new Int32Array(parent.length);
  for (let v = 0; v < parent.length; v++) targets[fill[parent[v]]++] = v;
  return contiguous(offsets, targets, {});
}

/** Modularity of a base-level membership, from the level's own degree data. */
function partitionQuality(base: Level, membership: Int32Array): number {
  if (base.twiceTotal === 0) return 0;
  const { graph } = base;
  const total = new Float64Array(base.size);
  let inside = 0;
  for (let v = 0; v < base.size; v++) {
    total[membership[v]] += base.strength[v];
    for (let e = graph.offsets[v]; e < graph.ends[v]; e++) {
      if (membership[graph.targets[e]] === membership[v]) inside += graph.weights[e];
    }
  }
  let spread = 0;
  for (let c = 0; c < base.size; c++) spread += total[c] * total[c];
  return inside / base.twiceTotal - spread / (base.twiceTotal * base.twiceTotal);
}

function numberBySmallestMember(membership: Int32Array): Int32Array {
  return compactIds(membership).ids;
}
