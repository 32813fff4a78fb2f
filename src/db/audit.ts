import { randomUUID } from 'node:crypto';
import { Database, Tx } from './database';

/** One audit event as written: who (`sub`) did what (`action`) to which entities, when. */
export interface AuditEventRow {
  id: string;
  at: string;
  sub: string;
  action: string;
  entityIds: string[];
}

/**
 * Writes one audit event (with optional scalar `details`, e.g. an import's folder and counts),
 * inside `tx` when given so the event commits or rolls back with the write it records. Shared by
 * the API's mutation path and the CSV importer, which is why it lives below both.
 */
export async function writeAuditEvent(
  db: Database,
  event: { sub: string; action: string; entityIds: string[]; details?: Record<string, string | number> },
  tx?: Tx,
): Promise<AuditEventRow> {
  const row = { id: randomUUID(), at: new Date().toISOString(), sub: event.sub, action: event.action, entityIds: event.entityIds };
  const cypher = 'CREATE (e:AuditEvent {id: $id, at: datetime($at), sub: $sub, action: $action, entityIds: $entityIds}) SET e += $details';
  const params = { ...row, details: event.details ?? {} };
  if (tx) await tx.run(cypher, params);
  else await db.write(cypher, params);
  return row;
}
