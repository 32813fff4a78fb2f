import { Params, Tx } from '../../db/database';
import { NotFoundError } from '../../errors';

/** Labels a mutation may reference by id (a whitelist: labels are never taken from input). */
export type RefLabel = 'HCP' | 'MSL' | 'Institution' | 'Territory' | 'TherapeuticArea' | 'Interaction' | 'Insight' | 'PlannedInteraction';

export interface Reference {
  label: RefLabel;
  /** Entity name used in the NOT_FOUND message, e.g. "HCP". */
  entity?: string;
  ids: readonly (string | null | undefined)[];
}

const LABELS: readonly RefLabel[] = [
  'HCP',
  'MSL',
  'Institution',
  'Territory',
  'TherapeuticArea',
  'Interaction',
  'Insight',
  'PlannedInteraction',
];

/** The node a mutation creates, as its checks see it. */
export interface CreatedRef {
  label: RefLabel;
  id: string;
  /**
   * Cypher projecting the node `n` already stored under the id (a map projection, from the code,
   * never from input): the checks return it when the id is taken, so a replay needs no read.
   */
  storedAs?: string;
}

/** What the checks found, as the `checks` column holds it. */
export interface CheckRow {
  taken: boolean;
  /** What is stored under the taken id, as `storedAs` projects it (null when free, or without `storedAs`). */
  stored: unknown;
  missing: string[][];
  ok: boolean;
}

/**
 * The checks of a mutation as a clause: whether the id `creates` names is taken, and the
 * referenced ids that do not exist, label by label. `clause` binds them to `checks` (a map; its
 * `ok` is true when the id is free and every reference exists) from a unit subquery, so a
 * statement may start with it and write only `WHERE checks.ok`: the checks then cost no
 * statement of their own. `read` interprets the column the statement returns.
 */
export class ReferenceChecks {
  readonly clause: string;
  /** The clause's one parameter, `$checks`. */
  readonly params: Params;
  /** Whether the created id was taken: null until `read`. */
  taken: boolean | null = null;
  /** What is stored under the taken id, as `creates.storedAs` projects it: see `read`. */
  stored: unknown = null;

  constructor(
    creates: CreatedRef | undefined,
    private readonly references: readonly Reference[] = [],
  ) {
    this.clause = checksClause(
      creates,
      references.map((ref) => ref.label),
    );
    this.params = {
      checks: {
        created: creates?.id ?? null,
        ids: references.map((ref) => [...new Set(ref.ids.filter((id): id is string => typeof id === 'string'))]),
      },
    };
  }

  /**
   * Reads the `checks` column: true when the created id is taken (the caller decides what that
   * means), else NOT_FOUND for the first referenced id that does not exist, in the order given;
   * false when every check passed.
   */
  read(row: CheckRow): boolean {
    this.taken = row.taken;
    this.stored = row.stored;
    if (row.taken) return true;
    this.references.forEach((ref, i) => {
      const missing = row.missing[i];
      if (missing.length > 0) throw new NotFoundError(ref.entity ?? ref.label, missing[0]);
    });
    return false;
  }
}

/** The clause of each set of labels checked, built once (labels come from the code, never from input). */
const clauses = new Map<string, string>();
function checksClause(creates: CreatedRef | undefined, references: readonly RefLabel[]): string {
  const key = `${creates?.label ?? ''}/${creates?.storedAs ?? ''}/${references.join(',')}`;
  let clause = clauses.get(key);
  if (clause === undefined) {
    for (const label of [creates?.label, ...references]) {
      if (label !== undefined && !LABELS.includes(label)) throw new Error(`unknown label ${label}`);
    }
    // `n` goes out of scope before the existence checks, whose subqueries name their own `n`.
    const taken = creates
      ? `OPTIONAL MATCH (n:${creates.label} {id: $checks.created})
         WITH n IS NOT NULL AS taken, ${creates.storedAs ? `CASE WHEN n IS NULL THEN null ELSE ${creates.storedAs} END` : 'null'} AS stored`
      : 'WITH false AS taken, null AS stored';
    const missing = references.map((label, i) => `[id IN $checks.ids[${i}] WHERE NOT EXISTS { MATCH (n:${label} {id: id}) }]`);
    clause = `CALL () {
       ${taken}
       WITH taken, stored, [${missing.join(', ')}] AS missing
       RETURN {taken: taken, stored: stored, missing: missing, ok: NOT taken AND all(ids IN missing WHERE size(ids) = 0)} AS checks
     }`;
    clauses.set(key, clause);
  }
  return clause;
}

/**
 * The checks in one statement of their own (one round trip, one plan per mutation, whatever is
 * null): see ReferenceChecks.read.
 */
export async function runChecks(tx: Tx, checks: ReferenceChecks): Promise<boolean> {
  const [row] = await tx.run<{ checks: CheckRow }>(`${checks.clause} RETURN checks`, checks.params);
  return checks.read(row.checks);
}

/** True when `error` is a uniqueness-constraint violation: another transaction created the same id first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}
