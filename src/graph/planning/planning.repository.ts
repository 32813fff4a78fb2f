import { Database, Tx, int } from '../../db/database';
import { Channel } from '../interaction/interaction.type';
import { PlannedInteraction } from './planning.type';

export interface NewPlan {
  id: string;
  mslId: string;
  hcpId: string;
  date: string;
  channel: Channel;
  topic: string | null;
}

export interface ConflictRow {
  plan: PlannedInteraction;
  daysApart: number;
}

export interface PlanQuery {
  mslId: string | null;
  hcpId: string | null;
  from: string | null;
  to: string | null;
}

const PROJECTION = `p {.id, date: toString(p.date), .channel, .topic, createdAt: toString(p.createdAt),
  mslId: head([(m:MSL)-[:PLANNED]->(p) | m.id]), hcpId: head([(p)-[:WITH]->(x:HCP) | x.id])}`;

/** (:MSL)-[:PLANNED]->(:PlannedInteraction {id, date, channel, topic, createdAt})-[:WITH]->(:HCP). */
export class PlanningRepository {
  constructor(private readonly db: Database) {}

  /** Plans matching every given criterion (dates inclusive), by date then id, at most `limit`. */
  list(query: PlanQuery, limit: number): Promise<PlannedInteraction[]> {
    return this.db
      .read<{ value: PlannedInteraction }>(
        `MATCH (m:MSL)-[:PLANNED]->(p:PlannedInteraction)-[:WITH]->(h:HCP)
         WHERE ($mslId IS NULL OR m.id = $mslId) AND ($hcpId IS NULL OR h.id = $hcpId)
           AND ($from IS NULL OR p.date >= date($from)) AND ($to IS NULL OR p.date <= date($to))
         WITH p ORDER BY p.date, p.id LIMIT $limit
         RETURN ${PROJECTION} AS value`,
        { ...query, limit: int(limit) },
      )
      .then((rows) => rows.map((row) => row.value));
  }

  /** The plans among `ids` that exist (any order). */
  byIds(ids: readonly string[]): Promise<PlannedInteraction[]> {
    return this.db
      .read<{ value: PlannedInteraction }>(`MATCH (p:PlannedInteraction) WHERE p.id IN $ids RETURN ${PROJECTION} AS value`, { ids })
      .then((rows) => rows.map((row) => row.value));
  }
}

/** Writes of plans inside a caller's transaction. */
export const planningWrites = {
  /**
   * Creates the plan. Also sets `lastPlannedAt` on the HCP: that write locks the HCP node until
   * commit, so concurrent schedulings of one HCP serialize and each sees the other's plan.
   */
  async create(tx: Tx, plan: NewPlan): Promise<PlannedInteraction> {
    const [row] = await tx.run<{ value: PlannedInteraction }>(
      `MATCH (m:MSL {id: $mslId}) MATCH (h:HCP {id: $hcpId})
       SET h.lastPlannedAt = datetime()
       CREATE (m)-[:PLANNED]->(p:PlannedInteraction {id: $id, date: date($date), channel: $channel, topic: $topic, createdAt: datetime()})-[:WITH]->(h)
       RETURN ${PROJECTION} AS value`,
      { ...plan },
    );
    return row.value;
  },

  /** Other MSLs' plans with the plan's HCP within `windowDays` of its date, by date then MSL id. */
  conflicts(tx: Tx, plan: NewPlan, windowDays: number): Promise<ConflictRow[]> {
    return tx.run<ConflictRow>(
      `MATCH (m:MSL)-[:PLANNED]->(p:PlannedInteraction)-[:WITH]->(:HCP {id: $hcpId})
       WHERE m.id <> $mslId AND p.id <> $id
       WITH m, p, abs(duration.inDays(p.date, date($date)).days) AS daysApart
       WHERE daysApart <= $window
       WITH m, p, daysApart ORDER BY p.date, m.id, p.id
       RETURN ${PROJECTION} AS plan, daysApart`,
      { ...plan, window: int(windowDays) },
    );
  },
};
