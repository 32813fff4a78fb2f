import { Database, Tx, int } from '../../db/database';
import { Channel } from '../interaction/interaction.type';
import { PlanStatus, PlannedInteraction } from './planning.type';

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
  /** null: every status. */
  status: PlanStatus | null;
}

/** Plans stored before statuses existed have none: they are PLANNED. */
const STATUS = "coalesce(p.status, 'PLANNED')";

export const PROJECTION = `p {.id, date: toString(p.date), .channel, .topic, createdAt: toString(p.createdAt),
  status: ${STATUS}, closedAt: toString(p.closedAt), .cancelReason, rescheduledAt: toString(p.rescheduledAt),
  mslId: head([(m:MSL)-[:PLANNED]->(p) | m.id]), hcpId: head([(p)-[:WITH]->(x:HCP) | x.id]),
  interactionId: head([(p)-[:RESULTED_IN]->(i:Interaction) | i.id])}`;

/** (:MSL)-[:PLANNED]->(:PlannedInteraction {id, date, channel, topic, createdAt, status, ...})-[:WITH]->(:HCP). */
export class PlanningRepository {
  constructor(private readonly db: Database) {}

  /** Plans matching every given criterion (dates inclusive), by date then id, at most `limit`. */
  list(query: PlanQuery, limit: number): Promise<PlannedInteraction[]> {
    return this.db
      .read<{ value: PlannedInteraction }>(
        `MATCH (m:MSL)-[:PLANNED]->(p:PlannedInteraction)-[:WITH]->(h:HCP)
         WHERE ($mslId IS NULL OR m.id = $mslId) AND ($hcpId IS NULL OR h.id = $hcpId)
           AND ($from IS NULL OR p.date >= date($from)) AND ($to IS NULL OR p.date <= date($to))
           AND ($status IS NULL OR ${STATUS} = $status)
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
       CREATE (m)-[:PLANNED]->(p:PlannedInteraction {id: $id, date: date($date), channel: $channel, topic: $topic, createdAt: datetime(), status: 'PLANNED'})-[:WITH]->(h)
       RETURN ${PROJECTION} AS value`,
      { ...plan },
    );
    return row.value;
  },

  /**
   * The plan, read after write-locking it (its status is written back unchanged), so concurrent
   * changes of one plan serialize and each sees the status the other committed.
   */
  async lock(tx: Tx, id: string): Promise<PlannedInteraction> {
    await tx.run(`MATCH (p:PlannedInteraction {id: $id}) SET p.status = ${STATUS}`, { id });
    const [row] = await tx.run<{ value: PlannedInteraction }>(`MATCH (p:PlannedInteraction {id: $id}) RETURN ${PROJECTION} AS value`, {
      id,
    });
    return row.value;
  },

  async cancel(tx: Tx, id: string, reason: string | null): Promise<PlannedInteraction> {
    const [row] = await tx.run<{ value: PlannedInteraction }>(
      `MATCH (p:PlannedInteraction {id: $id})
       SET p.status = 'CANCELLED', p.closedAt = datetime(), p.cancelReason = $reason
       RETURN ${PROJECTION} AS value`,
      { id, reason },
    );
    return row.value;
  },

  /** Moves the plan to `date` (and `channel` when given); locks its HCP like create, so reschedulings and schedulings of one HCP serialize. */
  async reschedule(tx: Tx, id: string, date: string, channel: Channel | null): Promise<PlannedInteraction> {
    const [row] = await tx.run<{ value: PlannedInteraction }>(
      `MATCH (p:PlannedInteraction {id: $id})-[:WITH]->(h:HCP)
       SET h.lastPlannedAt = datetime(), p.date = date($date), p.channel = coalesce($channel, p.channel), p.rescheduledAt = datetime()
       RETURN ${PROJECTION} AS value`,
      { id, date, channel },
    );
    return row.value;
  },

  async complete(tx: Tx, id: string, interactionId: string): Promise<PlannedInteraction> {
    const [row] = await tx.run<{ value: PlannedInteraction }>(
      `MATCH (p:PlannedInteraction {id: $id}) MATCH (i:Interaction {id: $interactionId})
       SET p.status = 'COMPLETED', p.closedAt = datetime()
       CREATE (p)-[:RESULTED_IN]->(i)
       RETURN ${PROJECTION} AS value`,
      { id, interactionId },
    );
    return row.value;
  },

  /** Other MSLs' plans with the plan's HCP within `windowDays` of its date, cancelled ones excepted, by date then MSL id. */
  conflicts(tx: Tx, plan: Pick<NewPlan, 'id' | 'mslId' | 'hcpId' | 'date'>, windowDays: number): Promise<ConflictRow[]> {
    return tx.run<ConflictRow>(
      `MATCH (m:MSL)-[:PLANNED]->(p:PlannedInteraction)-[:WITH]->(:HCP {id: $hcpId})
       WHERE m.id <> $mslId AND p.id <> $id AND ${STATUS} <> 'CANCELLED'
       WITH m, p, abs(duration.inDays(p.date, date($date)).days) AS daysApart
       WHERE daysApart <= $window
       WITH m, p, daysApart ORDER BY p.date, m.id, p.id
       RETURN ${PROJECTION} AS plan, daysApart`,
      { id: plan.id, mslId: plan.mslId, hcpId: plan.hcpId, date: plan.date, window: int(windowDays) },
    );
  },
};
