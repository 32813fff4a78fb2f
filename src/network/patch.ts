/**
 * Patches the HCP graphs of a network (network.ts: `ties`, `tieTypes`, `pairSums`, `directed`)
 * for a few changed HCPs instead of building them again from every link: only the links that
 * touch a changed HCP are grouped (the same pair merging as buildNetwork, on a handful of links),
 * the rows of the changed HCPs and of their neighbours are merged from the old rows and those
 * pairs. A link edit (same numbering) writes only those rows, moved into the room the graph keeps
 * (rows.ts): O(degree) entries plus two n-entry block copies. When HCPs were added or erased every
 * other row is copied too (entries renumbered: the new numbering keeps the old order, so rows
 * stay sorted): O(n + m) memory copies, not a rebuild.
 *
 * Contract: given the old network and `changedLinks`, exactly the new network's links with a
 * changed endpoint (by new node index), `patchPairGraphs` returns graphs
 * equal to buildNetwork's on the new links (weights summed in another order: equal to ~1e-15).
 * The old network is not modified (requests holding it keep a consistent view).
 */
import { Adjacency, WeightedGraph, contiguous, sharedInt32 } from './csr';
import { Column, Rows, moveRows, sharedColumn } from './rows';
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

export function patchPairGraphs(old: HcpNetwork, changedLinks: LinkTable, changed: ChangedNodes): PairGraphs {
  const n = changed.dirtyNew.length;
  const patch = buildPairGraphs(n, changedLinks);
  const rows = new RowPatcher(old.ties, changed);
  const ties = rows.patch({ ...old.ties, columns: [old.ties.weights, old.pairSums.weights, old.tieTypes] }, patch.ties, [
    patch.ties.weights,
    patch.pairSums.weights,
    patch.tieTypes,
  ]);
  const directed = rows.patch({ ...old.directed, columns: [old.directed.weights] }, patch.directed, [patch.directed.weights]);
  const [tieWeights, sums, types] = ties.columns as [Float64Array, Float64Array, Uint8Array];
  const { offsets, ends, targets } = ties;
  return {
    ties: { offsets, ends, targets, weights: tieWeights },
    tieTypes: types,
    pairSums: { offsets, ends, targets, weights: sums },
    directed: { offsets: directed.offsets, ends: directed.ends, targets: directed.targets, weights: directed.columns[0] as Float64Array },
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
  const rows = new RowPatcher(old.ties, changed).patch({ ...graph, columns: [graph.weights] }, patch, [patch.weights]);
  return { offsets: rows.offsets, ends: rows.ends, targets: rows.targets, weights: rows.columns[0] as Float64Array };
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
      for (let e = oldTies.offsets[i]; e < oldTies.ends[i]; e++) {
        const j = this.newIndex(oldTies.targets[e]);
        if (j >= 0) this.touched[j] = 1;
      }
    }
  }

  patch(old: Rows, patch: Adjacency, patchColumns: Column[]): Rows {
    if (!this.changed.remap) return this.patchInPlace(old, patch, patchColumns);
    const { dirtyOld, dirtyNew } = this.changed;
    const n = dirtyNew.length;
    const offsets = sharedInt32(n + 1);
    for (let j = 0; j < n; j++) {
      let length = patch.ends[j] - patch.offsets[j];
      const i = this.inverse[j];
      if (!dirtyNew[j] && i >= 0) {
        if (!this.merged(j, patch)) length += old.ends[i] - old.offsets[i];
        else for (let e = old.offsets[i]; e < old.ends[i]; e++) length += dirtyOld[old.targets[e]] ? 0 : 1;
      }
      offsets[j + 1] = offsets[j] + length;
    }
    const out: Rows = contiguous(offsets, sharedInt32(offsets[n]), {
      columns: old.columns.map((column) => sharedColumn(column, offsets[n])),
    });
    // Unchanged rows lying end to end in the old graph are copied as one block.
    let runStart = -1;
    const flush = (end: number) => {
      if (runStart < 0) return;
      const from = old.offsets[this.inverse[runStart]];
      const to = old.ends[this.inverse[end - 1]];
      this.copyTargets(old.targets, from, to, out.targets, offsets[runStart]);
      old.columns.forEach((column, c) => out.columns[c].set(column.subarray(from, to), offsets[runStart]));
      runStart = -1;
    };
    for (let j = 0; j < n; j++) {
      const i = this.inverse[j];
      const copied = !dirtyNew[j] && i >= 0 && !this.merged(j, patch);
      if (copied && runStart >= 0 && this.inverse[j - 1] === i - 1 && old.ends[i - 1] === old.offsets[i]) continue;
      flush(j);
      if (copied) runStart = j;
      else this.mergeRow(j, old, patch, patchColumns, out);
    }
    flush(n);
    return out;
  }

  /**
   * Same node numbering (a link edit): only the merged rows (the changed HCPs and their
   * neighbours: O(degree)) are written, into the room the graph's store keeps (rows.ts).
   */
  private patchInPlace(old: Rows, patch: Adjacency, patchColumns: Column[]): Rows {
    const rows = this.mergedRows(patch);
    const lengths = rows.map((j) => this.mergedLength(j, old, patch));
    return moveRows(old, rows, lengths, (j, out) => this.mergeRow(j, old, patch, patchColumns, out));
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
    let length = patch.ends[j] - patch.offsets[j];
    if (this.changed.dirtyNew[j]) return length;
    for (let e = old.offsets[j]; e < old.ends[j]; e++) length += this.changed.dirtyOld[old.targets[e]] ? 0 : 1;
    return length;
  }

  private merged(j: number, patch: Adjacency): boolean {
    return this.touched[j] === 1 || patch.ends[j] > patch.offsets[j];
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
  private mergeRow(j: number, old: Rows, patch: Adjacency, patchColumns: Column[], out: Rows): void {
    const i = this.inverse[j];
    let e = this.changed.dirtyNew[j] || i < 0 ? 0 : old.offsets[i];
    const oldEnd = this.changed.dirtyNew[j] || i < 0 ? 0 : old.ends[i];
    let p = patch.offsets[j];
    const patchEnd = patch.ends[j];
    let k = out.offsets[j];
    for (;;) {
      while (e < oldEnd && this.changed.dirtyOld[old.targets[e]]) e++;
      const oldTarget = e < oldEnd ? this.newIndex(old.targets[e]) : Infinity;
      const patchTarget = p < patchEnd ? patch.targets[p] : Infinity;
      if (oldTarget === Infinity && patchTarget === Infinity) break;
      if (oldTarget < patchTarget) {
        out.targets[k] = oldTarget;
        old.columns.forEach((column, c) => (out.columns[c][k] = column[e]));
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
