import { Database } from '../../db/database';

/** Labels whose `id` is a node id, with the GraphQL type each becomes. */
export const ENTITY_TYPES: Record<string, string> = {
  HCP: 'HCP',
  MSL: 'MSL',
  Institution: 'Institution',
  Territory: 'Territory',
  TherapeuticArea: 'TherapeuticArea',
  Interaction: 'Interaction',
  Insight: 'Insight',
  Publication: 'Publication',
  ClinicalTrial: 'ClinicalTrial',
  AuditEvent: 'AuditEvent',
  PlannedInteraction: 'PlannedInteraction',
  RestrictedWord: 'RestrictedWord',
};

/** The GraphQL types of the entities holding each id: one index seek per label (each label's id is unique). */
export async function entityTypesOf(db: Database, ids: readonly string[]): Promise<Map<string, string[]>> {
  const branches = Object.keys(ENTITY_TYPES).map((label) => `MATCH (:${label} {id: id}) RETURN '${label}' AS label`);
  const rows = await db.read<{ id: string; labels: string[] }>(
    `UNWIND $ids AS id CALL (id) { ${branches.join(' UNION ALL ')} } RETURN id, collect(label) AS labels`,
    { ids },
  );
  return new Map(rows.map((row) => [row.id, row.labels.map((label) => ENTITY_TYPES[label])]));
}
