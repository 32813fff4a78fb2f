/**
 * The link table of a network (LinkTable, below) as an append-only log, so that a link edit
 * costs the edited HCPs' links, not a copy of every link.
 *
 * Entries live in a store shared by the versions of a network: a base (the table as loaded or
 * last compacted, indexed by endpoint) and entries appended after it. A version is a prefix of
 * the store plus a mask of its dead entries: an edit marks the changed HCPs' old links dead (found
 * through the base's endpoint index and a scan of the appended entries) and appends their links as
 * re-read. Appending writes past every older version's prefix and the mask is copied (one byte per
 * entry, a block copy), so a version never changes once made: requests holding it keep their view.
 * When the appended and dead entries pass a fraction of the base, the next edit compacts (one
 * O(links) copy, amortized over many edits); an edit that renumbers the HCPs always does.
 *
 * Read as a LinkTable (source, target, type, weight), a version materializes its live entries once
 * (base order, then appended order): only whole-network work reads it (a typed PageRank graph's
 * first build, counting at load).
 */
import { LINK_TYPES } from '../vocabulary';

/** The links that survived resolution, by link number (for typed subgraphs). */
export interface LinkTable {
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Index into LINK_TYPES. */
  readonly type: Uint8Array;
  readonly weight: Float64Array;
}

/** Compact when appended + dead entries exceed this fraction of the base (and `compactMin` entries). */
const COMPACT_FRACTION = 1 / 8;
/** Small networks compact every few edits (each compaction copies little): the tests cross compaction points. */
const COMPACT_MIN = 64;

/** A link of a changed HCP, by node index. */
export interface NewLink {
  source: number;
  target: number;
  type: number;
  weight: number;
}

class LinkStore {
  /** Entries appended after the base, grown by doubling; `used` of them written. */
  extra: { source: Int32Array; target: Int32Array; type: Uint8Array; weight: Float64Array };
  used = 0;

  constructor(
    readonly base: LinkTable,
    readonly nodes: number,
    readonly compactMin: number,
    /** A store forked from another over the same base shares its index. */
    private index?: { out: EndpointIndex; in: EndpointIndex },
  ) {
    this.extra = { source: new Int32Array(0), target: new Int32Array(0), type: new Uint8Array(0), weight: new Float64Array(0) };
  }

  /** Base entries by source and by target node, built on the first edit (one counting pass each). */
  endpoints(): { out: EndpointIndex; in: EndpointIndex } {
    this.index ??= { out: indexBy(this.base.source, this.nodes), in: indexBy(this.base.target, this.nodes) };
    return this.index;
  }

  append(at: number, links: readonly NewLink[]): void {
    const needed = at + links.length;
    if (needed > this.extra.source.length) {
      const capacity = Math.max(needed, 2 * this.extra.source.length, 256);
      const grow = <T extends Int32Array | Uint8Array | Float64Array>(old: T, make: (n: number) => T): T => {
        const next = make(capacity);
        next.set(old.subarray(0, at) as never);
        return next;
      };
      this.extra = {
        source: grow(this.extra.source, (n) => new Int32Array(n)),
        target: grow(this.extra.target, (n) => new Int32Array(n)),
        type: grow(this.extra.type, (n) => new Uint8Array(n)),
        weight: grow(this.extra.weight, (n) => new Float64Array(n)),
      };
    }
    links.forEach((link, i) => {
      this.extra.source[at + i] = link.source;
      this.extra.target[at + i] = link.target;
      this.extra.type[at + i] = link.type;
      this.extra.weight[at + i] = link.weight;
    });
    this.used = needed;
  }
}

/** CSR of entry numbers by endpoint node. */
interface EndpointIndex {
  offsets: Int32Array;
  entries: Int32Array;
}

function indexBy(endpoint: Int32Array, nodes: number): EndpointIndex {
  const offsets = new Int32Array(nodes + 1);
  for (let k = 0; k < endpoint.length; k++) offsets[endpoint[k] + 1]++;
  for (let v = 0; v < nodes; v++) offsets[v + 1] += offsets[v];
  const next = offsets.slice(0, nodes);
  const entries = new Int32Array(endpoint.length);
  for (let k = 0; k < endpoint.length; k++) entries[next[endpoint[k]]++] = k;
  return { offsets, entries };
}

export class LinkLog implements LinkTable {
  private table?: LinkTable;

  private constructor(
    private readonly store: LinkStore,
    /** Appended entries this version holds. */
    private readonly extraLength: number,
    /** 1 per dead entry: base entries first, then appended ones (undefined: none dead). */
    private readonly dead: Uint8Array | undefined,
    private readonly deadCount: number,
  ) {}

  /** A log whose base is `table` (node indices 0..nodes-1); `compactMin`: see COMPACT_MIN. */
  static of(table: LinkTable, nodes: number, compactMin = COMPACT_MIN): LinkLog {
    return new LinkLog(new LinkStore(table, nodes, compactMin), 0, undefined, 0);
  }

  /** Live entries. */
  get length(): number {
    return this.store.base.source.length + this.extraLength - this.deadCount;
  }

  get source(): Int32Array {
    return this.materialized().source;
  }

  get target(): Int32Array {
    return this.materialized().target;
  }

  get type(): Uint8Array {
    return this.materialized().type;
  }

  get weight(): Float64Array {
    return this.materialized().weight;
  }

  /**
   * The next version, same node numbering: every link with an endpoint in `changed` is replaced
   * by `links` (the changed HCPs' links as re-read, each once). `counts` (links per LINK_TYPES
   * entry) is updated to match.
   */
  edit(changed: readonly number[], links: readonly NewLink[], counts: number[], compact = true): LinkLog {
    const base = this.store.base;
    const baseLength = base.source.length;
    if (compact && this.extraLength + this.deadCount + links.length > Math.max(this.store.compactMin, baseLength * COMPACT_FRACTION)) {
      return LinkLog.of(this.materialized(), this.store.nodes, this.store.compactMin).edit(changed, links, counts, false);
    }
    const dead = new Uint8Array(baseLength + this.extraLength + links.length);
    if (this.dead) dead.set(this.dead);
    let deadCount = this.deadCount;
    const kill = (k: number, type: number) => {
      if (dead[k]) return;
      dead[k] = 1;
      deadCount++;
      counts[type]--;
    };
    const index = this.store.endpoints();
    for (const v of changed) {
      for (const by of [index.out, index.in]) {
        for (let e = by.offsets[v]; e < by.offsets[v + 1]; e++) kill(by.entries[e], base.type[by.entries[e]]);
      }
    }
    const isChanged = new Set(changed);
    const extra = this.store.extra;
    for (let i = 0; i < this.extraLength; i++) {
      if (isChanged.has(extra.source[i]) || isChanged.has(extra.target[i])) kill(baseLength + i, extra.type[i]);
    }
    // Another version appended past this one's prefix (a second edit of the same version): append to a copy.
    const store = this.store.used === this.extraLength ? this.store : this.forkStore();
    store.append(this.extraLength, links);
    for (const link of links) counts[link.type]++;
    return new LinkLog(store, this.extraLength + links.length, dead, deadCount);
  }

  private forkStore(): LinkStore {
    // Same base, same endpoint index (two O(links) passes to build again).
    const store = new LinkStore(this.store.base, this.store.nodes, this.store.compactMin, this.store.endpoints());
    const { extra } = this.store;
    store.append(
      0,
      Array.from({ length: this.extraLength }, (_, i) => ({
        source: extra.source[i],
        target: extra.target[i],
        type: extra.type[i],
        weight: extra.weight[i],
      })),
    );
    return store;
  }

  /** The live entries as plain columns (base order, then appended order), built once. */
  private materialized(): LinkTable {
    if (this.table) return this.table;
    const { base, extra } = this.store;
    if (!this.dead && this.extraLength === 0) return (this.table = base);
    const n = this.length;
    const table = { source: new Int32Array(n), target: new Int32Array(n), type: new Uint8Array(n), weight: new Float64Array(n) };
    const dead = this.dead;
    let k = 0;
    const copy = (from: LinkTable, offset: number, end: number) => {
      let runStart = 0;
      const flush = (runEnd: number) => {
        if (runEnd <= runStart) return;
        for (const key of ['source', 'target', 'type', 'weight'] as const) {
          (table[key] as Int32Array).set((from[key] as Int32Array).subarray(runStart, runEnd), k);
        }
        k += runEnd - runStart;
      };
      for (let i = 0; i < end; i++) {
        if (!dead || !dead[offset + i]) continue;
        flush(i);
        runStart = i + 1;
      }
      flush(end);
    };
    copy(base, 0, base.source.length);
    copy(extra, base.source.length, this.extraLength);
    return (this.table = table);
  }
}

/** Links per LINK_TYPES entry of a table. */
export function linkCounts(table: LinkTable): number[] {
  const counts = LINK_TYPES.map(() => 0);
  for (let k = 0; k < table.type.length; k++) counts[table.type[k]]++;
  return counts;
}
