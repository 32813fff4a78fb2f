import jwt from 'jsonwebtoken';
import { JWTPayload, JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { Config } from '../config';
import { UnauthenticatedError } from '../errors';
import { Viewer } from '../graph/context';
import { ROLES, Role } from '../vocabulary';
import { isLoopbackHost } from './guards';

/** The identity of every request when no authentication is configured (open development mode, loopback only). */
export const DEVELOPMENT_VIEWER: Viewer = { sub: 'development', roles: ['ADMIN'] };

/** Shortest HS256 secret accepted: the hash's own size (RFC 7518 section 3.2). */
export const MIN_SECRET_BYTES = 32;

/** Skew allowed between our clock and the token issuer's when checking `exp` and `nbf`. */
const CLOCK_TOLERANCE_S = 5;

export function authConfigured(config: Config): boolean {
  return Boolean(config.jwtSecret || config.jwtJwksUrl);
}

/**
 * Why the process must not start with this configuration (one line for the operator), or
 * undefined. Checked by main.ts before anything starts, and again by the HTTP server.
 */
export function authConfigProblem(config: Config): string | undefined {
  if (config.jwtSecret !== undefined && Buffer.byteLength(config.jwtSecret) < MIN_SECRET_BYTES) {
    return `JWT_SECRET is ${Buffer.byteLength(config.jwtSecret)} bytes; HS256 needs at least ${MIN_SECRET_BYTES} (e.g. openssl rand -base64 48)`;
  }
  if (config.jwtJwksUrl) {
    let url: URL;
    try {
      url = new URL(config.jwtJwksUrl);
    } catch {
      return `JWT_JWKS_URL is not a URL: "${config.jwtJwksUrl}"`;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.host)))
      return 'JWT_JWKS_URL must be https (plain http only on loopback)';
  }
  if (config.jwtMaxLifetimeMinutes <= 0) return 'JWT_MAX_LIFETIME_MINUTES must be positive';
  if (!authConfigured(config)) {
    if (config.production)
      return 'NODE_ENV=production needs authentication: set JWT_SECRET (HS256, at least 32 bytes) or JWT_JWKS_URL (RS256/ES256 keys of your identity provider)';
    if (!['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
      return `no authentication is configured (open development mode) but HOST=${config.host}: development mode binds to loopback only. Set JWT_SECRET or JWT_JWKS_URL, or HOST=127.0.0.1`;
    }
  }
  return undefined;
}

/** Resolves the viewer of a request from its `Authorization` header; rejects with UNAUTHENTICATED. */
export type Authenticate = (authorization: string | undefined) => Promise<Viewer>;

/**
 * Bearer JWTs verified with `jose`: HS256 with JWT_SECRET, and/or RS256/ES256 with the keys at
 * JWT_JWKS_URL (fetched on first use, cached, refetched when a token names an unknown key id, so
 * the provider's key rotation needs no restart). Every token must carry `exp`, live at most
 * JWT_MAX_LIFETIME_MINUTES, and match JWT_ISSUER / JWT_AUDIENCE when those are set. Claims: `sub`,
 * `roles` (ADMIN, MSL, ANALYST, PLANNER), `mslId` for an MSL. Without any of it, everyone is the
 * development viewer.
 */
export function authenticator(config: Config): Authenticate {
  if (!authConfigured(config)) return async () => DEVELOPMENT_VIEWER;
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  const jwks = config.jwtJwksUrl
    ? createRemoteJWKSet(new URL(config.jwtJwksUrl), { cooldownDuration: config.jwtJwksCooldownMs, timeoutDuration: 5000 })
    : undefined;
  const algorithms = [...(secret ? ['HS256'] : []), ...(jwks ? ['RS256', 'ES256'] : [])];
  // The key follows the algorithm the allow-list accepted: an HS256 token is never checked
  // against a public key (algorithm confusion), an RS256 one never against the secret.
  const key: JWTVerifyGetKey = async (header, token) => (header.alg === 'HS256' ? secret! : jwks!(header, token));
  const maxLifetimeS = config.jwtMaxLifetimeMinutes * 60;
  return async (authorization) => {
    const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new UnauthenticatedError('a bearer token is required (Authorization: Bearer <jwt>)');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms,
        issuer: config.jwtIssuer,
        audience: config.jwtAudience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      throw new UnauthenticatedError(rejection(error));
    }
    const lifetime = payload.exp! - (payload.iat ?? Math.floor(Date.now() / 1000));
    if (lifetime > maxLifetimeS)
      throw new UnauthenticatedError(
        `the token lives longer than the ${config.jwtMaxLifetimeMinutes} minutes allowed (JWT_MAX_LIFETIME_MINUTES)`,
      );
    return toViewer(payload);
  };
}

function rejection(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `the token has no "${error.claim}" claim`;
    if (error.claim === 'iss') return 'the token was issued by another issuer (JWT_ISSUER)';
    if (error.claim === 'aud') return 'the token is meant for another audience (JWT_AUDIENCE)';
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
    return "the identity provider's keys (JWT_JWKS_URL) could not be read";
  return 'the token is invalid';
}

function toViewer(claims: JWTPayload): Viewer {
  const roles = (Array.isArray(claims.roles) ? claims.roles : [claims.roles]).filter((role): role is Role => ROLES.includes(role));
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new UnauthenticatedError('the token has no subject');
  if (roles.length === 0) throw new UnauthenticatedError('the token grants no known role');
  const mslId = typeof claims.mslId === 'string' ? claims.mslId : undefined;
  if (roles.includes('MSL') && !mslId) throw new UnauthenticatedError('an MSL token needs an mslId claim');
  return { sub: claims.sub, roles, mslId };
}

/** Signs an HS256 token (with `exp`) for `npm run token` and tests. */
export function signToken(
  secret: string,
  viewer: Viewer,
  expiresIn: jwt.SignOptions['expiresIn'] = '12h',
  claims: { issuer?: string; audience?: string } = {},
): string {
  const payload: Record<string, unknown> = { roles: viewer.roles };
  if (viewer.mslId) payload.mslId = viewer.mslId;
  const options: jwt.SignOptions = { algorithm: 'HS256', subject: viewer.sub, expiresIn };
  if (claims.issuer) options.issuer = claims.issuer;
  if (claims.audience) options.audience = claims.audience;
  return jwt.sign(payload, secret, options);
}
