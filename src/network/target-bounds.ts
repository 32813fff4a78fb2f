/**
 * Hop-limited lower bounds on the cost of reaching one target over the tie graph,
 * the admissible heuristic behind introductionPaths' best-first search.
 *
 * Contract: after `compute(target, maxLayer)`, `cost(v, r)` is the least Σ −ln(weight)
 * over walks from v to the target with at most r ties (r ≤ maxLayer; Infinity when
 * none) and `hops(v)` the fewest ties of such a walk. Walks need not be simple, so both
 * are lower bounds for simple paths. Only nodes within maxLayer hops of the target are
 * touched (layered Bellman-Ford that relaxes just the nodes improved in the previous
 * layer); all buffers live as long as the table, so a query allocates nothing of size n.
 */
import { WeightedGraph, nodeCount } from './csr';

export class TargetBounds {
  private readonly n: number;
  /** touched[v] === stamp: v is within reach this query; hopCount/layers are valid. */
  private readonly touched: Int32Array;
  private readonly hopCount: Int32Array;
  /** layers[r][v] = bound with at most r ties; grown on demand, reused across queries. */
  private readonly layers: Float64Array[] = [];
  private readonly touchedList: Int32Array;
  private touchedSize = 0;
  private readonly improvedAt: Int32Array;
  private frontier: Int32Array;
  private nextFrontier: Int32Array;
  private stamp = 0;
  private layerStamp = 0;
  /** Layers past this one equal it (the search converged early). */
  private lastLayer = 0;

  constructor(
    private readonly graph: WeightedGraph,
    /** −ln(weight) per graph entry. */
    private readonly costs: Float64Array,
  ) {
    this.n = nodeCount(graph);
    this.touched = new Int32Array(this.n);
    this.hopCount = new Int32Array(this.n);
    this.touchedList = new Int32Array(this.n);
    this.improvedAt = new Int32Array(this.n);
    this.frontier = new Int32Array(this.n);
    this.nextFrontier = new Int32Array(this.n);
  }

  compute(target: number, maxLayer: number): void {
    this.resetStamps();
    this.touchedSize = 0;
    this.touch(target, 0, 0);
    this.frontier[0] = target;
    let frontierSize = 1;
    this.lastLayer = 0;
    for (let r = 1; r <= maxLayer && frontierSize > 0; r++) {
      this.openLayer(r);
      frontierSize = this.relax(r, frontierSize);
      this.lastLayer = r;
    }
  }

  cost(v: number, r: number): number {
    if (this.touched[v] !== this.stamp || this.hopCount[v] > r) return Infinity;
    return this.layers[Math.min(r, this.lastLayer)][v];
  }

  hops(v: number): number {
    return this.touched[v] === this.stamp ? this.hopCount[v] : Infinity;
  }

  private resetStamps(): void {
    if (this.stamp < 0x7ffffff0 && this.layerStamp < 0x7ffffff0) {
      this.stamp++;
      return;
    }
    this.touched.fill(0);
    this.improvedAt.fill(0);
    this.stamp = 1;
    this.layerStamp = 0;
  }

  private layer(r: number): Float64Array {
    while (this.layers.length <= r) this.layers.push(new Float64Array(this.n));
    return this.layers[r];
  }

  private touch(v: number, hops: number, cost: number): void {
    this.touched[v] = this.stamp;
    this.hopCount[v] = hops;
    for (let r = 0; r < hops; r++) this.layer(r)[v] = Infinity;
    this.layer(hops)[v] = cost;
    this.touchedList[this.touchedSize++] = v;
  }

  /** Layer r starts as a copy of layer r − 1 (a walk may use fewer ties). */
  private openLayer(r: number): void {
    const previous = this.layer(r - 1);
    const current = this.layer(r);
    for (let i = 0; i < this.touchedSize; i++) {
      const v = this.touchedList[i];
      current[v] = previous[v];
    }
  }

  /** Relaxes the ties of last layer's improved nodes; returns the new frontier's size. */
  private relax(r: number, frontierSize: number): number {
    const { offsets, ends, targets } = this.graph;
    const previous = this.layers[r - 1];
    const current = this.layers[r];
    const improved = ++this.layerStamp;
    let nextSize = 0;
    for (let i = 0; i < frontierSize; i++) {
      const u = this.frontier[i];
      const base = previous[u];
      for (let e = offsets[u]; e < ends[u]; e++) {
        const c = this.costs[e];
        if (!(c < Infinity)) continue; // a zero-weight tie introduces nobody
        const v = targets[e];
        const candidate = base + c;
        if (this.touched[v] !== this.stamp) this.touch(v, r, candidate);
        else if (candidate < current[v]) current[v] = candidate;
        else continue;
        if (this.improvedAt[v] === improved) continue;
        this.improvedAt[v] = improved;
        this.nextFrontier[nextSize++] = v;
      }
    }
    [this.frontier, this.nextFrontier] = [this.nextFrontier, this.frontier];
    return nextSize;
  }
}
