import { Tx } from '../../db/database';

/**
 * Replacing the reference relationships of a node (an HCP's institution, an MSL's territory,
 * ...), inside the caller's transaction. Labels and relationship types come from the code's
 * whitelist below, never from input; ids are parameters.
 */
export interface RefSpec {
  label: 'HCP' | 'MSL' | 'Institution';
  rel: 'AFFILIATED_WITH' | 'IN_TERRITORY' | 'SPECIALIZES_IN' | 'COVERS' | 'FOCUSES_ON';
  target: 'Institution' | 'Territory' | 'TherapeuticArea';
}

const ALLOWED: readonly string[] = [
  'HCP AFFILIATED_WITH Institution',
  'HCP IN_TERRITORY Territory',
  'HCP SPECIALIZES_IN TherapeuticArea',
  'MSL COVERS Territory',
  'MSL FOCUSES_ON TherapeuticArea',
  'Institution IN_TERRITORY Territory',
];

function check(spec: RefSpec): void {
  if (!ALLOWED.includes(`${spec.label} ${spec.rel} ${spec.target}`))
    throw new Error(`reference ${spec.label}-${spec.rel}->${spec.target} not allowed`);
}

/** (n)-[:rel]->(t) for exactly the given target ids (none for an empty list); other targets are unlinked. */
export async function replaceRefs(tx: Tx, spec: RefSpec, id: string, targetIds: readonly string[]): Promise<void> {
  check(spec);
  await tx.run(
    `MATCH (n:${spec.label} {id: $id})
     CALL (n) { MATCH (n)-[x:${spec.rel}]->(t:${spec.target}) WHERE NOT t.id IN $targetIds DELETE x }
     CALL (n) { UNWIND $targetIds AS targetId MATCH (t:${spec.target} {id: targetId}) MERGE (n)-[:${spec.rel}]->(t) }`,
    { id, targetIds },
  );
}

/** A single reference: the target id, or none for null. */
export function replaceRef(tx: Tx, spec: RefSpec, id: string, targetId: string | null): Promise<void> {
  return replaceRefs(tx, spec, id, targetId === null ? [] : [targetId]);
}
