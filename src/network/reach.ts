/**
 * networkReach (docs/network.md): the HCPs at unweighted shortest distance 1..maxHops
 * from an HCP, or from an MSL whose first hop is its relationships; ties are taken in
 * either direction and the start is excluded.
 *
 * Contract: `byHop` lists every distance 1..maxHops, zero counts included, and `total`
 * is their sum (maxHops < 1: empty). Unknown id: UnknownNodeError. The BFS reuses one
 * visited-stamp array and queue per network, so a call allocates only its answer.
 */
import { Adjacency } from './csr';
import { HcpNetwork, UnknownNodeError } from './network';

export interface HopCount {
  hops: number;
  count: number;
}

export interface Reach {
  total: number;
  byHop: HopCount[];
}

export function networkReach(net: HcpNetwork, fromId: string, maxHops: number): Reach {
  const search = searchFor(net);
  const stamp = search.nextStamp();
  const start = firstLayer(net, fromId, search, stamp);
  const counts = new Array<number>(Math.max(0, maxHops)).fill(0);
  // An MSL's own HCPs are the first layer; an HCP start is not counted.
  if (start.distance > 0 && counts.length > 0) counts[0] = start.count;
  expand(net, search, stamp, start, counts);
  return {
    total: counts.reduce((sum, c) => sum + c, 0),
    byHop: counts.map((count, i) => ({ hops: i + 1, count })),
  };
}

/** BFS scratch kept per network: a reused stamp marks "visited in this call". */
class BfsScratch {
  readonly visited: Int32Array;
  readonly queue: Int32Array;
  private stamp = 0;

  constructor(n: number) {
    this.visited = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.visited.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

/** By tie graph: networks that share it (only their MSL side differs) share the scratch. */
const scratch = new WeakMap<Adjacency, BfsScratch>();

function searchFor(net: HcpNetwork): BfsScratch {
  let search = scratch.get(net.ties);
  if (!search) {
    search = new BfsScratch(net.hcpIds.length);
    scratch.set(net.ties, search);
  }
  return search;
}

/** The queue holds `count` nodes from position 0, all at distance `distance`. */
interface Layer {
  count: number;
  distance: number;
}

/** Seeds the queue with the start (distance 0) or, for an MSL, its HCPs (distance 1). */
function firstLayer(net: HcpNetwork, fromId: string, search: BfsScratch, stamp: number): Layer {
  const hcp = net.hcpIndex.get(fromId);
  if (hcp !== undefined) {
    search.visited[hcp] = stamp;
    search.queue[0] = hcp;
    return { count: 1, distance: 0 };
  }
  const msl = net.mslIndex.get(fromId);
  if (msl === undefined) throw new UnknownNodeError(fromId);
  let count = 0;
  for (let e = net.msl.offsets[msl]; e < net.msl.ends[msl]; e++) {
    const h = net.msl.targets[e];
    search.visited[h] = stamp;
    search.queue[count++] = h;
  }
  return { count, distance: 1 };
}

/** Level-synchronous BFS so each layer's size is its distance's count. */
function expand(net: HcpNetwork, search: BfsScratch, stamp: number, start: Layer, counts: number[]): void {
  const { offsets, ends, targets } = net.ties;
  const { visited, queue } = search;
  let head = 0;
  let tail = start.count;
  for (let distance = start.distance + 1; distance <= counts.length; distance++) {
    const layerEnd = tail;
    for (; head < layerEnd; head++) {
      const v = queue[head];
      for (let e = offsets[v]; e < ends[v]; e++) {
        const w = targets[e];
        if (visited[w] === stamp) continue;
        visited[w] = stamp;
        queue[tail++] = w;
      }
    }
    counts[distance - 1] = tail - layerEnd;
  }
}
