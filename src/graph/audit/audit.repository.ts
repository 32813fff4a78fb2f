import { randomUUID } from 'node:crypto';
import { Database, Tx } from '../../db/database';

/** One recorded write: who (`sub`), what (`action`, `entityIds`; never personal data), when (`at`). */
export interface AuditRecord {
  id: string;
  at: string;
  sub: string;
  action: string;
  entityIds: string[];
}

export interface AuditFilter {
  sub?: string | null;
  action?: string | null;
}

/**
 * (:AuditEvent {id, at: datetime, sub, action, entityIds}). `record` may run inside a caller's
 * transaction (pass its Tx) so a write and its audit event commit together, or on its own.
 */
export class AuditRepository {
  constructor(private readonly db: Database) {}

  /** Records one event; returns it. */
  async record(event: { sub: string; action: string; entityIds: string[] }, tx?: Tx): Promise<AuditRecord> {
    const row = { id: randomUUID(), at: new Date().toISOString(), sub: event.sub, action: event.action, entityIds: event.entityIds };
    const cypher = 'CREATE (:AuditEvent {id: $id, at: datetime($at), sub: $sub, action: $action, entityIds: $entityIds})';
    if (tx) await tx.run(cypher, row);
    else await this.db.write(cypher, row);
    return row;
  }

  /** Newest first (then id descending); `before` is the (at, id) of the last event of the previous page. */
  async list(filter: AuditFilter, before: { at: string; id: string } | null, limit: number): Promise<{ rows: AuditRecord[]; total: number }> {
    const params = { sub: filter.sub ?? null, action: filter.action ?? null, beforeAt: before?.at ?? null, beforeId: before?.id ?? null, limit: Math.trunc(limit) };
    const where = '($sub IS NULL OR e.sub = $sub) AND ($action IS NULL OR e.action = $action)';
    const [rows, counts] = await Promise.all([
      this.db.read<AuditRecord>(
        `MATCH (e:AuditEvent) WHERE ${where}
           AND ($beforeAt IS NULL OR e.at < datetime($beforeAt) OR (e.at = datetime($beforeAt) AND e.id < $beforeId))
         RETURN e.id AS id, toString(e.at) AS at, e.sub AS sub, e.action AS action, coalesce(e.entityIds, []) AS entityIds
         ORDER BY e.at DESC, e.id DESC LIMIT toInteger($limit)`,
        params,
      ),
      this.db.read<{ total: number }>(`MATCH (e:AuditEvent) WHERE ${where} RETURN count(e) AS total`, params),
    ]);
    return { rows: rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() })), total: counts[0]?.total ?? 0 };
  }
}
