/**
 * Planning and continuity over the HCP network: who is best placed to introduce the company to
 * an HCP, which relationships hang on one person, who takes over a leaving MSL's relationships,
 * how much of a territory's influence is covered. Pure: plain arrays in, plain answers out.
 *
 * Contract (docs/planning.md states it for users):
 * - bestIntroducers: for every chosen MSL, its first introduction path to the HCP (paths.ts);
 *   MSLs without one are left out; by cost (1e-12 ties), then hops, then MSL id.
 * - keyPersonRisk: HCPs with exactly one MSL relationship, in `order` (PageRank descending, then id).
 * - handoverPlan: per HCP the MSL knows, in `order`: the other MSL with the strongest relationship
 *   to it (ties: MSL id), else the other MSL with the best introduction path, else none.
 * - territoryCoverage: HCPs, those with a relationship, and their share of the PageRank sum.
 * Strengths are one per `net.msl` entry (the strengths of the moment), as in paths.ts.
 */
import { HcpNetwork, hcpIndexOf, mslIndexOf } from './network';
import { IntroductionPath, RelationshipStrengths, compareCostHops, firstPathsTo } from './paths';

export interface Introducer {
  mslId: string;
  path: IntroductionPath;
}

export interface KeyPerson {
  hcpId: string;
  mslId: string;
  strength: number;
  /** Node index of the HCP (for its score). */
  hcp: number;
}

export interface Handover {
  hcpId: string;
  hcp: number;
  /** null when no other MSL knows the HCP or has a path to it. */
  successorId: string | null;
  /** The successor's own strength with the HCP, when it knows the HCP already. */
  existingStrength: number | null;
  /** The successor's best introduction path, when it does not know the HCP yet. */
  path: IntroductionPath | null;
}

export interface Coverage {
  hcps: number;
  covered: number;
  influenceShare: number;
}

/** Per HCP, the `net.msl` entries (MSL relationships) that reach it, by MSL index. */
interface RelationshipsByHcp {
  offsets: Int32Array;
  /** Entry numbers of `net.msl`. */
  entries: Int32Array;
  /** The MSL of each entry of `entries`. */
  msls: Int32Array;
}

const byHcpCache = new WeakMap<HcpNetwork, RelationshipsByHcp>();

/** The MSL graph turned around (HCP → its relationships), built once per network. */
export function relationshipsByHcp(net: HcpNetwork): RelationshipsByHcp {
  let index = byHcpCache.get(net);
  if (index) return index;
  const { offsets: mslOffsets, targets } = net.msl;
  const n = net.hcpIds.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < targets.length; e++) offsets[targets[e] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const next = offsets.slice(0, n);
  const entries = new Int32Array(targets.length);
  const msls = new Int32Array(targets.length);
  // MSLs in ascending index, so each HCP's row lists its MSLs by id.
  for (let m = 0; m < net.mslIds.length; m++) {
    for (let e = mslOffsets[m]; e < mslOffsets[m + 1]; e++) {
      const slot = next[targets[e]]++;
      entries[slot] = e;
      msls[slot] = m;
    }
  }
  index = { offsets, entries, msls };
  byHcpCache.set(net, index);
  return index;
}

/** The best path of each MSL accepted by `include` to the HCP, best first, at most `first`. */
export function bestIntroducers(
  net: HcpNetwork,
  targetHcpId: string,
  maxHops: number,
  first: number,
  strengths: RelationshipStrengths,
  include: (msl: number) => boolean = () => true,
): Introducer[] {
  hcpIndexOf(net, targetHcpId);
  const msls = net.mslIds.map((_, m) => m).filter(include);
  const paths = firstPathsTo(net, targetHcpId, maxHops, msls, strengths);
  const found: { msl: number; path: IntroductionPath }[] = [];
  paths.forEach((path, i) => path && found.push({ msl: msls[i], path }));
  // MSL indices order like MSL ids.
  found.sort((a, b) => compareCostHops(a.path, b.path) || a.msl - b.msl);
  return found.slice(0, Math.max(0, first)).map(({ msl, path }) => ({ mslId: net.mslIds[msl], path }));
}

/** HCPs known by exactly one MSL among those `include` accepts, in `order`, at most `first`. */
export function keyPersonRisk(
  net: HcpNetwork,
  order: ArrayLike<number>,
  strengths: RelationshipStrengths,
  first: number,
  include: (hcp: number) => boolean = () => true,
): KeyPerson[] {
  const { offsets, entries, msls } = relationshipsByHcp(net);
  const out: KeyPerson[] = [];
  for (let i = 0; i < order.length && out.length < first; i++) {
    const v = order[i];
    if (offsets[v + 1] - offsets[v] !== 1 || !include(v)) continue;
    const slot = offsets[v];
    out.push({ hcpId: net.hcpIds[v], hcp: v, mslId: net.mslIds[msls[slot]], strength: strengths[entries[slot]] });
  }
  return out;
}

/** Who should take over each relationship of the MSL, in `rank` order of the HCPs (lower first). */
export function handoverPlan(
  net: HcpNetwork,
  mslId: string,
  rank: ArrayLike<number>,
  maxHops: number,
  strengths: RelationshipStrengths,
): Handover[] {
  const leaving = mslIndexOf(net, mslId);
  const known = relationshipsByHcp(net);
  const hcps = Array.from(net.msl.targets.subarray(net.msl.offsets[leaving], net.msl.ends[leaving]));
  hcps.sort((a, b) => rank[a] - rank[b]);
  const others = net.mslIds.map((_, m) => m).filter((m) => m !== leaving);
  return hcps.map((v) => {
    const row = { hcpId: net.hcpIds[v], hcp: v };
    let best = -1;
    for (let slot = known.offsets[v]; slot < known.offsets[v + 1]; slot++) {
      if (known.msls[slot] === leaving) continue;
      // Rows list MSLs by id: a strictly stronger one replaces, an equal one keeps the lower id.
      if (best < 0 || strengths[known.entries[slot]] > strengths[known.entries[best]]) best = slot;
    }
    if (best >= 0) {
      return { ...row, successorId: net.mslIds[known.msls[best]], existingStrength: strengths[known.entries[best]], path: null };
    }
    const paths = firstPathsTo(net, net.hcpIds[v], maxHops, others, strengths);
    let choice = -1;
    paths.forEach((path, i) => {
      const current = choice >= 0 ? paths[choice] : null;
      if (path && (!current || compareCostHops(path, current) < 0)) choice = i;
    });
    if (choice < 0) return { ...row, successorId: null, existingStrength: null, path: null };
    return { ...row, successorId: net.mslIds[others[choice]], existingStrength: null, path: paths[choice] };
  });
}

/** HCPs accepted by `include`, those with at least one MSL relationship, and the covered share of their summed score. */
export function territoryCoverage(net: HcpNetwork, scores: ArrayLike<number>, include: (hcp: number) => boolean): Coverage {
  const { offsets } = relationshipsByHcp(net);
  let hcps = 0;
  let covered = 0;
  let all = 0;
  let ofCovered = 0;
  for (let v = 0; v < net.hcpIds.length; v++) {
    if (!include(v)) continue;
    hcps++;
    all += scores[v];
    if (offsets[v + 1] === offsets[v]) continue;
    covered++;
    ofCovered += scores[v];
  }
  return { hcps, covered, influenceShare: all > 0 ? ofCovered / all : 0 };
}

/** Strength bands of a workload: [min, max) each, the last one closed (docs/planning.md). */
export const STRENGTH_BANDS = [
  { band: 'WEAK', min: 0, max: 0.3 },
  { band: 'MEDIUM', min: 0.3, max: 0.6 },
  { band: 'STRONG', min: 0.6, max: 1 },
] as const;

export interface RelationshipSpread {
  /** Relationships per STRENGTH_BANDS entry, same order. */
  bands: number[];
  /** The HCPs `include` accepts, their summed score, and the share of it held by the HCPs this MSL knows. */
  hcps: number;
  influence: number;
  influenceShare: number;
}

/** One MSL's relationships by strength band, and the share of the `include`d HCPs' score they hold. */
export function relationshipSpread(
  net: HcpNetwork,
  mslId: string,
  strengths: RelationshipStrengths,
  scores: ArrayLike<number>,
  include: (hcp: number) => boolean,
): RelationshipSpread {
  const m = mslIndexOf(net, mslId);
  const bands = STRENGTH_BANDS.map(() => 0);
  const known = new Set<number>();
  for (let e = net.msl.offsets[m]; e < net.msl.ends[m]; e++) {
    const band = STRENGTH_BANDS.findIndex((b, i) => strengths[e] < b.max || i === STRENGTH_BANDS.length - 1);
    bands[band]++;
    known.add(net.msl.targets[e]);
  }
  let hcps = 0;
  let influence = 0;
  let ofKnown = 0;
  for (let v = 0; v < net.hcpIds.length; v++) {
    if (!include(v)) continue;
    hcps++;
    influence += scores[v];
    if (known.has(v)) ofKnown += scores[v];
  }
  return { bands, hcps, influence, influenceShare: influence > 0 ? ofKnown / influence : 0 };
}
