import { Database } from '../../db/database';
import { LINK_TYPES } from '../../vocabulary';

/**
 * How many items each list field without a `first` argument can return right now, measured on
 * the database: the query cost model (src/http/limits.ts) multiplies a list's selection by it.
 * Keys are schema coordinates (`HCP.links`). Measured at most every `ttlMs`; a stale value is
 * served while the next is measured, so requests never wait after the first one.
 */
export type Bounds = ReadonlyMap<string, number>;

/** The data-sized lists: coordinate -> column of STATEMENT. Vocabulary-sized lists are in limits.ts. */
export const DATA_BOUNDS: Readonly<Record<string, string>> = {
  'HCP.links': 'links',
  'HCP.therapeuticAreas': 'hcpAreas',
  'HCP.publications': 'publications',
  'HCP.mslRelationships': 'hcpRelationships',
  'HCP.trials': 'trials',
  'MSL.relationships': 'mslRelationships',
  'MSL.therapeuticAreas': 'mslAreas',
  'Territory.institutions': 'territoryInstitutions',
  'Territory.msls': 'territoryMsls',
  'Interaction.insights': 'insights',
  'Publication.authors': 'authors',
  'ClinicalTrial.investigators': 'investigators',
  // A community holds at most every HCP; under CommunityResult.communities the members of all
  // communities together are every HCP once (see PARTITIONS in limits.ts).
  'Community.members': 'hcps',
  'CommunityResult.communities': 'hcps',
  'WarmIntroduction.hcps': 'hcps',
  'BetweennessExplanation.bridges': 'hcps',
  'Query.handoverPlan': 'mslRelationships',
  'Query.msls': 'msls',
  'ScheduleResult.conflicts': 'msls',
  'SchedulingConflictEvent.conflicts': 'msls',
  'InsightTrends.byTherapeuticArea': 'areas',
  'Query.territories': 'territories',
  'Query.therapeuticAreas': 'areas',
  'Query.restrictedWords': 'words',
  'Interaction.flaggedWords': 'words',
  'Insight.flaggedWords': 'words',
  'ComplianceCheck.flaggedWords': 'words',
};

const LINKS = LINK_TYPES.join('|');

// Degrees are read from Neo4j's degree store (COUNT of one relationship pattern per node), so
// this stays a scan of each label, not of the relationships.
const STATEMENT = `
CALL { MATCH (h:HCP) RETURN count(h) AS hcps, max(COUNT { (h)-[:${LINKS}]-() }) AS links,
       max(COUNT { (h)-[:SPECIALIZES_IN]->() }) AS hcpAreas, max(COUNT { (h)-[:AUTHORED]->() }) AS publications,
       max(COUNT { (h)<-[:KNOWS]-() }) AS hcpRelationships, max(COUNT { (h)-[:INVESTIGATOR_ON]->() }) AS trials }
CALL { MATCH (m:MSL) RETURN count(m) AS msls, max(COUNT { (m)-[:KNOWS]->() }) AS mslRelationships, max(COUNT { (m)-[:FOCUSES_ON]->() }) AS mslAreas }
CALL { MATCH (t:Territory) RETURN count(t) AS territories, max(COUNT { (t)<-[:IN_TERRITORY]-(:Institution) }) AS territoryInstitutions,
       max(COUNT { (t)<-[:COVERS]-() }) AS territoryMsls }
CALL { MATCH (a:TherapeuticArea) RETURN count(a) AS areas }
CALL { MATCH (:Insight)-[:FROM]->(i:Interaction) WITH i, count(*) AS n RETURN max(n) AS insights }
CALL { MATCH (p:Publication) RETURN max(COUNT { (p)<-[:AUTHORED]-() }) AS authors }
CALL { MATCH (c:ClinicalTrial) RETURN max(COUNT { (c)<-[:INVESTIGATOR_ON]-() }) AS investigators }
CALL { MATCH (w:RestrictedWord) RETURN count(w) AS words }
RETURN *`;

export class ListBounds {
  private value: Bounds | undefined;
  private measuredAt = 0;
  private pending: Promise<Bounds> | undefined;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 60000,
  ) {}

  /** The latest measure (waits only for the very first one); undefined while the database cannot answer. */
  async current(): Promise<Bounds | undefined> {
    const stale = Date.now() - this.measuredAt > this.ttlMs;
    if (stale && !this.pending) {
      this.pending = this.measure().finally(() => (this.pending = undefined));
      this.pending.catch(() => undefined);
    }
    if (this.value) return this.value;
    return this.pending?.catch(() => undefined);
  }

  private async measure(): Promise<Bounds> {
    const [row] = await this.db.read<Record<string, number | null>>(STATEMENT);
    const bounds = new Map<string, number>();
    for (const [coordinate, column] of Object.entries(DATA_BOUNDS)) bounds.set(coordinate, Number(row?.[column] ?? 0));
    this.value = bounds;
    this.measuredAt = Date.now();
    return bounds;
  }
}
