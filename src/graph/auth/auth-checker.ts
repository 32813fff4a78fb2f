import { AuthChecker } from 'type-graphql';
import { UnauthenticatedError } from '../../errors';
import { Role } from '../../vocabulary';
import { GraphContext } from '../context';
import { requireRole } from './rules';

/**
 * type-graphql's `authChecker` for `@Authorized(...roles)`:
 * - no viewer on the context: UNAUTHENTICATED;
 * - `@Authorized()` (no roles): any authenticated viewer;
 * - `@Authorized('MSL', ...)`: a viewer with one of the roles, or ADMIN; otherwise FORBIDDEN
 *   (thrown as our ForbiddenError so the message names the roles needed).
 */
export const authChecker: AuthChecker<GraphContext, Role> = ({ context, info }, roles) => {
  if (!context?.viewer) throw new UnauthenticatedError('authentication is required');
  requireRole(context.viewer, roles, `${info.parentType.name}.${info.fieldName}`);
  return true;
};
