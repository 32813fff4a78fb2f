/**
 * Movable CSR rows: the next version of a graph after an edit that changes a few rows (a link
 * edit: the edited HCPs and their neighbours) costs those rows, not a copy of every row.
 *
 * Versions of a graph share one store: `targets` and the parallel columns (weights, tie types…)
 * with room to spare. A new version copies the row starts and ends (two n-entry arrays, a block
 * copy) and writes each changed row past the last entry any version wrote, so an entry once
 * written never changes: a request holding an older version keeps reading it as it was. The old
 * rows' entries become garbage, and so do the rows other versions wrote past this one (two edits
 * of the same version); when the garbage passes a fraction of the live entries, or the spare
 * room runs out, the next version is compacted into a new store (one copy of every row,
 * amortized over the edits in between).
 *
 * Every array is a SharedArrayBuffer of its own, so the worker threads read it without a copy
 * (threads.ts share()).
 */
import { Adjacency, sharedFloat64, sharedInt32 } from './csr';

export type Column = Float64Array | Uint8Array;

/** A graph's rows with its parallel columns. */
export interface Rows extends Adjacency {
  readonly columns: Column[];
}

/** Compact when garbage exceeds this fraction of the live entries. */
const GARBAGE_FRACTION = 1 / 4;
/** Room a compacted store keeps for the rows of later edits, as a fraction of its live entries. */
const SPARE_FRACTION = 1 / 4;
const SPARE_MIN = 1024;

class RowStore {
  /** Entries written by any version: 0..used. */
  used: number;

  constructor(
    readonly targets: Int32Array,
    readonly columns: Column[],
    used: number,
  ) {
    this.used = used;
  }
}

interface Layout {
  store: RowStore;
  /** Entries 0..end of the store were written when this version was made. */
  end: number;
  /** Entries in this version's rows. */
  live: number;
}

/** By a version's row starts (one array per version). */
const layouts = new WeakMap<Int32Array, Layout>();

/** Entries 0..writtenEntries(graph) of `targets` (and its columns) never change: see the module comment. */
export function writtenEntries(graph: Adjacency): number {
  return layouts.get(graph.offsets)?.end ?? graph.targets.length;
}

/**
 * The next version of `old`: rows `rows` (ascending, no repeats) replaced by `lengths[r]` entries
 * each, which `write(j, out)` writes from out.offsets[j] on (targets and every column); every
 * other row as it was. `old` is not modified.
 */
export function moveRows(old: Rows, rows: readonly number[], lengths: readonly number[], write: (j: number, out: Rows) => void): Rows {
  const layout = layouts.get(old.offsets) ?? contiguousLayout(old);
  let written = 0;
  let dropped = 0;
  rows.forEach((j, r) => {
    written += lengths[r];
    dropped += old.ends[j] - old.offsets[j];
  });
  const live = layout.live + written - dropped;
  const { store } = layout;
  // Another version of the store may already have written past this one (a writer preparing the
  // next network while the sync patches the current one, or two edits of one version): its rows
  // are garbage to this version, not a reason to copy every row.
  const garbage = store.used - layout.live + dropped;
  if (store.used + written > store.targets.length || garbage > live * GARBAGE_FRACTION) {
    return compact(old, rows, lengths, write, live);
  }
  const n = old.ends.length;
  const offsets = sharedInt32(n + 1);
  const ends = sharedInt32(n);
  offsets.set(old.offsets);
  ends.set(old.ends);
  const out: Rows = { offsets, ends, targets: store.targets, columns: store.columns };
  let at = store.used;
  rows.forEach((j, r) => {
    offsets[j] = at;
    ends[j] = at + lengths[r];
    write(j, out);
    at += lengths[r];
  });
  store.used = at;
  layouts.set(offsets, { store, end: at, live });
  return out;
}

/** A graph as built (contiguous, no room): its store is full, so its first edit compacts. */
function contiguousLayout(graph: Rows): Layout {
  const n = graph.ends.length;
  const end = n === 0 ? 0 : graph.ends[n - 1];
  return { store: new RowStore(graph.targets, graph.columns, graph.targets.length), end, live: end };
}

/** The next version in a new store, rows in order, with room for later edits. */
function compact(
  old: Rows,
  rows: readonly number[],
  lengths: readonly number[],
  write: (j: number, out: Rows) => void,
  live: number,
): Rows {
  const n = old.ends.length;
  const capacity = live + Math.max(SPARE_MIN, Math.ceil(live * SPARE_FRACTION));
  const offsets = sharedInt32(n + 1);
  const out: Rows = {
    offsets,
    ends: offsets.subarray(1),
    targets: sharedInt32(capacity),
    columns: old.columns.map((column) => sharedColumn(column, capacity)),
  };
  let at = 0;
  // Unchanged rows lying end to end in the old store are copied as one block.
  let runStart = 0;
  const copyRun = (end: number) => {
    if (end <= runStart) return;
    let v = runStart;
    while (v < end) {
      let w = v + 1;
      while (w < end && old.offsets[w] === old.ends[w - 1]) w++;
      const from = old.offsets[v];
      const to = old.ends[w - 1];
      out.targets.set(old.targets.subarray(from, to), at);
      old.columns.forEach((column, c) => out.columns[c].set(column.subarray(from, to), at));
      for (let u = v; u < w; u++) offsets[u + 1] = at + old.ends[u] - from;
      at += to - from;
      v = w;
    }
  };
  rows.forEach((j, r) => {
    copyRun(j);
    offsets[j] = at;
    write(j, out);
    at += lengths[r];
    offsets[j + 1] = at;
    runStart = j + 1;
  });
  copyRun(n);
  layouts.set(offsets, { store: new RowStore(out.targets, out.columns, at), end: at, live: at });
  return out;
}

/** A column of `length` entries of the same kind as `column`, in a SharedArrayBuffer of its own. */
export function sharedColumn(column: Column, length: number): Column {
  return column instanceof Uint8Array ? new Uint8Array(new SharedArrayBuffer(length)) : sharedFloat64(length);
}
