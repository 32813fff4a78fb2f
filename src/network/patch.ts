/**
 * Patches the HCP graphs of a network (network.ts: `ties`, `tieTypes`, `pairSums`, `directed`)
 * for a few changed HCPs instead of building them again from every link: only the links that
 * touch a changed HCP are grouped (the same pair merging as buildNetwork, on a handful of links),
 * the rows of the changed HCPs and of their neighbours are merged from the old rows and those
 * pairs, and every other row is copied as a block (entries renumbered when HCPs were added or
 * erased: the new numbering keeps the old order, so rows stay sorted). No sort of all links, no
 * per-link work beyond one copy: an edit costs O(n + m) memory copies, not a rebuild.
 *
 * Contract: given the old network and `changedLinks`, exactly the new network's links with a
 * changed endpoint (by new node index), `patchPairGraphs` returns graphs
 * equal to buildNetwork's on the new links (weights summed in another order: equal to ~1e-15).
 * The old network is not modified (requests holding it keep a consistent view).
 */
import { Adjacency, WeightedGraph } from './csr';
import { HcpNetwork, LinkTable, PairGraphs, buildDirected, buildPairGraphs } from './network';

/** Which HCPs changed, in both numberings, and how old node indices map to new ones. */
export interface ChangedNodes {
  /** 1 for each changed HCP, by old node index (erased ones included). */
  dirtyOld: Uint8Array;
  /** 1 for each changed HCP that exists, by new node index (added ones included). */
  dirtyNew: Uint8Array;
  /** Old node index -> new (-1: erased); undefined when the HCP ids did not change. */
  remap?: Int32Array;
}

type Column = Float64Array | Uint8Array;

export function patchPairGraphs(old: HcpNetwork, changedLinks: LinkTable, changed: ChangedNodes): PairGraphs {
  const n = changed.dirtyNew.length;
  const patch = buildPairGraphs(n, changedLinks);
  const rows = new RowPatcher(old.ties, changed);
  const ties = rows.patch(old.ties, [old.ties.weights, old.pairSums.weights, old.tieTypes], patch.ties, [
    patch.ties.weights,
    patch.pairSums.weights,
    patch.tieTypes,
  ]);
  const directed = rows.patch(old.directed, [old.directed.weights], patch.directed, [patch.directed.weights]);
  const [tieWeights, sums, types] = ties.columns as [Float64Array, Float64Array, Uint8Array];
  return {
    ties: { offsets: ties.offsets, targets: ties.targets, weights: tieWeights },
    tieTypes: types,
    pairSums: { offsets: ties.offsets, targets: ties.targets, weights: sums },
    directed: { offsets: directed.offsets, targets: directed.targets, weights: directed.columns[0] as Float64Array },
  };
}

/**
 * A PageRank graph of some link types only (network.ts buildTypedDirectedGraph), patched like
 * `directed` above: same arguments, plus the old network's graph of those types.
 */
export function patchTypedGraph(
  old: HcpNetwork,
  changedLinks: LinkTable,
  changed: ChangedNodes,
  graph: WeightedGraph,
  includeType: (code: number) => boolean,
): WeightedGraph {
  const patch = buildDirected(changed.dirtyNew.length, changedLinks, includeType);
  // The typed graph is part of `directed`, so the rows with an entry for a changed HCP are still among its tie neighbours.
  const rows = new RowPatcher(old.ties, changed).patch(graph, [graph.weights], patch, [patch.weights]);
  return { offsets: rows.offsets, targets: rows.targets, weights: rows.columns[0] as Float64Array };
}

interface PatchedRows {
  offsets: Int32Array;
  targets: Int32Array;
  columns: Column[];
}

class RowPatcher {
  /** New node index -> old (-1: added). */
  private readonly inverse: Int32Array;
  /** 1 for each unchanged row (new numbering) that had an entry for a changed HCP: merged, not copied. */
  private readonly touched: Uint8Array;

  constructor(
    oldTies: Adjacency,
    private readonly changed: ChangedNodes,
  ) {
    const { dirtyOld, dirtyNew, remap } = changed;
    const n = dirtyNew.length;
    this.inverse = new Int32Array(n).fill(-1);
    for (let i = 0; i < dirtyOld.length; i++) {
      const j = remap ? remap[i] : i;
      if (j >= 0) this.inverse[j] = i;
    }
    // Ties are symmetric: the rows with an entry for a changed HCP are its old neighbours (directed ⊆ ties, self-loops aside).
    this.touched = new Uint8Array(n);
    for (let i = 0; i < dirtyOld.length; i++) {
      if (!dirtyOld[i]) continue;
      for (let e = oldTies.offsets[i]; e < oldTies.offsets[i + 1]; e++) {
        const j = this.newIndex(oldTies.targets[e]);
        if (j >= 0) this.touched[j] = 1;
      }
    }
  }

  patch(old: Adjacency, oldColumns: Column[], patch: Adjacency, patchColumns: Column[]): PatchedRows {
    if (!this.changed.remap) return this.patchInPlace(old, oldColumns, patch, patchColumns);
    const { dirtyOld, dirtyNew } = this.changed;
    const n = dirtyNew.length;
    const offsets = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) {
      let length = patch.offsets[j + 1] - patch.offsets[j];
      const i = this.inverse[j];
      if (!dirtyNew[j] && i >= 0) {
        if (!this.merged(j, patch)) length += old.offsets[i + 1] - old.offsets[i];
        else for (let e = old.offsets[i]; e < old.offsets[i + 1]; e++) length += dirtyOld[old.targets[e]] ? 0 : 1;
      }
      offsets[j + 1] = offsets[j] + length;
    }
    const targets = new Int32Array(offsets[n]);
    const columns = oldColumns.map((column) => (column instanceof Uint8Array ? new Uint8Array(offsets[n]) : new Float64Array(offsets[n])));
    // Unchanged rows in a row of the old graph are copied as one block.
    let runStart = -1;
    const flush = (end: number) => {
      if (runStart < 0) return;
      const from = old.offsets[this.inverse[runStart]];
      const to = old.offsets[this.inverse[end - 1] + 1];
      this.copyTargets(old.targets, from, to, targets, offsets[runStart]);
      oldColumns.forEach((column, c) => columns[c].set(column.subarray(from, to), offsets[runStart]));
      runStart = -1;
    };
    for (let j = 0; j < n; j++) {
      const i = this.inverse[j];
      const copied = !dirtyNew[j] && i >= 0 && !this.merged(j, patch);
      if (copied && runStart >= 0 && this.inverse[j - 1] === i - 1) continue;
      flush(j);
      if (copied) runStart = j;
      else this.mergeRow(j, old, oldColumns, patch, patchColumns, { offsets, targets, columns });
    }
    flush(n);
    return { offsets, targets, columns };
  }

  /**
   * Same node numbering (a link edit): the rows between two merged rows keep their entries, shifted
   * by what the merged rows before them gained or lost, so offsets and entries are block copies and
   * only the merged rows (the changed HCPs and their neighbours: O(degree)) are visited one by one.
   */
  private patchInPlace(old: Adjacency, oldColumns: Column[], patch: Adjacency, patchColumns: Column[]): PatchedRows {
    const n = this.changed.dirtyNew.length;
    const rows = this.mergedRows(patch);
    const lengths = rows.map((j) => this.mergedLength(j, old, patch));
    const offsets = new Int32Array(n + 1);
    let delta = 0;
    let from = 0;
    rows.forEach((j, r) => {
      // Rows from..j-1 are copied: their offsets shift by the change so far.
      for (let v = from + 1; v <= j; v++) offsets[v] = old.offsets[v] + delta;
      delta += lengths[r] - (old.offsets[j + 1] - old.offsets[j]);
      offsets[j + 1] = old.offsets[j + 1] + delta;
      from = j + 1;
    });
    for (let v = from + 1; v <= n; v++) offsets[v] = old.offsets[v] + delta;
    const total = offsets[n];
    const out: PatchedRows = {
      offsets,
      targets: new Int32Array(total),
      columns: oldColumns.map((column) => (column instanceof Uint8Array ? new Uint8Array(total) : new Float64Array(total))),
    };
    const copy = (start: number, end: number) => {
      if (end <= start) return;
      const a = old.offsets[start];
      const b = old.offsets[end];
      out.targets.set(old.targets.subarray(a, b), offsets[start]);
      oldColumns.forEach((column, c) => out.columns[c].set(column.subarray(a, b), offsets[start]));
    };
    from = 0;
    for (const j of rows) {
      copy(from, j);
      this.mergeRow(j, old, oldColumns, patch, patchColumns, out);
      from = j + 1;
    }
    copy(from, n);
    return out;
  }

  /** The rows merged rather than copied, ascending (same numbering): changed, touched, or with patch entries. */
  private mergedRows(patch: Adjacency): number[] {
    const { dirtyNew } = this.changed;
    const rows: number[] = [];
    for (let j = 0; j < dirtyNew.length; j++) if (dirtyNew[j] || this.merged(j, patch)) rows.push(j);
    return rows;
  }

  /** How many entries row j has once merged (the count mergeRow writes). */
  private mergedLength(j: number, old: Adjacency, patch: Adjacency): number {
    let length = patch.offsets[j + 1] - patch.offsets[j];
    if (this.changed.dirtyNew[j]) return length;
    for (let e = old.offsets[j]; e < old.offsets[j + 1]; e++) length += this.changed.dirtyOld[old.targets[e]] ? 0 : 1;
    return length;
  }

  private merged(j: number, patch: Adjacency): boolean {
    return this.touched[j] === 1 || patch.offsets[j + 1] > patch.offsets[j];
  }

  private newIndex(i: number): number {
    return this.changed.remap ? this.changed.remap[i] : i;
  }

  private copyTargets(from: Int32Array, start: number, end: number, into: Int32Array, at: number): void {
    const remap = this.changed.remap;
    if (!remap) into.set(from.subarray(start, end), at);
    else for (let e = start; e < end; e++) into[at++] = remap[from[e]];
  }

  /** Row j: the old entries for unchanged HCPs (none when j changed) and the patch's, both ascending, merged. */
  private mergeRow(j: number, old: Adjacency, oldColumns: Column[], patch: Adjacency, patchColumns: Column[], out: PatchedRows): void {
    const i = this.inverse[j];
    let e = this.changed.dirtyNew[j] || i < 0 ? 0 : old.offsets[i];
    const oldEnd = this.changed.dirtyNew[j] || i < 0 ? 0 : old.offsets[i + 1];
    let p = patch.offsets[j];
    const patchEnd = patch.offsets[j + 1];
    let k = out.offsets[j];
    for (;;) {
      while (e < oldEnd && this.changed.dirtyOld[old.targets[e]]) e++;
      const oldTarget = e < oldEnd ? this.newIndex(old.targets[e]) : Infinity;
      const patchTarget = p < patchEnd ? patch.targets[p] : Infinity;
      if (oldTarget === Infinity && patchTarget === Infinity) break;
      if (oldTarget < patchTarget) {
        out.targets[k] = oldTarget;
        oldColumns.forEach((column, c) => (out.columns[c][k] = column[e]));
        e++;
      } else {
        out.targets[k] = patchTarget;
        patchColumns.forEach((column, c) => (out.columns[c][k] = column[p]));
        p++;
      }
      k++;
    }
  }
}
