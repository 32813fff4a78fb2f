/**
 * Applies the current state of a few changed entities to a NetworkProjection, in memory, without
 * reading the rest of the graph: the new projection equals a cold load of the changed graph.
 *
 * Contract: `applyStates(old, states)` returns a new projection (the old one is left as it is,
 * still served to requests that hold it). For each HCP in `states.hcps` the state replaces
 * everything the projection knew about it (existence, links either way, MSL relationships to it,
 * attributes); for each HCP in `states.attrs` only its attributes; for each MSL in `states.msls`
 * its existence and relationships; for each pair in `states.pairs` the relationships between
 * that MSL and that HCP. What did not change is shared: when no HCP's links changed,
 * the HCP graphs (and so every score computed on them) are the old ones.
 */
import { HcpAttributes, NetworkProjection } from './projection';
import { WeightedGraph, findEdge } from './csr';
import { LINK_TYPES } from '../vocabulary';
import { HcpNetwork, LinkTable, idIndex } from './network';
import { LinkLog, NewLink } from './link-log';
import { MslChanges, MslSide, PairRelationships, patchMslSide, reweighPairs } from './msl-patch';
import { nextNodeIds } from './erasure';
import { ChangedNodes, patchPairGraphs, patchTypedGraph } from './patch';

/** A link as re-read: [other HCP id, LINK_TYPES index, weight]. */
export type LinkState = [string, number, number];

export interface HcpState {
  id: string;
  exists: boolean;
  /** The store's internal id of its node (null when it does not exist): see erasure.ts. */
  node: number | null;
  /** Links from this HCP. */
  out: LinkState[];
  /** Links to this HCP. */
  in: LinkState[];
  /** Each relationship to this HCP: [MSL id, ...KnowsState]. */
  knows: [string, ...KnowsState][];
  territory: string | null;
  areas: string[];
  institutions: string[];
  publications: number;
  trials: number;
  interactions: number;
  positiveInteractions: number;
}

/** A relationship as re-read: strength, baseStrength, strengthComputedAt in epoch ms (what makes it decay). */
export type KnowsState = [number, number | null, number | null];

export interface MslState {
  id: string;
  exists: boolean;
  /** Each of its relationships: [HCP id, ...KnowsState]. */
  knows: [string, ...KnowsState][];
}

/** The relationships between one MSL and one HCP, as re-read (none: the pair has no relationship). */
export type PairState = PairRelationships;

export interface EntityStates {
  hcps: HcpState[];
  attrs: HcpState[];
  msls: MslState[];
  pairs?: PairState[];
  reference?: { territoryIds: string[]; areaIds: string[] };
}

export interface AppliedChange {
  projection: NetworkProjection;
  /** True when the HCP graphs changed (scores over them must be recomputed). */
  structure: boolean;
  /** When they changed: patches a PageRank graph of some link types of the old network into the new one's. */
  patchTyped?: (graph: WeightedGraph, includeType: (code: number) => boolean) => WeightedGraph;
  /** Old node index -> new node index (-1: erased); undefined when the HCP ids did not change. */
  remap?: Int32Array;
}

/**
 * `prepared`: a projection made by applying the same `states.hcps` to a projection with the very
 * HCP graphs `old` has (network.service.ts prepare): its HCP side (ids, graphs, links) is the one
 * this would build, and is taken instead of patching the rows again; the MSL side and the
 * attributes are applied to `old` as always.
 */
export function applyStates(
  old: NetworkProjection,
  states: EntityStates,
  version: string,
  time: number,
  prepared?: NetworkProjection,
): AppliedChange {
  const oldNet = old.net;
  const structural = new Map(states.hcps.map((state) => [state.id, state]));
  const hcpIds = prepared ? prepared.net.hcpIds : nextHcpIds(oldNet, structural);
  const remap = hcpIds === oldNet.hcpIds ? undefined : remapOf(oldNet.hcpIds, hcpIds);
  const hcpIndex = remap ? (prepared?.net.hcpIndex ?? idIndex(hcpIds)) : oldNet.hcpIndex;
  const changed = structural.size > 0 ? changedNodes(oldNet, structural, hcpIndex, remap) : undefined;
  const msl = mslSide(oldNet, structural, {
    msls: states.msls,
    hcps: structural,
    hcpIndex,
    remap,
    dirtyOld: changed?.dirtyOld,
    pairs: states.pairs ?? [],
  });
  let net: HcpNetwork;
  let linkCounts = old.counts.links;
  let patchTyped: AppliedChange['patchTyped'];
  if (changed && prepared) {
    const { ties, tieTypes, pairSums, directed, links } = prepared.net;
    net = { hcpIds, hcpIndex, ties, tieTypes, pairSums, directed, links, ...msl };
    linkCounts = prepared.counts.links;
  } else if (changed) {
    const next = nextLinks(oldNet, structural, hcpIndex, changed, old.counts.links);
    net = { hcpIds, hcpIndex, ...patchPairGraphs(oldNet, next.changedLinks, changed), links: next.links, ...msl };
    linkCounts = next.counts;
    patchTyped = (graph, includeType) => patchTypedGraph(oldNet, next.changedLinks, changed, graph, includeType);
  } else {
    net = { ...oldNet, ...msl };
  }
  const attributes = nextAttributes(old.attributes, net, remap, [...states.hcps, ...states.attrs]);
  const projection: NetworkProjection = {
    version,
    time,
    net,
    attributes,
    nodeIds: nextNodeIds(old.nodeIds, hcpIds.length, remap, hcpIndex, states.hcps),
    territoryIds: states.reference ? new Set(states.reference.territoryIds) : old.territoryIds,
    therapeuticAreaIds: states.reference ? new Set(states.reference.areaIds) : old.therapeuticAreaIds,
    counts: { hcps: hcpIds.length, links: linkCounts, knows: net.msl.targets.length },
  };
  return { projection, structure: structural.size > 0, remap, patchTyped };
}

function nextHcpIds(net: HcpNetwork, structural: ReadonlyMap<string, HcpState>): readonly string[] {
  let changed = false;
  for (const [id, state] of structural) if (state.exists !== net.hcpIndex.has(id)) changed = true;
  if (!changed) return net.hcpIds;
  const kept = net.hcpIds.filter((id) => structural.get(id)?.exists !== false);
  // The default sort and `<` compare UTF-16 code units, like buildNetwork's sort: merging keeps its order.
  const added = [...structural.values()].filter((state) => state.exists && !net.hcpIndex.has(state.id)).map((state) => state.id);
  added.sort();
  const ids: string[] = [];
  let a = 0;
  for (const id of kept) {
    while (a < added.length && added[a] < id) ids.push(added[a++]);
    ids.push(id);
  }
  while (a < added.length) ids.push(added[a++]);
  return ids;
}

function changedNodes(
  old: HcpNetwork,
  structural: ReadonlyMap<string, HcpState>,
  index: ReadonlyMap<string, number>,
  remap: Int32Array | undefined,
): ChangedNodes {
  const dirtyOld = new Uint8Array(old.hcpIds.length);
  const dirtyNew = new Uint8Array(index.size);
  for (const id of structural.keys()) {
    const before = old.hcpIndex.get(id);
    const after = index.get(id);
    if (before !== undefined) dirtyOld[before] = 1;
    if (after !== undefined) dirtyNew[after] = 1;
  }
  return { dirtyOld, dirtyNew, remap };
}

function remapOf(oldIds: readonly string[], newIds: readonly string[]): Int32Array {
  const remap = new Int32Array(oldIds.length).fill(-1);
  for (let i = 0, j = 0; i < oldIds.length; i++) {
    while (j < newIds.length && newIds[j] < oldIds[i]) j++;
    if (j < newIds.length && newIds[j] === oldIds[i]) remap[i] = j;
  }
  return remap;
}

/**
 * The next network's links and, apart, those of the changed HCPs as re-read (the part patch.ts
 * groups); `counts`: links per type. Same numbering (a link edit): the next version of the old
 * log, at the cost of the changed HCPs' links (link-log.ts). HCPs added or erased: the old links
 * not touching a changed HCP renumbered (block copies of the other columns), then the changed ones.
 */
function nextLinks(
  old: HcpNetwork,
  structural: ReadonlyMap<string, HcpState>,
  index: ReadonlyMap<string, number>,
  { dirtyOld, remap }: ChangedNodes,
  oldCounts: readonly number[],
): { links: LinkLog; changedLinks: LinkTable; counts: number[] } {
  const counts = [...oldCounts];
  const fresh: NewLink[] = [];
  const push = (from: string, to: string, code: number, weight: number) => {
    const source = index.get(from);
    const target = index.get(to);
    if (source !== undefined && target !== undefined && code >= 0 && code < LINK_TYPES.length)
      fresh.push({ source, target, type: code, weight });
  };
  for (const state of structural.values()) {
    if (!state.exists) continue;
    for (const [to, code, w] of state.out) push(state.id, to, code, w);
    // A link between two changed HCPs is in both states: take it from its source's.
    for (const [from, code, w] of state.in) if (!structural.has(from)) push(from, state.id, code, w);
  }
  const changedLinks = columnsOf(fresh);
  if (!remap) {
    const changed = [...structural.keys()].map((id) => old.hcpIndex.get(id)).filter((v): v is number => v !== undefined);
    return { links: old.links.edit(changed, fresh, counts), changedLinks, counts };
  }
  const { source: oldSource, target: oldTarget, type: oldType, weight: oldWeight } = old.links;
  const capacity = oldSource.length + fresh.length;
  const table = {
    source: new Int32Array(capacity),
    target: new Int32Array(capacity),
    type: new Uint8Array(capacity),
    weight: new Float64Array(capacity),
  };
  let k = 0;
  let runStart = 0;
  const copyRun = (end: number) => {
    for (let i = runStart, j = k; i < end; i++, j++) {
      table.source[j] = remap[oldSource[i]];
      table.target[j] = remap[oldTarget[i]];
    }
    table.type.set(oldType.subarray(runStart, end), k);
    table.weight.set(oldWeight.subarray(runStart, end), k);
    k += end - runStart;
  };
  for (let i = 0; i < oldSource.length; i++) {
    if (!dirtyOld[oldSource[i]] && !dirtyOld[oldTarget[i]]) continue;
    copyRun(i);
    counts[oldType[i]]--;
    runStart = i + 1;
  }
  copyRun(oldSource.length);
  table.source.set(changedLinks.source, k);
  table.target.set(changedLinks.target, k);
  table.type.set(changedLinks.type, k);
  table.weight.set(changedLinks.weight, k);
  for (const link of fresh) counts[link.type]++;
  const end = k + fresh.length;
  const columns = {
    source: table.source.subarray(0, end),
    target: table.target.subarray(0, end),
    type: table.type.subarray(0, end),
    weight: table.weight.subarray(0, end),
  };
  return { links: LinkLog.of(columns, index.size), changedLinks, counts };
}

function columnsOf(links: readonly NewLink[]): LinkTable {
  const n = links.length;
  const table = { source: new Int32Array(n), target: new Int32Array(n), type: new Uint8Array(n), weight: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const link = links[i];
    table.source[i] = link.source;
    table.target[i] = link.target;
    table.type[i] = link.type;
    table.weight[i] = link.weight;
  }
  return table;
}

/**
 * The MSL side of the next network: when no MSL changed, no HCP was added or erased and the
 * changed HCPs' relationships are as before (a link edit), the old one with the re-read pairs'
 * values (a logged interaction), else patched (msl-patch.ts).
 */
function mslSide(old: HcpNetwork, structural: ReadonlyMap<string, HcpState>, changes: MslChanges): MslSide {
  if (changes.msls.length === 0 && !changes.remap && [...structural.values()].every((state) => sameRelationships(old, state))) {
    const pairs = changes.pairs.filter((pair) => !structural.has(pair.hcp));
    const kept = { mslIds: old.mslIds, mslIndex: old.mslIndex, msl: old.msl, mslStored: old.mslStored };
    const reweighed = reweighPairs(kept, pairs, changes.hcpIndex);
    if (reweighed) return reweighed;
  }
  return patchMslSide(old, changes);
}

/** Whether the relationships re-read for an HCP are those the network holds (one per MSL, same stored values). */
function sameRelationships(net: HcpNetwork, state: HcpState): boolean {
  const h = net.hcpIndex.get(state.id);
  if (h === undefined) return state.knows.length === 0;
  const seen = new Set<number>();
  for (const [mslId, strength, base, computedAt] of state.knows) {
    const m = net.mslIndex.get(mslId);
    if (m === undefined || seen.has(m)) return false;
    seen.add(m);
    const e = findEdge(net.msl, m, h);
    if (e < 0 || net.msl.weights[e] !== strength) return false;
    if (!Object.is(net.mslStored.base[e], base ?? NaN)) return false;
    if (!Object.is(net.mslStored.computedDay[e], computedAt === null ? NaN : Math.floor(computedAt / 86_400_000))) return false;
  }
  let held = 0;
  for (let m = 0; m < net.mslIds.length; m++) if (findEdge(net.msl, m, h) >= 0) held++;
  return held === seen.size;
}

/**
 * The attributes of the next network: each column is the old one (shared) until a re-read state
 * changes a value in it, then a copy (a block copy; renumbered when HCPs were added or erased).
 * A link edit re-reads attributes equal to those held, so it copies nothing.
 */
function nextAttributes(old: HcpAttributes, net: HcpNetwork, remap: Int32Array | undefined, states: readonly HcpState[]): HcpAttributes {
  const next: HcpAttributes = remap ? renumberedAttributes(old, net.hcpIds.length, remap) : { ...old };
  const copied = new Set<keyof HcpAttributes>(remap ? ATTRIBUTE_COLUMNS : []);
  for (const state of states) {
    const v = net.hcpIndex.get(state.id);
    if (v === undefined || !state.exists) continue;
    for (const key of ATTRIBUTE_COLUMNS) {
      const value = state[key];
      if (sameAttribute(next[key][v], value)) continue;
      if (!copied.has(key)) {
        (next as unknown as Record<string, unknown>)[key] = next[key].slice();
        copied.add(key);
      }
      (next[key] as unknown[])[v] = value;
    }
  }
  return next;
}

const ATTRIBUTE_COLUMNS = ['territory', 'areas', 'institutions', 'publications', 'trials', 'interactions', 'positiveInteractions'] as const;

function sameAttribute(held: unknown, value: unknown): boolean {
  if (!Array.isArray(held) || !Array.isArray(value)) return held === value;
  return held.length === value.length && held.every((item, i) => item === value[i]);
}

/** The old attributes by new node index; HCPs not held before get the defaults of an HCP without any. */
function renumberedAttributes(old: HcpAttributes, n: number, remap: Int32Array): HcpAttributes {
  const next: HcpAttributes = {
    territory: new Array<string | null>(n).fill(null),
    areas: new Array<string[]>(n),
    institutions: new Array<string[]>(n),
    publications: new Int32Array(n),
    trials: new Int32Array(n),
    interactions: new Int32Array(n),
    positiveInteractions: new Int32Array(n),
  };
  for (let i = 0; i < old.territory.length; i++) {
    const v = remap[i];
    if (v < 0) continue;
    next.territory[v] = old.territory[i];
    next.areas[v] = old.areas[i];
    next.institutions[v] = old.institutions[i];
    next.publications[v] = old.publications[i];
    next.trials[v] = old.trials[i];
    next.interactions[v] = old.interactions[i];
    next.positiveInteractions[v] = old.positiveInteractions[i];
  }
  for (let v = 0; v < n; v++) {
    next.areas[v] ??= [];
    next.institutions[v] ??= [];
  }
  return next;
}
