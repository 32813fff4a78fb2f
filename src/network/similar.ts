/**
 * Lookalike HCPs: who is tied to the same people (and, in PROFILE mode, works in the same
 * therapeutic areas and institutions).
 *
 * Contract (NETWORK, the default; networkx `jaccard_coefficient` on the undirected HCP network):
 * - N(v) = the distinct HCPs tied to v by any link type, either direction (`net.ties`, no self).
 * - Candidates: every HCP b ≠ a with |N(a) ∩ N(b)| ≥ 1.
 * - score = |N(a) ∩ N(b)| / |N(a) ∪ N(b)| (one float division of two integers, as networkx does),
 *   shared = |N(a) ∩ N(b)|.
 * - Order: score descending, then id ascending; at most `first` entries.
 *
 * PROFILE mode blends three Jaccard similarities with PROFILE_WEIGHTS: the tied HCPs as above,
 * the therapeutic areas and the institutions (a Jaccard of two empty sets is 0). Candidates are
 * the HCPs b ≠ a sharing at least one tied HCP, area or institution; `shared` stays
 * |N(a) ∩ N(b)|.
 *
 * Unknown id: UnknownNodeError. Work: O(Σ deg(u) for u in N(a)) in NETWORK mode, plus the members
 * of a's areas and institutions in PROFILE mode.
 */
import { HcpNetwork, hcpIndexOf } from './network';

export type SimilarityMode = 'NETWORK' | 'PROFILE';

export const PROFILE_WEIGHTS = { network: 0.6, areas: 0.25, institutions: 0.15 } as const;

export interface SimilarHcp {
  index: number;
  score: number;
  shared: number;
}

/** Per node index, the distinct ids of a categorical attribute (areas, institutions). */
export type NodeSets = readonly (readonly string[])[];

export interface Profiles {
  areas: NodeSets;
  institutions: NodeSets;
}

export function similarHcps(
  net: HcpNetwork,
  hcpId: string,
  first: number,
  mode: SimilarityMode = 'NETWORK',
  profiles?: Profiles,
): SimilarHcp[] {
  const a = hcpIndexOf(net, hcpId);
  const shared = sharedNeighbours(net, a);
  const scored: SimilarHcp[] = [];
  if (mode === 'NETWORK') {
    for (const [b, count] of shared) scored.push({ index: b, score: jaccard(count, degree(net, a), degree(net, b)), shared: count });
  } else {
    if (!profiles) throw new Error('PROFILE similarity needs the areas and institutions of the HCPs');
    const areas = sharedMembers(profiles.areas, a);
    const institutions = sharedMembers(profiles.institutions, a);
    for (const b of new Set([...shared.keys(), ...areas.keys(), ...institutions.keys()])) {
      const count = shared.get(b) ?? 0;
      const score =
        PROFILE_WEIGHTS.network * jaccard(count, degree(net, a), degree(net, b)) +
        PROFILE_WEIGHTS.areas * jaccard(areas.get(b) ?? 0, profiles.areas[a].length, profiles.areas[b].length) +
        PROFILE_WEIGHTS.institutions * jaccard(institutions.get(b) ?? 0, profiles.institutions[a].length, profiles.institutions[b].length);
      scored.push({ index: b, score, shared: count });
    }
  }
  // Indices are in id order, so comparing them breaks ties by id.
  return scored.sort((x, y) => y.score - x.score || x.index - y.index).slice(0, first);
}

/** b -> |N(a) ∩ N(b)| for every b ≠ a with at least one tied HCP in common. */
function sharedNeighbours(net: HcpNetwork, a: number): Map<number, number> {
  const { offsets, ends, targets } = net.ties;
  const counts = new Map<number, number>();
  for (let e = offsets[a]; e < ends[a]; e++) {
    const u = targets[e];
    for (let f = offsets[u]; f < ends[u]; f++) {
      const b = targets[f];
      if (b !== a) counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  }
  return counts;
}

/** b -> |S(a) ∩ S(b)| for every b ≠ a sharing at least one value (one pass over all nodes). */
function sharedMembers(sets: NodeSets, a: number): Map<number, number> {
  const mine = new Set(sets[a]);
  const counts = new Map<number, number>();
  if (mine.size === 0) return counts;
  sets.forEach((values, b) => {
    if (b === a) return;
    let count = 0;
    for (const value of values) if (mine.has(value)) count++;
    if (count > 0) counts.set(b, count);
  });
  return counts;
}

function degree(net: HcpNetwork, v: number): number {
  return net.ties.ends[v] - net.ties.offsets[v];
}

/** |A ∩ B| / |A ∪ B| from the sizes; 0 when both sets are empty. */
function jaccard(intersection: number, sizeA: number, sizeB: number): number {
  const union = sizeA + sizeB - intersection;
  return union === 0 ? 0 : intersection / union;
}
