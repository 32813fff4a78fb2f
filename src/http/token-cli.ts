import { loadConfig } from '../config';
import { ROLES, Role } from '../vocabulary';
import { MIN_SECRET_BYTES, signToken } from './auth';

/**
 * npm run token -- --role <ROLE> [--msl <mslId>] [--sub <subject>] [--minutes 720]
 * Signs an HS256 token with JWT_SECRET carrying `exp` (and JWT_ISSUER / JWT_AUDIENCE when set);
 * its lifetime may not exceed JWT_MAX_LIFETIME_MINUTES, since the server would refuse it.
 */
function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const config = loadConfig();
  const secret = config.jwtSecret;
  const role = arg('role')?.toUpperCase() as Role | undefined;
  if (!secret) return fail('JWT_SECRET is not set: tokens are signed with it (the server runs in open development mode without it)');
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) return fail(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
  if (!role || !ROLES.includes(role)) return fail(`--role must be one of ${ROLES.join(', ')}`);
  const mslId = arg('msl');
  if (role === 'MSL' && !mslId) return fail('an MSL token needs --msl <mslId>');
  const minutes = Number(arg('minutes') ?? Math.min(12 * 60, config.jwtMaxLifetimeMinutes));
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes > config.jwtMaxLifetimeMinutes) {
    return fail(`--minutes must be a whole number from 1 to ${config.jwtMaxLifetimeMinutes} (JWT_MAX_LIFETIME_MINUTES)`);
  }
  const sub = arg('sub') ?? (mslId ? `msl:${mslId}` : `${role.toLowerCase()}@msl-graph`);
  process.stdout.write(
    `${signToken(secret, { sub, roles: [role], mslId }, minutes * 60, { issuer: config.jwtIssuer, audience: config.jwtAudience })}\n`,
  );
}

function fail(message: string): void {
  process.stderr.write(`token: ${message}\n`);
  process.exitCode = 1;
}

main(process.argv.slice(2));
