import { ForbiddenError } from '../../errors';
import { Role } from '../../vocabulary';
import { Viewer, hasRole } from '../context';

/**
 * The role rules of docs/security.md as plain functions (no GraphQL), so resolvers, middlewares
 * and services share one definition:
 *
 * - ADMIN may do everything.
 * - Personal data (`email`, interaction `notes`) is never readable by a viewer whose only roles
 *   are ANALYST and/or PLANNER; ADMIN and MSL read email; notes are readable by ADMIN and by the
 *   MSL who logged the interaction only.
 * - An MSL writes only as itself: the `mslId` a write acts for must be its own `mslId` claim.
 */

/** True when the viewer has one of `roles`; ADMIN always qualifies. */
export function allows(viewer: Viewer, roles: readonly Role[]): boolean {
  return hasRole(viewer, 'ADMIN') || roles.length === 0 || viewer.roles.some((role) => roles.includes(role));
}

/** Throws FORBIDDEN unless the viewer has one of `roles` (or is ADMIN). */
export function requireRole(viewer: Viewer, roles: readonly Role[], what = 'this operation'): void {
  if (!allows(viewer, roles)) throw new ForbiddenError(`${what} requires the role ${roles.join(' or ')}`);
}

/** May the viewer read email addresses? ADMIN and MSL yes, ANALYST and PLANNER no. */
export function canReadPersonalData(viewer: Viewer): boolean {
  return hasRole(viewer, 'ADMIN', 'MSL');
}

/** May the viewer read or write the notes of an interaction logged by `ownerMslId`? */
export function canAccessNotes(viewer: Viewer, ownerMslId: string | null | undefined): boolean {
  if (hasRole(viewer, 'ADMIN')) return true;
  return hasRole(viewer, 'MSL') && viewer.mslId !== undefined && ownerMslId === viewer.mslId;
}

/** May the viewer write on behalf of the MSL `mslId` (log an interaction, set a relationship, ...)? */
export function canActForMsl(viewer: Viewer, mslId: string | null | undefined): boolean {
  if (hasRole(viewer, 'ADMIN')) return true;
  return hasRole(viewer, 'MSL') && viewer.mslId !== undefined && mslId === viewer.mslId;
}

/** Throws FORBIDDEN unless the viewer may act for `mslId`. */
export function requireActForMsl(viewer: Viewer, mslId: string | null | undefined): void {
  if (!canActForMsl(viewer, mslId)) {
    throw new ForbiddenError(
      hasRole(viewer, 'MSL')
        ? 'an MSL may write only its own data (mslId of the token)'
        : 'writing MSL data requires the role ADMIN or MSL',
    );
  }
}

/** Throws FORBIDDEN unless the viewer may read/write the notes of an interaction of `ownerMslId`. */
export function requireNotesAccess(viewer: Viewer, ownerMslId: string | null | undefined): void {
  if (!canAccessNotes(viewer, ownerMslId)) {
    throw new ForbiddenError(
      hasRole(viewer, 'MSL')
        ? 'notes are readable only by the MSL who logged the interaction'
        : 'notes are personal data: not available to ANALYST or PLANNER',
    );
  }
}
