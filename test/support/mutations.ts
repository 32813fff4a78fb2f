import { TestApp } from './app';

/** The code and `field` of the first error a graphql-request call failed with. */
export async function failure(promise: Promise<unknown>): Promise<{ code?: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    const errors = (error as { response?: { errors?: { extensions?: { code?: string; field?: string } }[] } }).response?.errors;
    return { code: errors?.[0]?.extensions?.code, field: errors?.[0]?.extensions?.field };
  }
  throw new Error('expected the request to fail');
}

/** Counts of everything stored (nodes, relationships, properties, network change records): equal before/after = nothing written. */
export async function snapshot(t: TestApp): Promise<string> {
  const [row] = await t.db.read<{ nodes: number; rels: number; props: number; version: number | null }>(`
    CALL { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProps }
    CALL { MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS relProps }
    RETURN nodes, rels, nodeProps + relProps AS props, COUNT { (:NetworkChange) } AS version`);
  return JSON.stringify(row);
}

/** How many network change records exist: a write that changes the network adds exactly one. */
export async function networkVersion(t: TestApp): Promise<number> {
  const [row] = await t.db.read<{ version: number }>('RETURN COUNT { (:NetworkChange) } AS version');
  return row.version;
}
