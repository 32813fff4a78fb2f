import { Database, int } from '../../db/database';
import { HcpFilter } from '../hcp/hcp.input';
import { FilterCriterion, filterConditions, filterParams, searchMatch, searchWords } from '../hcp/hcp.search';
import { FacetValue } from './facet.type';

/** The facet dimensions: the filter criterion each one counts, and how an HCP `x` has a value `v`. */
export const FACETS = {
  territories: { criterion: 'territoryId', has: '(x)-[:IN_TERRITORY]->(v:Territory)' },
  therapeuticAreas: { criterion: 'therapeuticAreaId', has: '(x)-[:SPECIALIZES_IN]->(v:TherapeuticArea)' },
  institutions: { criterion: 'institutionId', has: '(x)-[:AFFILIATED_WITH]->(v:Institution)' },
  specialties: { criterion: 'specialty', has: null },
} as const satisfies Record<string, { criterion: FilterCriterion; has: string | null }>;

export type Facet = keyof typeof FACETS;

/** Counts of HCPs per facet value, in the database: one aggregation per facet. */
export class FacetRepository {
  constructor(private readonly db: Database) {}

  /**
   * The `first` most frequent values of `facet` among the HCPs matching `filter` without its own
   * criterion (disjunctive faceting), by count descending, then label, then value. An HCP counts
   * once per value however many paths lead there.
   */
  count(facet: Facet, filter: HcpFilter, first: number): Promise<FacetValue[]> {
    const { criterion, has } = FACETS[facet];
    const words = searchWords(filter);
    const conditions = filterConditions(filter, criterion);
    const matching =
      words.length > 0 ? searchMatch(conditions) : `MATCH (x:HCP) ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
    const grouped = has
      ? `MATCH ${has} WITH v, count(DISTINCT x) AS count
         RETURN v.id AS value, coalesce(v.name, v.id) AS label, count`
      : `WITH x.specialty AS value, count(*) AS count WHERE value IS NOT NULL
         RETURN value, value AS label, count`;
    return this.db.read<FacetValue>(`${matching} ${grouped} ORDER BY count DESC, label, value LIMIT $first`, {
      ...filterParams(filter, words),
      first: int(first),
    });
  }
}
