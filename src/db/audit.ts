import { randomUUID } from 'node:crypto';
import { Database, Statement, Tx } from './database';

/** One audit event as written: who (`sub`) did what (`action`) to which entities, when. */
export interface AuditEventRow {
  id: string;
  at: string;
  sub: string;
  action: string;
  entityIds: string[];
}

type AuditEventInput = { sub: string; action: string; entityIds: string[]; details?: Record<string, string | number> };

/**
 * One audit event as a statement over `$audit`, for a caller that runs it together with other
 * writes (runTogether: the mutation path's last statement).
 */
export function auditEventStatement(event: AuditEventInput): Statement & { row: AuditEventRow } {
  const row = { id: randomUUID(), at: new Date().toISOString(), sub: event.sub, action: event.action, entityIds: event.entityIds };
  return {
    row,
    cypher:
      'CREATE (e:AuditEvent {id: $audit.id, at: datetime($audit.at), sub: $audit.sub, action: $audit.action, entityIds: $audit.entityIds}) SET e += $audit.details',
    params: { audit: { ...row, details: event.details ?? {} } },
  };
}

/**
 * Writes one audit event (with optional scalar `details`, e.g. an import's folder and counts),
 * inside `tx` when given so the event commits or rolls back with the write it records. Shared by
 * the API's mutation path and the CSV importer, which is why it lives below both.
 */
export async function writeAuditEvent(db: Database, event: AuditEventInput, tx?: Tx): Promise<AuditEventRow> {
  const { row, cypher, params } = auditEventStatement(event);
  if (tx) await tx.run(cypher, params);
  else await db.write(cypher, params);
  return row;
}
