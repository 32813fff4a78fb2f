import { Authorized, MiddlewareFn, UseMiddleware } from 'type-graphql';
import { ForbiddenError } from '../../errors';
import { Role } from '../../vocabulary';
import { authorizeInTransaction } from '../common/mutation';
import { GraphContext, Viewer } from '../context';
import { canReadPersonalData, requireActForMsl, requireNotesAccess } from './rules';

/**
 * Field and operation guards. Put them next to `@Field` / `@Query` / `@Mutation` /
 * `@FieldResolver`; they run before the resolver and throw FORBIDDEN, so a nullable field comes
 * back null with an error on its path while the rest of the query answers.
 *
 *   @PersonalData()            email: ADMIN and MSL only
 *   @OwnNotes()                interaction notes: ADMIN, or the MSL whose mslId the root carries
 *   @Roles('ADMIN')            the operation needs one of the roles (ADMIN always passes)
 *   @AdminOnly()               imports, erasures, reference data
 *   @ActsForMsl('input.mslId') a write for an MSL: ADMIN, or the MSL whose token's mslId equals that argument
 *   @OwnsInteraction('id')    a write to an existing interaction: ADMIN, or the MSL who logged it
 *   @OwnsPlannedInteraction('id') a change to a plan: ADMIN, or the MSL who planned it
 */

/** Personal data (email): FORBIDDEN for ANALYST and PLANNER. */
export function PersonalData(): MethodDecorator & PropertyDecorator {
  return guarded(UseMiddleware(personalDataGuard));
}

const personalDataGuard: MiddlewareFn<GraphContext> = async ({ context, info }, next) => {
  if (!canReadPersonalData(context.viewer)) {
    throw new ForbiddenError(`${info.parentType.name}.${info.fieldName} is personal data: not available to ANALYST or PLANNER`);
  }
  return next();
};

/**
 * Interaction notes: readable by ADMIN and by the MSL who logged the interaction. `ownerOf`
 * reads the owner's mslId from the root object (default: `root.mslId`).
 */
export function OwnNotes<T = { mslId?: string | null }>(
  ownerOf: (root: T) => string | null | undefined = (root) => (root as { mslId?: string | null }).mslId,
): MethodDecorator & PropertyDecorator {
  const guard: MiddlewareFn<GraphContext> = async ({ root, context }, next) => {
    requireNotesAccess(context.viewer, ownerOf(root as T));
    return next();
  };
  return guarded(UseMiddleware(guard));
}

/** The operation needs one of `roles` (ADMIN always qualifies). */
export function Roles(...roles: Role[]): MethodDecorator & PropertyDecorator {
  return guarded(Authorized<Role>(...roles));
}

/** Only ADMIN: imports, erasures (deleteHcp), reference data. */
export function AdminOnly(): MethodDecorator & PropertyDecorator {
  return guarded(Authorized<Role>('ADMIN'));
}

/**
 * A write on behalf of an MSL: ADMIN, or an MSL whose token's `mslId` equals the argument at
 * `argPath` (dot path into the arguments, e.g. 'mslId' or 'input.mslId'). Everyone else FORBIDDEN.
 */
export function ActsForMsl(argPath: string): MethodDecorator & PropertyDecorator {
  const guard: MiddlewareFn<GraphContext> = async ({ args, context }, next) => {
    requireActForMsl(context.viewer, valueAt(args, argPath));
    return next();
  };
  return guarded(UseMiddleware(guard));
}

function valueAt(args: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = args;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A write to an existing interaction's notes (update/delete): ADMIN, or the MSL who logged the
 * interaction whose id is the argument at `argPath`, checked inside the mutation's transaction
 * (runMutation). An unknown id passes through (the existence check answers NOT_FOUND).
 */
export function OwnsInteraction(argPath: string): MethodDecorator & PropertyDecorator {
  return ownedGuard(argPath, 'MATCH (x:Interaction {id: $id}) OPTIONAL MATCH (m:MSL)-[:LOGGED]->(x)', requireNotesAccess);
}

/**
 * A change to an existing planned interaction (cancel, reschedule, complete): ADMIN, or the MSL
 * who planned it (the scheduling rule), checked inside the mutation's transaction. Other roles
 * are refused at once; an unknown id passes through to NOT_FOUND.
 */
export function OwnsPlannedInteraction(argPath: string): MethodDecorator & PropertyDecorator {
  return ownedGuard(argPath, 'MATCH (x:PlannedInteraction {id: $id}) OPTIONAL MATCH (m:MSL)-[:PLANNED]->(x)', requireActForMsl, (viewer) =>
    requireActForMsl(viewer, viewer.mslId),
  );
}

/**
 * ADMIN passes; anyone else first meets `upfront` (when given), then, inside the mutation's own
 * transaction (so the owner read is the one the write sees), `rule` with the owner `match` binds
 * to `m` for the node `x` whose id is the argument at `argPath`.
 */
function ownedGuard(
  argPath: string,
  match: string,
  rule: (viewer: Viewer, owner: string | null) => void,
  upfront?: (viewer: Viewer) => void,
): MethodDecorator & PropertyDecorator {
  const guard: MiddlewareFn<GraphContext> = async ({ args, context }, next) => {
    if (context.viewer.roles.includes('ADMIN')) return next();
    upfront?.(context.viewer);
    const id = valueAt(args, argPath);
    authorizeInTransaction(async (tx) => {
      const rows = await tx.run<{ owner: string | null }>(`${match} RETURN m.id AS owner LIMIT 1`, { id: id ?? '' });
      if (rows.length > 0) rule(context.viewer, rows[0].owner);
    });
    return next();
  };
  return guarded(UseMiddleware(guard));
}

const GUARDED = new Set<string>();

/** Registers the member as guarded (so a test can prove every mutation carries a guard), then decorates it. */
function guarded(decorator: MethodDecorator & PropertyDecorator): MethodDecorator & PropertyDecorator {
  return ((target: object, member: string | symbol, descriptor?: PropertyDescriptor) => {
    GUARDED.add(`${(target as { constructor: Function }).constructor.name}.${String(member)}`);
    return (decorator as (t: object, m: string | symbol, d?: PropertyDescriptor) => unknown)(target, member, descriptor);
  }) as MethodDecorator & PropertyDecorator;
}

/** Whether `ClassName.member` carries one of the guards of this module. */
export function isGuarded(className: string, member: string): boolean {
  return GUARDED.has(`${className}.${member}`);
}
