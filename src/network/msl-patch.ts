/**
 * Patches the MSL side of a network (network.ts: `msl`, `mslStored`) for a few changed entities
 * instead of building it again from every relationship: a logged interaction changes one pair's
 * strength, and rebuilding would make an object per relationship and sort them all.
 *
 * Contract: the result equals buildMslNetwork on the relationships of the changed network, where
 * - the row of each MSL in `msls` is its relationships as re-read (none when it no longer exists);
 * - the other rows keep their old entries (renumbered when HCPs were added or erased) except those
 *   to a changed HCP of `hcps`, whose relationships come from that HCP's state, and those of a
 *   re-read pair of `pairs` (neither end in `msls` or `hcps`), which come from that pair's state.
 * A pair named twice keeps its strongest relationship whole, the first of equal ones (as
 * buildMslNetwork). Cost: one copy of the old entries, plus a sort of the re-read ones.
 * `reweighPairs` is the common case of a logged interaction: only existing relationships changed
 * their values, so the structure is shared and only the value columns are copied.
 */
import { WeightedGraph, contiguous, findEdge } from './csr';
import { HcpNetwork, idIndex } from './network';

/** An MSL or HCP as re-read (incremental.ts MslState, HcpState): each relationship names the other end. */
interface Related {
  id: string;
  exists: boolean;
  /** [other end's id, strength, baseStrength, strengthComputedAt in epoch ms]. */
  knows: [string, number, number | null, number | null][];
}

/** One relationship of the next graph: HCP index, strength, base strength and recomputation day (NaN: none). */
type Entry = [hcp: number, strength: number, base: number, day: number];

export type MslSide = Pick<HcpNetwork, 'mslIds' | 'mslIndex' | 'msl' | 'mslStored'>;

export interface MslChanges {
  msls: readonly Related[];
  /** HCPs whose whole state was re-read (links and relationships), by id. */
  hcps: ReadonlyMap<string, Related>;
  /** The next network's HCP index. */
  hcpIndex: ReadonlyMap<string, number>;
  /** Old HCP index -> new (-1: erased); undefined when the HCP ids did not change. */
  remap?: Int32Array;
  /** 1 for each changed HCP by old index; undefined when none changed. */
  dirtyOld?: Uint8Array;
  /** Pairs whose relationships were re-read alone. */
  pairs: readonly PairRelationships[];
}

/** An MSL-HCP pair as re-read (incremental.ts PairState): its relationships, [strength, baseStrength, strengthComputedAt]. */
export interface PairRelationships {
  msl: string;
  hcp: string;
  knows: [number, number | null, number | null][];
}

/**
 * The MSL side with the re-read pairs' values, when each of them is one relationship the network
 * already holds (or none it does not): the same offsets and targets, copies of the value columns.
 * Undefined when a pair gained or lost its relationship (patchMslSide then). Only for a change
 * that touches the MSL side through `pairs` alone (no MSL re-read, no HCP added or erased).
 */
export function reweighPairs(
  old: MslSide,
  pairs: readonly PairRelationships[],
  hcpIndex: ReadonlyMap<string, number>,
): MslSide | undefined {
  const updates: [edge: number, entry: Entry][] = [];
  for (const pair of pairs) {
    const m = old.mslIndex.get(pair.msl);
    const h = hcpIndex.get(pair.hcp);
    if (m === undefined || h === undefined) continue; // not in this network: the record naming the MSL or HCP itself re-reads it
    const entries: Entry[] = [];
    for (const knows of pair.knows) addEntry(entries, h, knows);
    const [entry] = strongestPerHcp(entries);
    const e = findEdge(old.msl, m, h);
    if (e >= 0 !== (entry !== undefined)) return undefined;
    if (entry) updates.push([e, entry]);
  }
  if (updates.length === 0) return old;
  const weights = old.msl.weights.slice();
  const base = old.mslStored.base.slice();
  const computedDay = old.mslStored.computedDay.slice();
  for (const [e, [, strength, b, day]] of updates) {
    weights[e] = strength;
    base[e] = b;
    computedDay[e] = day;
  }
  return {
    mslIds: old.mslIds,
    mslIndex: old.mslIndex,
    msl: { ...old.msl, weights },
    mslStored: { base, computedDay },
  };
}

export function patchMslSide(old: HcpNetwork, changes: MslChanges): MslSide {
  const mslIds = nextMslIds(old, changes.msls);
  const mslIndex = mslIds === old.mslIds ? old.mslIndex : idIndex(mslIds);
  const rows = changedRows(changes, mslIndex);
  const m = mslIds.length;
  let capacity = old.msl.targets.length;
  for (const row of rows.values()) capacity += row.entries.length;
  const offsets = new Int32Array(m + 1);
  const targets = new Int32Array(capacity);
  const weights = new Float64Array(capacity);
  const base = new Float64Array(capacity);
  const computedDay = new Float64Array(capacity);
  let k = 0;
  const write = (hcp: number, strength: number, b: number, day: number) => {
    targets[k] = hcp;
    weights[k] = strength;
    base[k] = b;
    computedDay[k++] = day;
  };
  const push = (entry: Entry) => write(...entry);
  const { remap, dirtyOld } = changes;
  for (let j = 0; j < m; j++) {
    const changed = rows.get(j);
    const i = old.mslIndex.get(mslIds[j]);
    if (changed?.replaces || i === undefined) {
      changed?.entries.forEach(push);
    } else {
      // Old entries ascend by HCP index and renumbering keeps their order: merge the re-read ones in.
      const extra = changed?.entries ?? [];
      let x = 0;
      for (let e = old.msl.offsets[i]; e < old.msl.ends[i]; e++) {
        const before = old.msl.targets[e];
        if (dirtyOld?.[before]) continue;
        const hcp = remap ? remap[before] : before;
        if (changed?.drop.has(hcp)) continue;
        while (x < extra.length && extra[x][0] < hcp) push(extra[x++]);
        write(hcp, old.msl.weights[e], old.mslStored.base[e], old.mslStored.computedDay[e]);
      }
      while (x < extra.length) push(extra[x++]);
    }
    offsets[j + 1] = k;
  }
  const msl: WeightedGraph = contiguous(offsets, targets.slice(0, k), { weights: weights.slice(0, k) });
  return { mslIds, mslIndex, msl, mslStored: { base: base.slice(0, k), computedDay: computedDay.slice(0, k) } };
}

/** What replaces an MSL's row (a re-read MSL), or is merged into it (a changed HCP's or a re-read pair's relationships). */
interface ChangedRow {
  replaces: boolean;
  entries: Entry[];
  /** HCPs (next index) of re-read pairs: their old entries are dropped, the pair's state is in `entries`. */
  drop: Set<number>;
}

/** Per next MSL index: its ChangedRow. */
function changedRows(changes: MslChanges, mslIndex: ReadonlyMap<string, number>): Map<number, ChangedRow> {
  const rows = new Map<number, ChangedRow>();
  const rowOf = (j: number) => {
    let row = rows.get(j);
    if (!row) rows.set(j, (row = { replaces: false, entries: [], drop: new Set() }));
    return row;
  };
  for (const state of changes.msls) {
    const j = mslIndex.get(state.id);
    if (j === undefined) continue;
    const entries: Entry[] = [];
    for (const [hcpId, ...knows] of state.knows) addEntry(entries, changes.hcpIndex.get(hcpId), knows);
    rows.set(j, { replaces: true, entries, drop: new Set() });
  }
  for (const state of changes.hcps.values()) {
    if (!state.exists) continue;
    const h = changes.hcpIndex.get(state.id);
    for (const [mslId, ...knows] of state.knows) {
      const j = mslIndex.get(mslId);
      if (j === undefined || rows.get(j)?.replaces) continue;
      addEntry(rowOf(j).entries, h, knows);
    }
  }
  for (const pair of changes.pairs) {
    const j = mslIndex.get(pair.msl);
    const h = changes.hcpIndex.get(pair.hcp);
    // A pair whose MSL or HCP was re-read whole is in that state already.
    if (j === undefined || h === undefined || rows.get(j)?.replaces || changes.hcps.has(pair.hcp)) continue;
    const row = rowOf(j);
    row.drop.add(h);
    for (const knows of pair.knows) addEntry(row.entries, h, knows);
  }
  for (const row of rows.values()) row.entries = strongestPerHcp(row.entries);
  return rows;
}

function addEntry(entries: Entry[], hcp: number | undefined, [strength, base, computedAt]: [number, number | null, number | null]): void {
  if (hcp === undefined) return;
  entries.push([hcp, strength, base ?? NaN, computedAt === null ? NaN : Math.floor(computedAt / 86_400_000)]);
}

/** By HCP index; of several entries for one HCP the strongest, the first of equal ones (the sort is stable). */
function strongestPerHcp(entries: Entry[]): Entry[] {
  entries.sort((a, b) => a[0] - b[0]);
  const out: Entry[] = [];
  for (const entry of entries) {
    const last = out[out.length - 1];
    if (last?.[0] !== entry[0]) out.push(entry);
    else if (entry[1] > last[1]) out[out.length - 1] = entry;
  }
  return out;
}

/** The MSL ids after the change, sorted as buildMslNetwork sorts them; the old array when none was added or erased. */
function nextMslIds(net: HcpNetwork, msls: readonly Related[]): readonly string[] {
  if (msls.every((state) => state.exists === net.mslIndex.has(state.id))) return net.mslIds;
  const gone = new Set(msls.filter((state) => !state.exists).map((state) => state.id));
  const ids = net.mslIds.filter((id) => !gone.has(id));
  for (const state of msls) if (state.exists && !net.mslIndex.has(state.id)) ids.push(state.id);
  // The default sort compares UTF-16 code units, like buildNetwork's.
  return ids.sort();
}
