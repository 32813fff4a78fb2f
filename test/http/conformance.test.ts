import { auditServer } from 'graphql-http';
import { signToken } from '../../src/http/auth';
import { TestApp, startTestApp } from '../support/app';

/**
 * The graphql-http audit suite (GraphQL over HTTP) against our server: every MUST and every SHOULD
 * passes, in open development mode and with JWT_SECRET set (the audit's requests then carry a token).
 */
type Result = { id: string; name: string; status: string; reason?: string };

function failures(results: Result[], levels: string[]): string[] {
  return results
    .filter((r) => levels.some((level) => r.name.startsWith(level)) && r.status !== 'ok')
    .map((r) => `${r.id} ${r.name}: ${r.reason}`);
}

describe('GraphQL over HTTP conformance (graphql-http auditServer)', () => {
  let t: TestApp;
  afterEach(() => t?.stop());

  it('development mode: every MUST and SHOULD passes', async () => {
    t = await startTestApp({}, { reset: false });
    const results = (await auditServer({ url: t.url })) as Result[];
    expect(results.length).toBeGreaterThanOrEqual(60);
    expect(failures(results, ['MUST', 'SHOULD'])).toEqual([]);
    // MAYs too, as it happens; reported here so a change is noticed.
    expect(failures(results, ['MAY'])).toEqual([]);
  });

  it('with JWT_SECRET and a bearer token: every MUST and SHOULD passes', async () => {
    const secret = 'conformance-secret-0123456789abcdef';
    t = await startTestApp({ JWT_SECRET: secret }, { reset: false });
    const authorization = `Bearer ${signToken(secret, { sub: 'auditor', roles: ['ANALYST'] })}`;
    const fetchFn = (input: string, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization } });
    const results = (await auditServer({ url: t.url, fetchFn })) as Result[];
    expect(failures(results, ['MUST', 'SHOULD'])).toEqual([]);
  });
});
