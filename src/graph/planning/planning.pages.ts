import { Database } from '../../db/database';
import { PageWindow } from '../common/cursor';
import { SortPart } from '../common/keyed-page';
import { readKeysetPage } from '../common/keyset-list';
import { Page } from '../common/pagination';
import { PROJECTION, PlanQuery } from './planning.repository';
import { PlannedInteraction } from './planning.type';

/** Plans by date, then id (as `plannedInteractions`). */
export const PLAN_ORDER: SortPart[] = [
  { kind: 'date', value: (x) => `${x}.date`, cursor: (x) => `toString(${x}.date)`, fromCursor: (c) => `date(${c})` },
  { kind: 'string', value: (x) => `${x}.id` },
];

// PROJECTION reads the plan as `p`: the one-element list comprehension binds it to the row.
const project = (x: string) => `[p IN [${x}] | ${PROJECTION}][0]`;

/** Reads of planned interactions one page, or a few ids, at a time. */
export const planPages = {
  /** One page of the plans matching every given criterion (dates inclusive), with the total. */
  page(db: Database, query: PlanQuery, window: PageWindow): Promise<Page<PlannedInteraction>> {
    const conditions = [
      '($mslId IS NULL OR m.id = $mslId)',
      '($hcpId IS NULL OR h.id = $hcpId)',
      '($from IS NULL OR x.date >= date($from))',
      '($to IS NULL OR x.date <= date($to))',
      // Plans stored before statuses existed are PLANNED (as the repository's STATUS reads them).
      "($status IS NULL OR coalesce(x.status, 'PLANNED') = $status)",
    ];
    const list = { pattern: '(m:MSL)-[:PLANNED]->(x:PlannedInteraction)-[:WITH]->(h:HCP)', conditions, sort: PLAN_ORDER, project };
    return readKeysetPage(db, list, window, { ...query }, (row: PlannedInteraction) => row);
  },

  /** The plans with these ids (unknown ids are absent), for `node(id:)`. */
  byIds(db: Database, ids: readonly string[]): Promise<PlannedInteraction[]> {
    return db
      .read<{ value: PlannedInteraction }>(`UNWIND $ids AS id MATCH (x:PlannedInteraction {id: id}) RETURN ${project('x')} AS value`, {
        ids,
      })
      .then((rows) => rows.map((row) => row.value));
  },
};
