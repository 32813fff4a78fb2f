import { ForbiddenError } from '../../errors';
import { GraphContext, hasRole } from '../context';

/**
 * Who may read planning answers: ADMIN, PLANNER and ANALYST read all of them; a viewer who is
 * only an MSL reads those about its own territories (the territories its MSL node COVERS), and
 * gets FORBIDDEN for anything else, including answers over every territory at once.
 */
export async function requireTerritoryReader(ctx: GraphContext, territoryIds: readonly (string | null)[], what: string): Promise<void> {
  const { viewer } = ctx;
  if (hasRole(viewer, 'ADMIN', 'PLANNER', 'ANALYST')) return;
  if (hasRole(viewer, 'MSL') && viewer.mslId) {
    const own = new Set(await territoriesOf(ctx, viewer.mslId));
    if (territoryIds.length > 0 && territoryIds.every((id) => id !== null && own.has(id))) return;
    throw new ForbiddenError(`${what}: an MSL reads planning answers about its own territories only`);
  }
  throw new ForbiddenError(`${what} requires the role PLANNER, ANALYST, ADMIN or MSL`);
}

/** The territories an MSL covers. */
export async function territoriesOf(ctx: GraphContext, mslId: string): Promise<string[]> {
  const rows = await ctx.db.read<{ id: string }>('MATCH (:MSL {id: $mslId})-[:COVERS]->(t:Territory) RETURN t.id AS id', { mslId });
  return rows.map((row) => row.id);
}

/** The MSLs covering a territory. */
export async function mslsCovering(ctx: GraphContext, territoryId: string): Promise<Set<string>> {
  const rows = await ctx.db.read<{ id: string }>('MATCH (m:MSL)-[:COVERS]->(:Territory {id: $territoryId}) RETURN m.id AS id', {
    territoryId,
  });
  return new Set(rows.map((row) => row.id));
}
