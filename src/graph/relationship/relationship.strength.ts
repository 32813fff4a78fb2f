import { StoredStrength, dayOf, strengthAsOf, strengthFromHistory } from '../../engagement/strength';
import { ValidationError } from '../../errors';
import { GraphContext } from '../context';
import { relationshipLoaders } from './relationship.loaders';
import { pairKey } from './relationship.repository';
import { MslRelationship } from './relationship.type';

/** What KNOWS stores about the strength: enough to compute it at any later moment. */
export type StoredRelationshipStrength = Pick<MslRelationship, 'strength' | 'baseStrength' | 'computedAt'>;

function storedOf(relationship: StoredRelationshipStrength): StoredStrength {
  return {
    strength: relationship.strength,
    baseStrength: relationship.baseStrength,
    computedDay:
      relationship.computedAt === null || relationship.computedAt === undefined ? null : dayOf(new Date(relationship.computedAt)),
  };
}

/** The strength now: what every answer that weighs relationships uses (paths, plans, handovers, health). */
export function currentStrength(ctx: GraphContext, relationship: StoredRelationshipStrength): number {
  return strengthAsOf(storedOf(relationship), dayOf(new Date()), ctx.app.config.strengthHalfLifeDays);
}

/**
 * The strength as of `asOf` (ISO 8601 date or date-time; now when absent). From the stored
 * values when the date is on or after the last recomputation; from the pair's interactions dated
 * up to that day when it is earlier (the stored value already counts later meetings).
 */
export async function strengthAt(ctx: GraphContext, relationship: MslRelationship, asOf: string | null | undefined): Promise<number> {
  if (asOf === null || asOf === undefined) return currentStrength(ctx, relationship);
  const moment = new Date(asOf);
  if (!/^\d{4}-\d{2}-\d{2}/.test(asOf) || Number.isNaN(moment.getTime()))
    throw new ValidationError('asOf', 'must be an ISO 8601 date or date-time');
  const day = dayOf(moment);
  const stored = storedOf(relationship);
  const halfLife = ctx.app.config.strengthHalfLifeDays;
  if (stored.computedDay === null || day >= stored.computedDay) return strengthAsOf(stored, day, halfLife);
  const history = await ctx.loaders.get(relationshipLoaders).history.load(pairKey(relationship.mslId, relationship.hcpId));
  return strengthFromHistory(relationship.baseStrength ?? relationship.strength, history, day, halfLife);
}

/** Relationships by descending current strength, then the id of their other end. */
export function byCurrentStrength(
  ctx: GraphContext,
  relationships: readonly MslRelationship[],
  otherEnd: (r: MslRelationship) => string,
): MslRelationship[] {
  const strength = new Map(relationships.map((r) => [r, currentStrength(ctx, r)]));
  return [...relationships].sort(
    (a, b) => (strength.get(b) as number) - (strength.get(a) as number) || (otherEnd(a) < otherEnd(b) ? -1 : 1),
  );
}
