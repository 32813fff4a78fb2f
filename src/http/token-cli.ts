import { loadConfig } from '../config';
import { ROLES, Role } from '../graph/context';
import { signToken } from './auth';

/** npm run token -- --role <ROLE> [--msl <mslId>] [--sub <subject>] [--expires 12h] */
function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const secret = loadConfig().jwtSecret;
  const role = arg('role')?.toUpperCase() as Role | undefined;
  if (!secret) return fail('JWT_SECRET is not set: tokens are signed with it (the server runs in open development mode without it)');
  if (!role || !ROLES.includes(role)) return fail(`--role must be one of ${ROLES.join(', ')}`);
  const mslId = arg('msl');
  if (role === 'MSL' && !mslId) return fail('an MSL token needs --msl <mslId>');
  const sub = arg('sub') ?? (mslId ? `msl:${mslId}` : `${role.toLowerCase()}@msl-graph`);
  process.stdout.write(`${signToken(secret, { sub, roles: [role], mslId }, (arg('expires') ?? '12h') as '12h')}\n`);
}

function fail(message: string): void {
  process.stderr.write(`token: ${message}\n`);
  process.exitCode = 1;
}

main(process.argv.slice(2));
