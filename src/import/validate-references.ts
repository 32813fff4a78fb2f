import { NodeLabel, SCHEMA_FILES } from './csv-schema';
import { ImportState } from './validate-file';
import { compareStrings } from './validate-cells';

/**
 * Every reference of an import (the columns csv-schema.ts declares with a target) must name a node
 * of the same import or one already in the database. Ids the import does not hold are looked up
 * with one batched query per label (an injected lookup, so pure tests need no database).
 */

/** Which of `ids` exist in the database as nodes with `label` (one batched lookup per label). */
export type ExistingIdsLookup = (label: NodeLabel, ids: string[]) => Promise<Set<string>>;

/** A lookup for imports that may only reference themselves (pure tests, empty databases). */
export const noExistingIds: ExistingIdsLookup = async () => new Set<string>();

/** How messages name the entity of each label ("unknown territory ..."). */
const NOUN = new Map<NodeLabel, string>(
  SCHEMA_FILES.flatMap((spec) => (spec.graph.kind === 'node' ? [[spec.graph.label, spec.graph.noun] as const] : [])),
);

interface Pending {
  file: string;
  line: number;
  column: string;
  label: NodeLabel;
  id: string;
}

/** Adds a problem to `state` for every reference that names neither an id of the import nor one of the database. */
export async function checkReferences(state: ImportState, lookup: ExistingIdsLookup): Promise<void> {
  const pending: Pending[] = [];
  const missing = new Map<NodeLabel, Set<string>>();
  for (const spec of SCHEMA_FILES) {
    const rows = state.data[spec.key] as unknown as Record<string, unknown>[];
    const lines = state.lines.get(spec.key);
    if (!lines) continue;
    for (const column of spec.columns) {
      const label = column.target;
      if (!label) continue;
      const known = state.ids(label);
      for (let i = 0; i < rows.length; i++) {
        const value = rows[i][column.name];
        if (value === null || value === undefined) continue;
        const values = column.type === 'refs' ? (value as string[]) : [value as string];
        for (const id of values) {
          if (known.has(id)) continue;
          pending.push({ file: spec.file, line: lines[i], column: column.name, label, id });
          let set = missing.get(label);
          if (!set) missing.set(label, (set = new Set()));
          set.add(id);
        }
      }
    }
  }
  if (pending.length === 0) return;
  const found = new Map<NodeLabel, Set<string>>();
  for (const [label, ids] of missing) found.set(label, await lookup(label, [...ids].sort(compareStrings)));
  for (const p of pending) {
    if (found.get(p.label)?.has(p.id)) continue;
    state.issues.push({
      file: p.file,
      line: p.line,
      reason: `unknown ${NOUN.get(p.label)} "${p.id}" in ${p.column} (not in this import nor in the database)`,
    });
  }
}
