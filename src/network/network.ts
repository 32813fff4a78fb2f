/**
 * The HCP network (docs/network.md) as compact typed arrays, built once from plain rows
 * and shared read-only by every algorithm in this folder.
 *
 * Contract:
 * - HCP node index = position of the id in `hcpIds`, which is sorted ascending, so
 *   comparing indices compares ids.
 * - Links with an endpoint outside `hcpIds`, and relationships with an unknown HCP or
 *   (when `mslIds` is given) an unknown MSL, are ignored.
 * - `ties`: undirected simple graph; a pair's weight is the LARGEST weight of its links
 *   (either direction); no self-loops. Paths, reach, degree, betweenness, ego networks.
 * - `pairSums`: the same pairs with the SUM of their links' weights (modularity).
 * - `directed`: PageRank graph; a symmetric link adds both directions, a REFERRAL
 *   source→target only; weights on the same ordered pair add up; self-loops kept.
 * - `msl`: MSL index → HCP index, weight = relationship strength (largest if repeated);
 *   `mslStored` holds, per entry, what makes that strength decay with time (the caller computes
 *   the strength of the moment from it, so time passing never needs a new network).
 */
import { LINK_TYPES, LinkType } from '../vocabulary';
import {
  GroupedPairs,
  WeightedGraph,
  addHalfEdge,
  allocateHalfEdges,
  contiguous,
  groupHalfEdges,
  sharedFloat64,
  sharedInt32,
  sumPairs,
} from './csr';
import { LinkLog, LinkTable } from './link-log';

/** The only directed link type: the source refers patients to the target. */
const REFERRAL_CODE = LINK_TYPES.indexOf('REFERRAL');
const TYPE_CODES = new Map<string, number>(LINK_TYPES.map((type, code) => [type, code]));

export interface NetworkLink {
  source: string;
  target: string;
  type: LinkType;
  weight: number;
}

export interface MslRelationship {
  mslId: string;
  hcpId: string;
  /** The stored strength: as of `computedDay` when set, else for good. */
  strength: number;
  baseStrength?: number | null;
  /** UTC epoch day the stored strength was last recomputed from interactions; null: never. */
  computedDay?: number | null;
}

/** Per `msl` entry: the relationship's base strength and recomputation day (NaN = none). */
export interface StoredRelationships {
  readonly base: Float64Array;
  readonly computedDay: Float64Array;
}

export interface NetworkInput {
  hcpIds: readonly string[];
  links: readonly NetworkLink[];
  relationships: readonly MslRelationship[];
  /** Every MSL that exists, so one without relationships is still known; default: those in `relationships`. */
  mslIds?: readonly string[];
  /**
   * Instead of `links` (then left empty): a builder of the link table from the index of the
   * sorted HCP ids, for callers holding millions of links in columns (the projection) that would
   * otherwise make one object per link. It must skip links with an endpoint outside the index.
   */
  linkTable?: (hcpIndex: ReadonlyMap<string, number>) => LinkTable;
}

export type { LinkTable } from './link-log';

export interface HcpNetwork {
  readonly hcpIds: readonly string[];
  readonly hcpIndex: ReadonlyMap<string, number>;
  readonly ties: WeightedGraph;
  /** Per `ties` entry: bit (1 << LINK_TYPES index) for each link type joining the pair. */
  readonly tieTypes: Uint8Array;
  /** Same offsets/targets as `ties`, weight = sum of the pair's link weights. */
  readonly pairSums: WeightedGraph;
  readonly directed: WeightedGraph;
  /** Every link, as a log an edit appends to (link-log.ts): read whole only by whole-network work. */
  readonly links: LinkLog;
  readonly mslIds: readonly string[];
  readonly mslIndex: ReadonlyMap<string, number>;
  readonly msl: WeightedGraph;
  readonly mslStored: StoredRelationships;
}

/** An id that names no HCP (or no MSL) of the network; callers map it to NOT_FOUND. */
export class UnknownNodeError extends Error {
  constructor(readonly id: string) {
    super(`Unknown network node: ${id}`);
    this.name = 'UnknownNodeError';
  }
}

export function buildNetwork(input: NetworkInput): HcpNetwork {
  const hcpIds = sortedUnique(input.hcpIds);
  const hcpIndex = idIndex(hcpIds);
  const links = input.linkTable ? input.linkTable(hcpIndex) : resolveLinks(input.links, hcpIndex);
  return {
    hcpIds,
    hcpIndex,
    ...buildPairGraphs(hcpIds.length, links),
    links: LinkLog.of(links, hcpIds.length),
    ...buildMslNetwork(input.relationships, input.mslIds ?? input.relationships.map((r) => r.mslId), hcpIndex),
  };
}

/** The MSL side of a network over given HCPs (incremental changes patch it: msl-patch.ts). */
function buildMslNetwork(
  relationships: readonly MslRelationship[],
  mslIds: readonly string[],
  hcpIndex: ReadonlyMap<string, number>,
): Pick<HcpNetwork, 'mslIds' | 'mslIndex' | 'msl' | 'mslStored'> {
  const sorted = sortedUnique(mslIds);
  const mslIndex = idIndex(sorted);
  return { mslIds: sorted, mslIndex, ...buildMslGraph(relationships, mslIndex, hcpIndex) };
}

/** The PageRank graph restricted to some link types, e.g. COAUTHOR+CO_INVESTIGATOR. */
export function buildTypedDirectedGraph(net: HcpNetwork, types: readonly LinkType[]): WeightedGraph {
  return buildDirected(net.hcpIds.length, net.links, typeFilter(types));
}

/** Whether a LINK_TYPES code is one of `types`. */
export function typeFilter(types: readonly LinkType[]): (code: number) => boolean {
  const wanted = new Set(types.map((t) => LINK_TYPES.indexOf(t)));
  return (code) => wanted.has(code);
}

/** Distinct HCPs linked to each HCP, either direction. */
export function degrees(net: HcpNetwork): Int32Array {
  const n = net.hcpIds.length;
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v++) degree[v] = net.ties.ends[v] - net.ties.offsets[v];
  return degree;
}

export function hcpIndexOf(net: HcpNetwork, id: string): number {
  const index = net.hcpIndex.get(id);
  if (index === undefined) throw new UnknownNodeError(id);
  return index;
}

export function mslIndexOf(net: HcpNetwork, id: string): number {
  const index = net.mslIndex.get(id);
  if (index === undefined) throw new UnknownNodeError(id);
  return index;
}

/** The LINK_TYPES present in a `tieTypes` bit mask, in LINK_TYPES order. */
export function linkTypesOf(mask: number): LinkType[] {
  return LINK_TYPES.filter((_, code) => (mask & (1 << code)) !== 0);
}

function sortedUnique(ids: readonly string[]): string[] {
  // The default sort compares UTF-16 code units, like `<`: the order tie-breaks use.
  return Array.from(new Set(ids)).sort();
}

export function idIndex(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  return index;
}

function resolveLinks(rows: readonly NetworkLink[], hcpIndex: ReadonlyMap<string, number>): LinkTable {
  const source = new Int32Array(rows.length);
  const target = new Int32Array(rows.length);
  const type = new Uint8Array(rows.length);
  const weight = new Float64Array(rows.length);
  let count = 0;
  // Rows usually come grouped by source: remembering the last one saves half the lookups.
  let lastSource: string | undefined;
  let lastIndex: number | undefined;
  for (const row of rows) {
    if (row.source !== lastSource) {
      lastSource = row.source;
      lastIndex = hcpIndex.get(row.source);
    }
    const t = hcpIndex.get(row.target);
    const code = TYPE_CODES.get(row.type);
    if (lastIndex === undefined || t === undefined || code === undefined) continue;
    source[count] = lastIndex;
    target[count] = t;
    type[count] = code;
    weight[count] = row.weight;
    count++;
  }
  return {
    source: source.slice(0, count),
    target: target.slice(0, count),
    type: type.slice(0, count),
    weight: weight.slice(0, count),
  };
}

export type PairGraphs = Pick<HcpNetwork, 'ties' | 'tieTypes' | 'pairSums' | 'directed'>;

/** Tag bit of a half-edge along which PageRank flows (a symmetric link, or a REFERRAL from its source). */
const FORWARD = 0x80;

/**
 * One sort of all half-edges yields the three graphs, which share their pairs: the tie
 * graph and pair sums drop self-pairs, the PageRank graph drops the pairs that only a
 * reverse REFERRAL joins. (Sharing the sort halves the build time on 1M links.)
 */
export function buildPairGraphs(n: number, links: LinkTable): PairGraphs {
  const edges = allocateHalfEdges(2 * links.source.length);
  for (let k = 0; k < links.source.length; k++) {
    const s = links.source[k];
    const t = links.target[k];
    const code = links.type[k];
    addHalfEdge(edges, s, t, links.weight[k], code | FORWARD);
    // A self-link is one half-edge: in networkx it is one edge, even when symmetric.
    if (s !== t) addHalfEdge(edges, t, s, links.weight[k], code === REFERRAL_CODE ? code : code | FORWARD);
  }
  const pairs = groupHalfEdges(n, edges);
  const merged = mergePairs(pairs);
  const ties = keepPairs(pairs, merged.max, merged.isTie);
  const isTie = (_: number, p: number): boolean => merged.isTie[p] === 1;
  return {
    ties,
    tieTypes: merged.types.filter(isTie),
    pairSums: { ...ties, weights: merged.sum.filter(isTie) },
    directed: keepPairs(pairs, merged.forward, merged.isForward),
  };
}

interface MergedPairs {
  max: Float64Array;
  sum: Float64Array;
  /** Bit (1 << type code) per link type present. */
  types: Uint8Array;
  /** Weight the pair's row node sends to its target in the PageRank graph. */
  forward: Float64Array;
  /** 1 when the pair is a tie between two different HCPs. */
  isTie: Uint8Array;
  /** 1 when some link runs from the row node to the target (symmetric or REFERRAL). */
  isForward: Uint8Array;
}

function mergePairs(pairs: GroupedPairs): MergedPairs {
  const { sorted, runs, targets } = pairs;
  const pairCount = targets.length;
  const merged: MergedPairs = {
    max: new Float64Array(pairCount),
    sum: new Float64Array(pairCount),
    types: new Uint8Array(pairCount),
    forward: new Float64Array(pairCount),
    isTie: new Uint8Array(pairCount),
    isForward: new Uint8Array(pairCount),
  };
  for (let p = 0; p < pairCount; p++) {
    let max = -Infinity;
    let sum = 0;
    let types = 0;
    let forward = 0;
    let isForward = 0;
    for (let i = runs[p]; i < runs[p + 1]; i++) {
      const w = sorted.weight[i];
      const tag = sorted.tag[i];
      max = Math.max(max, w);
      sum += w;
      types |= 1 << (tag & ~FORWARD);
      if ((tag & FORWARD) === 0) continue;
      forward += w;
      isForward = 1;
    }
    merged.max[p] = max;
    merged.sum[p] = sum;
    merged.types[p] = types;
    merged.forward[p] = forward;
    merged.isTie[p] = sorted.from[runs[p]] === targets[p] ? 0 : 1;
    merged.isForward[p] = isForward;
  }
  return merged;
}

/** The pairs with keep[p] === 1, as a CSR graph with the given weights. */
function keepPairs(pairs: GroupedPairs, weight: Float64Array, keep: Uint8Array): WeightedGraph {
  const n = pairs.offsets.length - 1;
  const offsets = sharedInt32(n + 1);
  const targets = sharedInt32(countKept(keep));
  const weights = sharedFloat64(targets.length);
  let next = 0;
  for (let v = 0; v < n; v++) {
    for (let p = pairs.offsets[v]; p < pairs.ends[v]; p++) {
      if (keep[p] === 0) continue;
      targets[next] = pairs.targets[p];
      weights[next++] = weight[p];
    }
    offsets[v + 1] = next;
  }
  return contiguous(offsets, targets, { weights });
}

function countKept(keep: Uint8Array): number {
  let count = 0;
  for (let p = 0; p < keep.length; p++) count += keep[p];
  return count;
}

/** The PageRank graph of the links whose type passes `includeType` (symmetric types both ways, REFERRAL forward). */
export function buildDirected(n: number, links: LinkTable, includeType: (code: number) => boolean): WeightedGraph {
  const edges = allocateHalfEdges(2 * links.source.length);
  for (let k = 0; k < links.source.length; k++) {
    const code = links.type[k];
    if (!includeType(code)) continue;
    const s = links.source[k];
    const t = links.target[k];
    addHalfEdge(edges, s, t, links.weight[k]);
    // A self-loop is one edge even when the link is symmetric (networkx DiGraph).
    if (code !== REFERRAL_CODE && s !== t) addHalfEdge(edges, t, s, links.weight[k]);
  }
  return sumPairs(groupHalfEdges(n, edges));
}

function buildMslGraph(
  rows: readonly MslRelationship[],
  mslIndex: ReadonlyMap<string, number>,
  hcpIndex: ReadonlyMap<string, number>,
): Pick<HcpNetwork, 'msl' | 'mslStored'> {
  const edges = allocateHalfEdges(rows.length);
  const kept: MslRelationship[] = [];
  for (const row of rows) {
    const m = mslIndex.get(row.mslId);
    const h = hcpIndex.get(row.hcpId);
    // The weight slot carries the row's number in `kept`: each pair then keeps its strongest row whole.
    if (m !== undefined && h !== undefined) addHalfEdge(edges, m, h, kept.push(row) - 1);
  }
  const pairs = groupHalfEdges(mslIndex.size, edges, hcpIndex.size);
  const weights = new Float64Array(pairs.targets.length);
  const base = new Float64Array(pairs.targets.length);
  const computedDay = new Float64Array(pairs.targets.length);
  for (let p = 0; p < weights.length; p++) {
    let best: MslRelationship | undefined;
    for (let i = pairs.runs[p]; i < pairs.runs[p + 1]; i++) {
      const row = kept[pairs.sorted.weight[i]];
      if (!best || row.strength > best.strength) best = row;
    }
    const chosen = best as MslRelationship;
    weights[p] = chosen.strength;
    base[p] = chosen.baseStrength ?? NaN;
    computedDay[p] = chosen.computedDay ?? NaN;
  }
  return { msl: { offsets: pairs.offsets, ends: pairs.ends, targets: pairs.targets, weights }, mslStored: { base, computedDay } };
}
