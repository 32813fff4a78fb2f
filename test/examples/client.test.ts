import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runExamples } from '../../examples/client';
import { signToken } from '../../src/http/auth';
import { generateNetwork } from '../../src/import/generate';
import { importNetwork } from '../../src/import/importer';
import { projectRoot } from '../../src/paths';
import { TestApp, startTestApp } from '../support/app';

/**
 * The typed client example (examples/): its generated types are current, it type-checks, and it
 * runs against a server that wants a token, with an ANALYST + PLANNER token (no personal data).
 */

const run = promisify(execFile);
const SECRET = 'examples-test-secret-0123456789abcdef';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
  await importNetwork(t.db, generateNetwork({ hcps: 250, seed: 5 }));
  token = signToken(SECRET, { sub: 'example-client', roles: ['ANALYST', 'PLANNER'] });
}, 120000);
afterAll(() => t?.stop());

describe('typed client example', () => {
  it('the committed operation types match the schema and the operations (npm run codegen)', async () => {
    // Generated in memory by the codegen API in a plain Node process (jest cannot load its ESM deps).
    const script = `
      const { generate } = require('@graphql-codegen/cli');
      const config = require('./examples/codegen.ts').default;
      generate({ ...config, silent: true }, false).then((outputs) => process.stdout.write(JSON.stringify(outputs)));`;
    const { stdout } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: projectRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    const outputs = JSON.parse(stdout) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename).sort()).toEqual(['examples/generated/graphql.ts', 'examples/generated/schema.ts']);
    // graphql.ts exactly (what the client uses); schema.ts (every schema type) is regenerated
    // with it and type-checked below, but follows other people's schema changes at its own pace.
    const operations = outputs.find((o) => o.filename === 'examples/generated/graphql.ts');
    const committed = fs.readFileSync(path.join(projectRoot, 'examples/generated/graphql.ts'), 'utf8');
    expect(committed === operations?.content ? 'current' : 'stale: run npm run codegen').toBe('current');
    expect(operations?.content).toContain('export type IntroductionPathsQuery = ');
  }, 120000);

  it('type-checks (tsc --noEmit -p examples)', async () => {
    const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '--noEmit', '-p', path.join(projectRoot, 'examples', 'tsconfig.json')], {
      cwd: projectRoot,
    }).catch((error: { stdout?: string; code?: number }) => error);
    expect('stdout' in result ? result.stdout : '').toBe('');
    expect('code' in result ? result.code : 0).toBeFalsy();
  }, 120000);

  it('runs as a script (npm run example) against the server with a bearer token', async () => {
    const { stdout } = await run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join('examples', 'client.ts'), 'oncology'],
      {
        cwd: projectRoot,
        env: { ...process.env, MSL_GRAPH_URL: t.url, MSL_GRAPH_TOKEN: token },
        timeout: 60000,
      },
    );
    expect(stdout).toMatch(/^front end: "oncology" matches \d+ HCP\(s\)/m);
    expect(stdout).toMatch(/^front end: .+: PageRank rank #\d+, community community-\d+; ego network \d+ HCPs, \d+ ties/m);
    expect(stdout).toContain('analyst: top KOLs by composite score');
    expect(stdout).toMatch(/^analyst: \d+ communities, modularity 0\.\d+/m);
    expect(stdout).toMatch(/^planner: .+ reaches \d+ HCPs within 2 hops/m);
    expect(stdout).toMatch(/^planner: \d+ introduction path\(s\) from /m);
  }, 90000);

  it('returns typed results that agree with the API', async () => {
    const result = await runExamples(t.url, { token, search: 'cardiology' });
    expect(result.search.totalCount).toBeGreaterThan(0);
    expect(result.profile?.hcp?.id).toBe(result.search.edges[0].node.id);
    expect(result.profile?.egoNetwork.nodes[0].hops).toBe(0);
    expect(result.kols).toHaveLength(5);
    expect(result.kols.map((k) => k.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(result.communities.communities.length).toBeGreaterThan(1);
    const plan = result.plan;
    expect(plan).not.toBeNull();
    for (const path of plan?.paths ?? []) {
      expect(path.nodes[0]).toEqual({ __typename: 'MSL', id: plan?.msl.id, name: plan?.msl.name });
      expect(path.nodes[path.nodes.length - 1].id).toBe(plan?.target);
      expect(path.hops).toBe(path.nodes.length - 1);
    }
  });

  it('fails without a token: the server wants one', async () => {
    await expect(runExamples(t.url)).rejects.toMatchObject({ response: { status: 401 } });
  });
});
