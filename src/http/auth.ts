import jwt from 'jsonwebtoken';
import { UnauthenticatedError } from '../errors';
import { ROLES, Role, Viewer } from '../graph/context';

/** The identity of every request when JWT_SECRET is unset (open development mode, loopback only). */
export const DEVELOPMENT_VIEWER: Viewer = { sub: 'development', roles: ['ADMIN'] };

/**
 * Reads the viewer from an `Authorization: Bearer <jwt>` header: HS256 only, signature and expiry
 * checked, claims `sub`, `roles` (ADMIN, MSL, ANALYST, PLANNER) and `mslId` for an MSL.
 * Without a secret everyone is the development viewer.
 */
export function viewerFromAuthorization(header: string | undefined, secret: string | undefined): Viewer {
  if (!secret) return DEVELOPMENT_VIEWER;
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new UnauthenticatedError('a bearer token is required (Authorization: Bearer <jwt>)');
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
  } catch (error) {
    const expired = error instanceof jwt.TokenExpiredError;
    throw new UnauthenticatedError(expired ? 'the token has expired' : 'the token is invalid');
  }
  return toViewer(claims);
}

function toViewer(claims: jwt.JwtPayload): Viewer {
  const roles = (Array.isArray(claims.roles) ? claims.roles : [claims.roles]).filter((role): role is Role => ROLES.includes(role));
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new UnauthenticatedError('the token has no subject');
  if (roles.length === 0) throw new UnauthenticatedError('the token grants no known role');
  const mslId = typeof claims.mslId === 'string' ? claims.mslId : undefined;
  if (roles.includes('MSL') && !mslId) throw new UnauthenticatedError('an MSL token needs an mslId claim');
  return { sub: claims.sub, roles, mslId };
}

/** Signs a token for `npm run token` and tests. */
export function signToken(secret: string, viewer: Viewer, expiresIn: jwt.SignOptions['expiresIn'] = '12h'): string {
  const claims: Record<string, unknown> = { roles: viewer.roles };
  if (viewer.mslId) claims.mslId = viewer.mslId;
  return jwt.sign(claims, secret, { algorithm: 'HS256', subject: viewer.sub, expiresIn });
}
