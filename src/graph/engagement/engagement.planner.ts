/**
 * The engagement plan: which HCPs an MSL should engage next, and why.
 *
 * Contract of `EngagementPlanner.plan(mslId, first, maxHops)`:
 * - Candidates: HCPs in the MSL's territories and therapeutic areas (a scope the MSL has none
 *   of is not restricted) with whom the MSL has no relationship or one weaker than WEAK_BELOW.
 * - Order: PageRank descending (docs/network.md), then HCP id; the first `first` are returned.
 * - Each suggestion: its PageRank, the MSL's current strength (null = none), the best warm
 *   introduction path within `maxHops` (null when none), the HCP's preferred channel (explicit,
 *   else derived from history) and human-readable reasons in this order: influence rank in its
 *   best area, relationship, path, channel, plans of other MSLs from today on.
 * - Unknown MSL: null (the resolver answers NOT_FOUND).
 */
import { ChannelCount } from '../../engagement/channel-preference';
import {
  WEAK_BELOW,
  bestAreaRank,
  channelReason,
  influenceReason,
  pathReason,
  plannedReasons,
  relationshipReason,
} from '../../engagement/plan-rules';
import { HCP } from '../hcp/hcp.type';
import { EngagementRepository, StoredKnows } from './engagement.repository';
import { EngagementSuggestion } from './engagement.type';
import { InfluenceSource, PathSource } from './influence';
import { channelPreference } from './channel-preference';

export interface PlannerDeps {
  repository: EngagementRepository;
  influence: InfluenceSource;
  paths: PathSource;
  /** HCPs by id (null when unknown), e.g. a DataLoader's loadMany. */
  hcps(ids: readonly string[]): Promise<(HCP | null)[]>;
  /** Interaction counts per channel and sentiment of each HCP. */
  channelCounts(ids: readonly string[]): Promise<ChannelCount[][]>;
  /** Today, ISO date (UTC). */
  today: string;
  /** A relationship's strength now (it decays with time since the last recomputation). */
  strengthNow(knows: StoredKnows): number;
}

export class EngagementPlanner {
  constructor(private readonly deps: PlannerDeps) {}

  async plan(mslId: string, first: number, maxHops: number): Promise<EngagementSuggestion[] | null> {
    const { repository, influence } = this.deps;
    const scope = await repository.planScope(mslId);
    if (!scope) return null;
    const candidates = (await repository.planCandidates(mslId))
      .map((row) => ({ ...row, strength: row.knows ? this.deps.strengthNow(row.knows) : null }))
      .filter((row) => row.strength === null || row.strength < WEAK_BELOW);
    const scores = await influence.pagerank(candidates.map((c) => c.hcpId));
    const score = (id: string) => scores.get(id) ?? 0;
    const chosen = candidates
      .slice()
      .sort((a, b) => score(b.hcpId) - score(a.hcpId) || (a.hcpId < b.hcpId ? -1 : 1))
      .slice(0, first);
    if (chosen.length === 0) return [];

    const ids = chosen.map((c) => c.hcpId);
    const areaRanks = await this.areaRanks(scope.areas.map((a) => a.id));
    const areaNames = new Map(scope.areas.map((a) => [a.id, a.name]));
    const paths = await Promise.all(ids.map((id) => this.deps.paths.introductionPaths(mslId, id, maxHops, 1)));
    const viaIds = paths.map((p) => (p[0] && p[0].nodes.length > 2 ? p[0].nodes[1] : null));
    const [hcps, vias, counts, plans] = await Promise.all([
      this.deps.hcps(ids),
      this.deps.hcps(viaIds.filter((id): id is string => id !== null)),
      this.deps.channelCounts(ids),
      repository.upcomingPlansByOthers(ids, mslId, this.deps.today),
    ]);
    const viaNames = new Map(vias.filter((h): h is HCP => h !== null).map((h) => [h.id, h.name]));

    const suggestions: EngagementSuggestion[] = [];
    chosen.forEach((candidate, i) => {
      const hcp = hcps[i];
      if (!hcp) return;
      const path = paths[i][0] ?? null;
      const preference = channelPreference(hcp.preferredChannel, counts[i]);
      const best = bestAreaRank(candidate.areaIds, candidate.hcpId, areaRanks);
      const reasons = [
        best
          ? influenceReason(best.rank, best.of, areaNames.get(best.areaId) ?? best.areaId)
          : `PageRank ${score(candidate.hcpId).toFixed(4)}`,
        relationshipReason(candidate.strength),
        pathReason(path, viaIds[i] ? (viaNames.get(viaIds[i] as string) ?? (viaIds[i] as string)) : null, maxHops),
        channelReason(preference),
        ...plannedReasons(plans.filter((p) => p.hcpId === candidate.hcpId)),
      ].filter((r): r is string => r !== null);
      suggestions.push({
        hcp,
        influence: score(candidate.hcpId),
        relationshipStrength: candidate.strength,
        warmIntroduction: path
          ? { hcps: [], hcpIds: path.nodes.slice(1), hops: path.hops, cost: path.cost, strength: path.strength }
          : null,
        preferredChannel: preference.effective,
        reasons,
      });
    });
    return suggestions;
  }

  /** For each area: HCP id → rank (1 = highest PageRank, ties by id) and the area's size. */
  private async areaRanks(areaIds: readonly string[]): Promise<Map<string, { rank: Map<string, number>; of: number }>> {
    const members = await this.deps.repository.areaMembers(areaIds);
    const scores = await this.deps.influence.pagerank([...new Set(members.flatMap((m) => m.value))]);
    const ranks = new Map<string, { rank: Map<string, number>; of: number }>();
    for (const { key, value } of members) {
      const ordered = value.slice().sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || (a < b ? -1 : 1));
      ranks.set(key, { rank: new Map(ordered.map((id, i) => [id, i + 1])), of: ordered.length });
    }
    return ranks;
  }
}
