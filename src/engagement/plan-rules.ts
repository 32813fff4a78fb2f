/**
 * The rules of the engagement plan that need no database: what counts as a weak relationship,
 * the best-ranked area of a candidate and the human-readable reasons of a suggestion.
 */
import { IntroductionPath } from '../network';

/** A relationship weaker than this counts as weak. */
export const WEAK_BELOW = 0.3;

/** An HCP's channel preference as the reasons need it (explicit, derived and the evidence per channel). */
export interface PreferenceEvidence {
  explicit: string | null;
  derived: string | null;
  evidence: readonly { channel: string; interactions: number }[];
}

/** Another MSL's planned interaction with the HCP. */
export interface OtherPlan {
  hcpId: string;
  mslId: string;
  mslName: string;
  date: string;
}

export function bestAreaRank(
  areaIds: readonly string[],
  hcpId: string,
  ranks: Map<string, { rank: Map<string, number>; of: number }>,
): { areaId: string; rank: number; of: number } | null {
  let best: { areaId: string; rank: number; of: number } | null = null;
  for (const areaId of areaIds) {
    const area = ranks.get(areaId);
    const rank = area?.rank.get(hcpId);
    if (!area || rank === undefined) continue;
    if (!best || rank / area.of < best.rank / best.of) best = { areaId, rank, of: area.of };
  }
  return best;
}

/** "PageRank top 5% in Oncology (#4 of 80)": the percentage is ⌈100·rank/of⌉. */
export function influenceReason(rank: number, of: number, areaName: string): string {
  const percent = Math.max(1, Math.ceil((100 * rank) / of));
  return `PageRank top ${percent}% in ${areaName} (#${rank} of ${of})`;
}

export function relationshipReason(strength: number | null): string {
  return strength === null ? 'no relationship yet' : `weak relationship (strength ${strength.toFixed(2)})`;
}

export function pathReason(path: IntroductionPath | null, viaName: string | null, maxHops: number): string {
  if (!path) return `no warm introduction path within ${maxHops} hop${maxHops === 1 ? '' : 's'}`;
  if (path.hops === 1) return `best path is the direct relationship (strength ${path.strength.toFixed(2)})`;
  return `warm path via Dr ${viaName} (path strength ${path.strength.toFixed(2)}, ${path.hops} hops)`;
}

export function channelReason(preference: PreferenceEvidence): string | null {
  if (preference.explicit) return `prefers ${preference.explicit} (recorded)`;
  if (preference.derived) {
    const evidence = preference.evidence.find((e) => e.channel === preference.derived);
    const n = evidence?.interactions ?? 0;
    return `prefers ${preference.derived} (derived from ${n} interaction${n === 1 ? '' : 's'})`;
  }
  return null;
}

export function plannedReasons(plans: readonly OtherPlan[]): string[] {
  return plans.map((p) => `already planned by ${p.mslName || p.mslId} on ${p.date}: coordinate`);
}
