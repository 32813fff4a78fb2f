import { NotFoundError, ValidationError } from '../../errors';
import { UnknownNodeError } from '../../network/network';
import { NetworkSnapshot } from '../../network/snapshot';
import { GraphContext } from '../context';

const perRequest = new WeakMap<GraphContext, Promise<NetworkSnapshot>>();

/** The network snapshot of this request: revalidated once per request, shared by all its fields. */
export function snapshotOf(ctx: GraphContext): Promise<NetworkSnapshot> {
  let snapshot = perRequest.get(ctx);
  if (!snapshot) {
    snapshot = ctx.app.network.snapshot();
    perRequest.set(ctx, snapshot);
  }
  return snapshot;
}

/** An integer argument within min..max, else BAD_USER_INPUT naming it. */
export function checkRange(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new ValidationError(field, `must be an integer between ${min} and ${max}`);
  return value;
}

/** Runs an algorithm call, turning an unknown node id into NOT_FOUND. */
export function knownNodes<T>(entity: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UnknownNodeError) throw new NotFoundError(entity, error.id);
    throw error;
  }
}

/** Community ids as clients see them; index 0 is "community-1". */
export const communityId = (index: number): string => `community-${index + 1}`;
