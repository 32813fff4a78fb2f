import { AuditEventRow, auditEventStatement } from '../../db/audit';
import { Database, Statement } from '../../db/database';
import { PageWindow } from '../common/cursor';
import { SortPart } from '../common/keyed-page';
import { readKeysetPage } from '../common/keyset-list';
import { Page } from '../common/pagination';

/** One recorded write: who (`sub`), what (`action`, `entityIds`; never personal data), when (`at`). */
export type AuditRecord = AuditEventRow;

export interface AuditFilter {
  sub?: string | null;
  action?: string | null;
}

/**
 * (:AuditEvent {id, at: datetime, sub, action, entityIds}): written by the mutation path (`statement`)
 * and the import (src/db/audit.ts), read here.
 */
export class AuditRepository {
  constructor(private readonly db: Database) {}

  /**
   * One event as a statement (see auditEventStatement): the mutation path runs it in the
   * mutation's transaction, together with its other records, so the write and its event commit
   * or roll back together.
   */
  statement(event: { sub: string; action: string; entityIds: string[] }): Statement {
    return auditEventStatement(event);
  }

  async byIds(ids: readonly string[]): Promise<AuditRecord[]> {
    const rows = await this.db.read<{ value: AuditRecord }>(
      `UNWIND $ids AS id MATCH (x:AuditEvent {id: id}) RETURN ${PROJECT('x')} AS value`,
      { ids },
    );
    return rows.map((row) => toRecord(row.value));
  }

  /** Newest first (then id descending). */
  page(filter: AuditFilter, window: PageWindow): Promise<Page<AuditRecord>> {
    const conditions = ['($sub IS NULL OR x.sub = $sub)', '($action IS NULL OR x.action = $action)'];
    const list = { pattern: '(x:AuditEvent)', conditions, sort: AUDIT_ORDER, project: PROJECT };
    return readKeysetPage(this.db, list, window, { sub: filter.sub ?? null, action: filter.action ?? null }, toRecord);
  }
}

const PROJECT = (x: string) =>
  `{id: ${x}.id, at: toString(${x}.at), sub: ${x}.sub, action: ${x}.action, entityIds: coalesce(${x}.entityIds, [])}`;
const toRecord = (row: AuditRecord): AuditRecord => ({ ...row, at: new Date(row.at).toISOString() });

export const AUDIT_ORDER: SortPart[] = [
  { kind: 'datetime', value: (x) => `${x}.at`, desc: true, cursor: (x) => `toString(${x}.at)`, fromCursor: (c) => `datetime(${c})` },
  { kind: 'string', value: (x) => `${x}.id`, desc: true },
];
