/**
 * introductionPaths (docs/network.md): simple paths MSL → HCP → … → target whose first
 * edge is one of the MSL's relationships (weight = strength) and whose other edges are
 * HCP ties in either direction (weight = tie weight, the largest of the pair's links),
 * with at most maxHops edges and no other MSL. cost = Σ −ln(weight),
 * strength = e^(−cost), hops = edges.
 *
 * Contract: the `first` paths in order of least cost, costs within 1e-12 counting as
 * equal, then fewer hops, then the node ids in order; [] when none, maxHops < 1 or
 * first < 1. Unknown MSL or HCP id: UnknownNodeError.
 *
 * How: a best-first (A*) search over partial paths keyed by (cost so far + lower bound
 * of the rest, fewest possible hops, ids so far). The bounds come from TargetBounds, a
 * hop-limited cost-to-target table over the nodes within maxHops − 1 of the target
 * only. The key of a partial path never exceeds the key of any of its completions, so
 * complete paths leave the queue in answer order and the search stops after `first`.
 *
 * Relationship strengths: by default the ones the network was built with; callers pass the
 * strengths of the moment (one per `net.msl` entry, see relationshipStrengths in src/graph/network/network.context.ts)
 * so that time-decayed strengths never need a rebuild of the network.
 */
import { BinaryHeap } from './heap';
import { WeightedGraph, findEdge } from './csr';
import { HcpNetwork, hcpIndexOf, mslIndexOf } from './network';
import { TargetBounds } from './target-bounds';
import { writtenEntries } from './rows';

export interface IntroductionPath {
  /** The MSL id, then HCP ids up to the target. */
  nodes: string[];
  hops: number;
  cost: number;
  strength: number;
}

/** Costs closer than this are a tie, decided by hops and then ids. */
const COST_EPSILON = 1e-12;

/** Strength per `net.msl` entry (parallel to `net.msl.targets`). */
export type RelationshipStrengths = ArrayLike<number>;

export function introductionPaths(
  net: HcpNetwork,
  mslId: string,
  targetHcpId: string,
  maxHops: number,
  first: number,
  strengths: RelationshipStrengths = net.msl.weights,
): IntroductionPath[] {
  const msl = mslIndexOf(net, mslId);
  const target = hcpIndexOf(net, targetHcpId);
  if (maxHops < 1 || first < 1) return [];
  const search = searchFor(net);
  search.bounds.compute(target, maxHops - 1);
  return bestFirst(net, search, strengths, msl, target, maxHops, first).map((path) => answerOf(net, msl, path));
}

/**
 * For each MSL index of `msls`, its first introduction path to the target (exactly
 * `introductionPaths(…, maxHops, 1)[0]`), or null when it has none. The bound table of the
 * target is computed once for all of them: each MSL's search then only walks its own best path.
 */
export function firstPathsTo(
  net: HcpNetwork,
  targetHcpId: string,
  maxHops: number,
  msls: readonly number[],
  strengths: RelationshipStrengths = net.msl.weights,
): (IntroductionPath | null)[] {
  const target = hcpIndexOf(net, targetHcpId);
  if (maxHops < 1) return msls.map(() => null);
  const search = searchFor(net);
  search.bounds.compute(target, maxHops - 1);
  return msls.map((msl) => {
    const [path] = bestFirst(net, search, strengths, msl, target, maxHops, 1);
    return path ? answerOf(net, msl, path) : null;
  });
}

/** Costs within COST_EPSILON tie, then fewer hops: the order of paths of different MSLs before their ids. */
export function compareCostHops(a: IntroductionPath, b: IntroductionPath): number {
  if (a.cost < b.cost - COST_EPSILON) return -1;
  if (a.cost > b.cost + COST_EPSILON) return 1;
  return a.hops - b.hops;
}

function answerOf(net: HcpNetwork, msl: number, path: PartialPath): IntroductionPath {
  return {
    nodes: [net.mslIds[msl], ...path.nodes.map((v) => net.hcpIds[v])],
    hops: path.nodes.length,
    cost: path.cost,
    strength: Math.exp(-path.cost),
  };
}

/** A path from the MSL; `nodes` are the HCP indices after it. */
interface PartialPath {
  nodes: number[];
  cost: number;
  /** cost + a lower bound on the rest (exact once complete). */
  estimate: number;
  /** Fewest hops of any completion (exact once complete). */
  minHops: number;
  complete: boolean;
}

interface PathSearch {
  costs: Float64Array;
  bounds: TargetBounds;
}

/** By tie graph: a network whose MSL side changed (a logged interaction) shares its ties, and so these. */
const searches = new WeakMap<WeightedGraph, PathSearch>();

/** The bound table, built once per tie graph. */
function searchFor(net: HcpNetwork): PathSearch {
  let search = searches.get(net.ties);
  if (!search) {
    const costs = costsOf(net.ties);
    search = { costs, bounds: new TargetBounds(net.ties, costs) };
    searches.set(net.ties, search);
  }
  return search;
}

/** −ln(weight) per entry, by weight column: the versions of a tie graph after link edits share it (rows.ts). */
const tieCosts = new WeakMap<Float64Array, { costs: Float64Array; written: number }>();

/** −ln(weight) per tie: computed for the entries written since the last version asked, not for every tie. */
function costsOf(ties: WeightedGraph): Float64Array {
  let known = tieCosts.get(ties.weights);
  if (!known) {
    known = { costs: new Float64Array(ties.weights.length), written: 0 };
    tieCosts.set(ties.weights, known);
  }
  const written = writtenEntries(ties);
  for (let e = known.written; e < written; e++) known.costs[e] = -Math.log(ties.weights[e]);
  known.written = Math.max(known.written, written);
  return known.costs;
}

function bestFirst(
  net: HcpNetwork,
  search: PathSearch,
  strengths: RelationshipStrengths,
  msl: number,
  target: number,
  maxHops: number,
  first: number,
): PartialPath[] {
  const queue = new BinaryHeap<PartialPath>(comesBefore);
  const step = (from: PartialPath | null, v: number, edgeCost: number): void => {
    const next = extend(search.bounds, from, v, edgeCost, target, maxHops);
    if (next) queue.push(next);
  };
  const { offsets, ends, targets } = net.msl;
  for (let e = offsets[msl]; e < ends[msl]; e++) step(null, targets[e], -Math.log(strengths[e]));
  const found: PartialPath[] = [];
  while (found.length < first) {
    const path = queue.pop();
    if (!path) break;
    if (path.complete) found.push(path);
    else expand(net.ties, search, path, target, maxHops, step);
  }
  return found;
}

function expand(
  ties: WeightedGraph,
  search: PathSearch,
  path: PartialPath,
  target: number,
  maxHops: number,
  step: (from: PartialPath, v: number, edgeCost: number) => void,
): void {
  const v = path.nodes[path.nodes.length - 1];
  // Last hop allowed: only the tie to the target can finish, found by binary search.
  if (path.nodes.length + 1 === maxHops) {
    const e = findEdge(ties, v, target);
    if (e >= 0) step(path, target, search.costs[e]);
    return;
  }
  for (let e = ties.offsets[v]; e < ties.ends[v]; e++) step(path, ties.targets[e], search.costs[e]);
}

/** `from` followed by v, or null when that is not simple or cannot reach the target in time. */
function extend(
  bounds: TargetBounds,
  from: PartialPath | null,
  v: number,
  edgeCost: number,
  target: number,
  maxHops: number,
): PartialPath | null {
  if (!(edgeCost < Infinity)) return null; // a zero weight introduces nobody
  const hops = from ? from.nodes.length + 1 : 1;
  const cost = (from ? from.cost : 0) + edgeCost;
  // Cheap checks first: most neighbours of a hub are out of reach of the target.
  const rest = v === target ? 0 : bounds.cost(v, maxHops - hops);
  if (rest === Infinity || (from && from.nodes.includes(v))) return null;
  const nodes = from ? [...from.nodes, v] : [v];
  if (v === target) return { nodes, cost, estimate: cost, minHops: hops, complete: true };
  return { nodes, cost, estimate: cost + rest, minHops: hops + bounds.hops(v), complete: false };
}

/** The answer order, applied to lower bounds: cost (with epsilon), hops, ids. */
function comesBefore(a: PartialPath, b: PartialPath): boolean {
  if (a.estimate < b.estimate - COST_EPSILON) return true;
  if (a.estimate > b.estimate + COST_EPSILON) return false;
  if (a.minHops !== b.minHops) return a.minHops < b.minHops;
  return compareIndices(a.nodes, b.nodes) < 0;
}

/** Indices order like ids (ids are sorted); a prefix comes before its extensions. */
function compareIndices(a: number[], b: number[]): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
