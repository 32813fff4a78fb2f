import { Tx } from '../../db/database';
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

/**
 * The checks of a mutation in one statement (one round trip, one plan per mutation, whatever is
 * null): whether the id `creates` names is taken (true/false; the caller decides what that means),
 * then NOT_FOUND for the first referenced id that does not exist, in the order given.
 */
export async function checkReferences(
  tx: Tx,
  creates: { label: RefLabel; id: string } | undefined,
  references: readonly Reference[] = [],
): Promise<boolean> {
  for (const label of [creates?.label, ...references.map((ref) => ref.label)]) {
    if (label !== undefined && !LABELS.includes(label)) throw new Error(`unknown label ${label}`);
  }
  const params: Record<string, unknown> = { created: creates?.id ?? null };
  const columns = [creates ? `EXISTS { MATCH (n:${creates.label} {id: $created}) } AS taken` : 'false AS taken'];
  references.forEach((ref, i) => {
    params[`ids${i}`] = [...new Set(ref.ids.filter((id): id is string => typeof id === 'string'))];
    columns.push(`[id IN $ids${i} WHERE NOT EXISTS { MATCH (n:${ref.label} {id: id}) }] AS missing${i}`);
  });
  const [row] = await tx.run<Record<string, unknown>>(`RETURN ${columns.join(', ')}`, params);
  if (row.taken === true) return true;
  references.forEach((ref, i) => {
    const missing = row[`missing${i}`] as string[];
    if (missing.length > 0) throw new NotFoundError(ref.entity ?? ref.label, missing[0]);
  });
  return false;
}

/** True when `error` is a uniqueness-constraint violation: another transaction created the same id first. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}
