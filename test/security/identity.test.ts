import http from 'node:http';
import { createHmac } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { JWK, SignJWT, decodeJwt, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import jwt from 'jsonwebtoken';
import { loadConfig } from '../../src/config';
import { authConfigProblem, signToken } from '../../src/http/auth';
import { projectRoot } from '../../src/paths';
import { TestApp, startTestApp } from '../support/app';

/**
 * Identity as deployments need it: tokens must expire and not live too long, short secrets and
 * unauthenticated production starts are refused, issuer and audience are checked, and RS256/ES256
 * tokens are verified through a JWKS (served here on loopback, keys rotated under the server).
 */
const run = promisify(execFile);
const SECRET = 'identity-test-secret-0123456789abcdef';
const QUERY = JSON.stringify({ query: '{ msls { id } }' });

async function status(url: string, token: string): Promise<{ status: number; message?: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: QUERY,
  });
  const body = (await res.json()) as { errors?: { message: string }[] };
  return { status: res.status, message: body.errors?.[0]?.message };
}

function node(script: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** An HS256 token signed by hand (libraries refuse a PEM public key as an HMAC secret). */
function hmacToken(secret: string, header: object, payload: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('configuration refused at start', () => {
  const problem = (env: Record<string, string>) => authConfigProblem(loadConfig({ HOST: '127.0.0.1', ...env }));

  it('names each unsafe configuration', () => {
    expect(problem({ JWT_SECRET: 'abc' })).toMatch(/JWT_SECRET is 3 bytes; HS256 needs at least 32/);
    expect(problem({ JWT_SECRET: 'x'.repeat(31) })).toMatch(/at least 32/);
    expect(problem({ NODE_ENV: 'production' })).toMatch(/NODE_ENV=production needs authentication/);
    expect(problem({ HOST: '0.0.0.0' })).toMatch(/open development mode.*HOST=0\.0\.0\.0/);
    expect(problem({ JWT_JWKS_URL: 'http://idp.example.com/jwks' })).toMatch(/must be https/);
    expect(problem({ JWT_JWKS_URL: 'not a url' })).toMatch(/not a URL/);
    expect(problem({ JWT_SECRET: SECRET, JWT_MAX_LIFETIME_MINUTES: '0' })).toMatch(/positive/);
    expect(problem({ JWT_SECRET: SECRET, NODE_ENV: 'production', HOST: '0.0.0.0' })).toBeUndefined();
    expect(problem({ JWT_JWKS_URL: 'https://idp.example.com/jwks', NODE_ENV: 'production' })).toBeUndefined();
    expect(problem({})).toBeUndefined();
  });

  it.each([
    ['a short JWT_SECRET', { JWT_SECRET: 'abc' }, /JWT_SECRET is 3 bytes/],
    ['NODE_ENV=production without authentication', { NODE_ENV: 'production', JWT_SECRET: '' }, /NODE_ENV=production needs authentication/],
  ])('the process refuses %s: one line, exit code 1, before Neo4j starts', async (_what, env, message) => {
    const started = Date.now();
    const result = await node('src/main.ts', [], { NEO4J_URI: '', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(20000);
  });
});

describe('npm run token', () => {
  it('mints a token with exp within JWT_MAX_LIFETIME_MINUTES, and refuses a longer one', async () => {
    const ok = await node('src/http/token-cli.ts', ['--role', 'ANALYST'], {
      JWT_SECRET: SECRET,
      JWT_MAX_LIFETIME_MINUTES: '60',
      JWT_ISSUER: 'https://issuer.test',
    });
    expect(ok.code).toBe(0);
    const claims = decodeJwt(ok.stdout.trim());
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.iss).toBe('https://issuer.test');
    const long = await node('src/http/token-cli.ts', ['--role', 'ANALYST', '--minutes', '61'], {
      JWT_SECRET: SECRET,
      JWT_MAX_LIFETIME_MINUTES: '60',
    });
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/--minutes must be a whole number from 1 to 60/);
    const short = await node('src/http/token-cli.ts', ['--role', 'ANALYST'], { JWT_SECRET: 'abc' });
    expect(short.code).toBe(1);
  });
});

describe('HS256 tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(
      { JWT_SECRET: SECRET, JWT_MAX_LIFETIME_MINUTES: '60', JWT_ISSUER: 'https://issuer.test', JWT_AUDIENCE: 'msl-graph' },
      { reset: false },
    );
  });
  afterAll(() => t.stop());

  const claims = { roles: ['ANALYST'] };
  const sign = (payload: object, options: jwt.SignOptions) => jwt.sign(payload, SECRET, { algorithm: 'HS256', subject: 'ana', ...options });

  it('a token with the right issuer, audience and lifetime is served', async () => {
    expect(
      (
        await status(
          t.url,
          signToken(SECRET, { sub: 'ana', roles: ['ANALYST'] }, '1h', { issuer: 'https://issuer.test', audience: 'msl-graph' }),
        )
      ).status,
    ).toBe(200);
  });

  it.each([
    ['without exp (valid for ever)', () => sign(claims, { issuer: 'https://issuer.test', audience: 'msl-graph' }), /no "exp" claim/],
    [
      'living longer than JWT_MAX_LIFETIME_MINUTES',
      () => sign(claims, { expiresIn: '2h', issuer: 'https://issuer.test', audience: 'msl-graph' }),
      /longer than the 60 minutes/,
    ],
    [
      'without iat, expiring beyond the maximum lifetime',
      () =>
        sign(
          { ...claims, exp: Math.floor(Date.now() / 1000) + 86400 },
          { noTimestamp: true, issuer: 'https://issuer.test', audience: 'msl-graph' },
        ),
      /longer than/,
    ],
    [
      'expired',
      () => sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, { issuer: 'https://issuer.test', audience: 'msl-graph' }),
      /expired/,
    ],
    ['from another issuer', () => sign(claims, { expiresIn: '1h', issuer: 'https://evil.test', audience: 'msl-graph' }), /another issuer/],
    ['without issuer', () => sign(claims, { expiresIn: '1h', audience: 'msl-graph' }), /"iss"/],
    [
      'for another audience',
      () => sign(claims, { expiresIn: '1h', issuer: 'https://issuer.test', audience: 'other-api' }),
      /another audience/,
    ],
    [
      'signed with a 3-byte secret',
      () =>
        jwt.sign(claims, 'abc', {
          algorithm: 'HS256',
          subject: 'x',
          expiresIn: '1h',
          issuer: 'https://issuer.test',
          audience: 'msl-graph',
        }),
      /invalid/,
    ],
  ])('a token %s: 401 UNAUTHENTICATED', async (_what, make, message) => {
    const answer = await status(t.url, make());
    expect(answer.status).toBe(401);
    expect(answer.message).toMatch(message);
  });
});

describe('RS256/ES256 tokens through JWKS (JWT_JWKS_URL)', () => {
  let t: TestApp;
  let jwksServer: http.Server;
  let served: { keys: JWK[] } = { keys: [] };
  let fetches = 0;
  type Key = { kid: string; alg: 'RS256' | 'ES256'; privateKey: CryptoKey; jwk: JWK; spki: string };
  const keys: Record<string, Key> = {};

  async function makeKey(kid: string, alg: 'RS256' | 'ES256'): Promise<Key> {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, spki: await exportSPKI(publicKey) };
  }

  const tokenFrom = (key: Key, claims: Record<string, unknown> = { roles: ['ANALYST'] }, kid = key.kid) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid })
      .setSubject('oidc-user')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key.privateKey);

  beforeAll(async () => {
    for (const [kid, alg] of [
      ['rsa-1', 'RS256'],
      ['ec-2', 'ES256'],
      ['rsa-rogue', 'RS256'],
    ] as const)
      keys[kid] = await makeKey(kid, alg);
    served = { keys: [keys['rsa-1'].jwk] };
    jwksServer = http.createServer((req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(served));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const port = (jwksServer.address() as { port: number }).port;
    t = await startTestApp({ JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks`, JWT_JWKS_COOLDOWN_MS: '0' }, { reset: false });
  });
  afterAll(async () => {
    await t.stop();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  it('verifies an RS256 token with the provider key; the key set is fetched once and cached', async () => {
    expect((await status(t.url, await tokenFrom(keys['rsa-1']))).status).toBe(200);
    expect((await status(t.url, await tokenFrom(keys['rsa-1']))).status).toBe(200);
    expect(fetches).toBe(1);
  });

  it('follows a key rotation without restart: the new ES256 key is fetched, the retired key stops working', async () => {
    served = { keys: [keys['ec-2'].jwk] };
    expect((await status(t.url, await tokenFrom(keys['ec-2']))).status).toBe(200);
    expect(fetches).toBe(2);
    const retired = await status(t.url, await tokenFrom(keys['rsa-1']));
    expect(retired.status).toBe(401);
  });

  it.each([
    ['signed by a key the provider never published', async () => tokenFrom(keys['rsa-rogue'])],
    ['claiming a published kid but signed by another key', async () => tokenFrom(keys['rsa-rogue'], { roles: ['ADMIN'] }, 'ec-2')],
    [
      'HS256 with the public key as the secret (algorithm confusion)',
      async () =>
        hmacToken(
          keys['ec-2'].spki,
          { alg: 'HS256', kid: 'ec-2' },
          { sub: 'x', roles: ['ADMIN'], exp: Math.floor(Date.now() / 1000) + 300 },
        ),
    ],
    [
      'without exp',
      async () =>
        new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'ES256', kid: 'ec-2' }).setSubject('x').sign(keys['ec-2'].privateKey),
    ],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none","kid":"ec-2"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['ADMIN'], exp: 9999999999 })).toString('base64url')}.`,
    ],
  ])('a token %s: 401', async (_what, make) => {
    expect((await status(t.url, await make())).status).toBe(401);
  });
});
