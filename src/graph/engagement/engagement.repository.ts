import { Database } from '../../db/database';
import { Keyed } from '../reference/reference.repository';
import { ChannelCount } from '../../engagement/channel-preference';

/** KNOWS as stored: `strength` as of `computedAt` (epoch ms, null: never recomputed), and its base. */
export interface StoredKnows {
  strength: number;
  baseStrength: number | null;
  computedAt: number | null;
}

export interface RelationshipRow extends StoredKnows {
  hcpId: string;
  since: string | null;
  lastContact: string | null;
}

export interface PlanCandidateRow {
  hcpId: string;
  /** The MSL's KNOWS with the HCP, if any. */
  knows: StoredKnows | null;
  /** The candidate's areas that the MSL focuses on, by id. */
  areaIds: string[];
}

export interface PlanScope {
  /** The MSL's territories and areas (ids and names). */
  territories: { id: string; name: string }[];
  areas: { id: string; name: string }[];
}

export interface UpcomingPlanRow {
  hcpId: string;
  mslId: string;
  mslName: string;
  date: string;
}

/**
 * Reads behind relationship health, channel preference and the engagement plan. Dates come back
 * as ISO strings; orderings are stable.
 */
export class EngagementRepository {
  constructor(private readonly db: Database) {}

  /** The MSL's relationships whose lastContact is null or before `cutoff` (ISO date), by HCP id. */
  staleRelationships(mslId: string, cutoff: string): Promise<RelationshipRow[]> {
    return this.db.read<RelationshipRow>(
      `MATCH (:MSL {id: $mslId})-[k:KNOWS]->(h:HCP)
       WHERE k.lastContact IS NULL OR date(k.lastContact) < date($cutoff)
       RETURN h.id AS hcpId, toFloat(coalesce(k.strength, k.baseStrength, 0.0)) AS strength, k.baseStrength AS baseStrength,
              k.strengthComputedAt.epochMillis AS computedAt, toString(k.since) AS since, toString(k.lastContact) AS lastContact
       ORDER BY hcpId`,
      { mslId, cutoff },
    );
  }

  /** Interactions with each HCP (any MSL) counted by channel and sentiment. */
  channelCounts(hcpIds: readonly string[]): Promise<Keyed<ChannelCount[]>[]> {
    return this.db.read<Keyed<ChannelCount[]>>(
      `UNWIND $ids AS key
       CALL (key) {
         MATCH (i:Interaction)-[:WITH]->(:HCP {id: key})
         WITH i.channel AS channel, i.sentiment AS sentiment, count(*) AS count
         RETURN collect({channel: channel, sentiment: sentiment, count: count}) AS value
       }
       RETURN key, value`,
      { ids: hcpIds },
    );
  }

  /** The territories the MSL covers and the areas it focuses on; null for an unknown MSL. */
  async planScope(mslId: string): Promise<PlanScope | null> {
    const [row] = await this.db.read<PlanScope>(
      `MATCH (m:MSL {id: $mslId})
       RETURN [(m)-[:COVERS]->(t:Territory) | t {.id, .name}] AS territories,
              [(m)-[:FOCUSES_ON]->(a:TherapeuticArea) | a {.id, .name}] AS areas`,
      { mslId },
    );
    return row ?? null;
  }

  /**
   * HCPs in the MSL's territories (any, when it covers none) and areas (any, when it focuses on
   * none), with the MSL's relationship to each if any (its strongest, when stored more than once).
   * Stored strengths only decay with time: those at or above `weakBelow` stored that are
   * weaker now are among them too, so the caller filters on the strength of the moment.
   */
  planCandidates(mslId: string): Promise<PlanCandidateRow[]> {
    return this.db.read<PlanCandidateRow>(
      `MATCH (m:MSL {id: $mslId})
       WITH m, [(m)-[:COVERS]->(t:Territory) | t.id] AS territories, [(m)-[:FOCUSES_ON]->(a:TherapeuticArea) | a.id] AS areas
       MATCH (h:HCP)
       WHERE (size(territories) = 0 OR EXISTS { (h)-[:IN_TERRITORY]->(t:Territory) WHERE t.id IN territories })
         AND (size(areas) = 0 OR EXISTS { (h)-[:SPECIALIZES_IN]->(a:TherapeuticArea) WHERE a.id IN areas })
       OPTIONAL MATCH (m)-[k:KNOWS]->(h)
       WITH h, areas, k ORDER BY k.strength DESC
       WITH h, areas, head(collect(k {strength: toFloat(coalesce(k.strength, k.baseStrength, 0.0)), .baseStrength,
            computedAt: k.strengthComputedAt.epochMillis})) AS knows
       RETURN h.id AS hcpId, knows,
              [(h)-[:SPECIALIZES_IN]->(a:TherapeuticArea) WHERE a.id IN areas | a.id] AS areaIds
       ORDER BY hcpId`,
      { mslId },
    );
  }

  /** Every HCP id of each area (to rank influence within an area). */
  areaMembers(areaIds: readonly string[]): Promise<Keyed<string[]>[]> {
    return this.db.read<Keyed<string[]>>(
      `UNWIND $ids AS key
       CALL (key) { MATCH (h:HCP)-[:SPECIALIZES_IN]->(:TherapeuticArea {id: key}) RETURN collect(h.id) AS value }
       RETURN key, value`,
      { ids: areaIds },
    );
  }

  /** Interactions other MSLs still plan (PLANNED: neither completed nor cancelled) with these HCPs on or after `from`, by date. */
  upcomingPlansByOthers(hcpIds: readonly string[], mslId: string, from: string): Promise<UpcomingPlanRow[]> {
    return this.db.read<UpcomingPlanRow>(
      `UNWIND $ids AS hcpId
       MATCH (m:MSL)-[:PLANNED]->(p:PlannedInteraction)-[:WITH]->(:HCP {id: hcpId})
       WHERE m.id <> $mslId AND p.date >= date($from) AND coalesce(p.status, 'PLANNED') = 'PLANNED'
       RETURN hcpId, m.id AS mslId, trim(coalesce(m.firstName, '') + ' ' + coalesce(m.lastName, '')) AS mslName, toString(p.date) AS date
       ORDER BY date, mslId`,
      { ids: hcpIds, mslId, from },
    );
  }
}
