import { Tx } from '../../db/database';
import { NotFoundError, ValidationError } from '../../errors';

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

/** Throws NOT_FOUND for the first referenced id that does not exist (inside the caller's transaction). */
export async function requireExisting(tx: Tx, references: readonly Reference[]): Promise<void> {
  for (const ref of references) {
    if (!LABELS.includes(ref.label)) throw new Error(`unknown label ${ref.label}`);
    const ids = [...new Set(ref.ids.filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0) continue;
    const [row] = await tx.run<{ missing: string[] }>(
      `UNWIND $ids AS id OPTIONAL MATCH (n:${ref.label} {id: id}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missing`,
      { ids },
    );
    if (row && row.missing.length > 0) throw new NotFoundError(ref.entity ?? ref.label, row.missing[0]);
  }
}

/** True when a node of `label` with `id` exists already (for duplicate-id checks on create). */
export async function isTaken(tx: Tx, label: RefLabel, id: string): Promise<boolean> {
  if (!LABELS.includes(label)) throw new Error(`unknown label ${label}`);
  const rows = await tx.run(`MATCH (n:${label} {id: $id}) RETURN n.id AS id`, { id });
  return rows.length > 0;
}

/**
 * Awaits a create: a uniqueness-constraint violation (another request created the same id
 * between our check and our write) becomes the same BAD_USER_INPUT on `field` as the check's.
 */
export async function guardDuplicateId<T>(work: Promise<T>, entity: string, id: string, field = 'id'): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if ((error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      throw new ValidationError(field, `${entity} "${id}" exists already`);
    }
    throw error;
  }
}
