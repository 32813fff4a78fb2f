import { Database } from '../../db/database';

export interface PlanCounts {
  upcoming: number;
  overdue: number;
}

/** The workload figures that live in the database rather than in the network snapshot. */
export class WorkloadRepository {
  constructor(private readonly db: Database) {}

  /** Interactions the MSL logged per month (YYYY-MM) from `from` (a first of month) to `to`, months without any left out. */
  async interactionsByMonth(mslId: string, from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.db.read<{ month: string; count: number }>(
      `MATCH (:MSL {id: $mslId})-[:LOGGED]->(i:Interaction) WHERE i.date >= date($from) AND i.date <= date($to)
       RETURN substring(toString(i.date), 0, 7) AS month, count(*) AS count`,
      { mslId, from, to },
    );
    return new Map(rows.map((row) => [row.month, row.count]));
  }

  /** The MSL's PLANNED interactions dated `today` or later, and before it. */
  async planCounts(mslId: string, today: string): Promise<PlanCounts> {
    const [row] = await this.db.read<PlanCounts>(
      `MATCH (:MSL {id: $mslId})-[:PLANNED]->(p:PlannedInteraction) WHERE coalesce(p.status, 'PLANNED') = 'PLANNED'
       RETURN count(CASE WHEN p.date >= date($today) THEN 1 END) AS upcoming, count(CASE WHEN p.date < date($today) THEN 1 END) AS overdue`,
      { mslId, today },
    );
    return row ?? { upcoming: 0, overdue: 0 };
  }
}
