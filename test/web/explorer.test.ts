import { Browser, Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web';
import { signToken } from '../../src/http/auth';
import { generateNetwork } from '../../src/import/generate';
import { importNetwork } from '../../src/import/importer';
import { TestApp, startTestApp } from '../support/app';
import { artifact, collectErrors, launchChromium } from './browser';

/**
 * The network explorer at `/` in headless Chromium against the real API on a generated network:
 * it loads, search finds an HCP, the ego network renders, introduction paths are highlighted,
 * the KOL table fills and filters. Screenshots go to test-artifacts/.
 */

let t: TestApp;
let browser: Browser;
let page: Page;
let errors: string[];
let base: string;

interface Target {
  hcp: { id: string; name: string };
  msl: { id: string; name: string };
  hops: number;
}
let target: Target;

beforeAll(async () => {
  await buildWeb();
  t = await startTestApp();
  await importNetwork(t.db, generateNetwork({ hcps: 300, seed: 8 }));
  base = t.url.replace(/\/graphql$/, '');
  target = await findPathTarget();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 940 } });
  errors = collectErrors(page);
}, 120000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** An MSL and an influential HCP it reaches in 2 or more hops: the path view has something to draw. */
async function findPathTarget(): Promise<Target> {
  const client = t.client();
  const { msls } = await client.request<{ msls: { id: string; name: string }[] }>('{ msls { id name } }');
  const { kolRanking } = await client.request<{ kolRanking: { hcp: { id: string; name: string } }[] }>(
    '{ kolRanking(first: 15) { hcp { id name } } }',
  );
  for (const { hcp } of kolRanking) {
    for (const msl of msls) {
      const { introductionPaths } = await client.request<{ introductionPaths: { hops: number }[] }>(
        'query($m: ID!, $h: ID!) { introductionPaths(fromMslId: $m, toHcpId: $h, maxHops: 4, first: 1) { hops } }',
        { m: msl.id, h: hcp.id },
      );
      if (introductionPaths[0]?.hops >= 2) return { hcp, msl, hops: introductionPaths[0].hops };
    }
  }
  throw new Error('no MSL reaches a top KOL in 2..4 hops in the generated network');
}

describe('network explorer', () => {
  it('loads offline-bundled assets, fills the KOL table and centres on the top KOL', async () => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    expect(await page.title()).toBe('MSL Graph · network explorer');
    // Nothing but this server: no CDN.
    expect(requested.filter((url) => !url.startsWith(base))).toEqual([]);
    const rows = await page.$$eval('#kol-table tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    const { kolRanking } = await t.client().request<{ kolRanking: { hcp: { id: string } }[] }>('{ kolRanking(first: 20) { hcp { id } } }');
    expect(rows).toEqual(kolRanking.map((row) => row.hcp.id));
    // The top KOL's ego network is drawn at once.
    await page.waitForFunction((id) => document.getElementById('graph')?.dataset.centre === id, kolRanking[0].hcp.id);
    expect(await page.locator('#msl-select option').count()).toBeGreaterThan(1);
    expect(await page.locator('.badge').textContent()).toContain('open development mode');
    expect(errors).toEqual([]);
  });

  it('a search returns the HCP', async () => {
    await page.fill('#search-input', target.hcp.name);
    await page.click('#search-button');
    const result = page.locator(`#search-results button[data-id="${target.hcp.id}"]`);
    await result.waitFor({ timeout: 15000 });
    expect(await result.locator('.name').textContent()).toBe(target.hcp.name);
    expect(await page.locator('#search-count').textContent()).toMatch(/match/);
  });

  it('shows the ego network of the chosen HCP: nodes, ties with weights and types, influence card', async () => {
    await page.click(`#search-results button[data-id="${target.hcp.id}"]`);
    await page.waitForFunction((id) => document.getElementById('graph')?.dataset.centre === id, target.hcp.id);
    const { egoNetwork } = await t
      .client()
      .request<{ egoNetwork: { nodes: unknown[]; edges: { weight: number; types: string[] }[] } }>(
        'query($id: ID!) { egoNetwork(hcpId: $id, hops: 1, first: 50) { nodes { hops } edges { weight types } } }',
        { id: target.hcp.id },
      );
    const graph = page.locator('#graph');
    expect(Number(await graph.getAttribute('data-nodes'))).toBe(egoNetwork.nodes.length);
    expect(Number(await graph.getAttribute('data-edges'))).toBe(egoNetwork.edges.length);
    expect(egoNetwork.edges.length).toBeGreaterThan(0);
    expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('#hcp-name').textContent()).toBe(target.hcp.name);
    expect(await page.locator('#hcp-card .influence').textContent()).toMatch(/Rank#\d+/);
    // The ties, strongest first, with their types and weights.
    const ties = await page.$$eval('#edge-table tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)),
    );
    expect(ties).toHaveLength(egoNetwork.edges.length);
    const strongest = [...egoNetwork.edges].sort((a, b) => b.weight - a.weight)[0];
    expect(ties[0][2]).toBe(strongest.types.join(', '));
    expect(ties[0][3]).toBe(strongest.weight.toFixed(2));
    // Two hops: more HCPs.
    await page.selectOption('#ego-hops', '2');
    await page.waitForFunction((n) => Number(document.getElementById('graph')?.dataset.nodes) > n, egoNetwork.nodes.length);
    expect(await page.locator('#legend').textContent()).toContain('Communities:');
  });

  it('highlights the introduction paths from an MSL to the HCP', async () => {
    await page.selectOption('#msl-select', target.msl.id);
    await page.click('#paths-button');
    const paths = page.locator('#path-list li.path');
    await paths.first().waitFor({ timeout: 15000 });
    const first = await paths.first().textContent();
    expect(first).toContain(target.msl.name);
    expect(first).toContain(target.hcp.name);
    expect(await paths.first().getAttribute('data-hops')).toBe(String(target.hops));
    // The strongest path is drawn: its nodes and edges (hops + 1 nodes, hops edges).
    await page.waitForFunction((n) => Number(document.getElementById('graph')?.dataset.highlighted) === n, 2 * target.hops + 1);
    await page.locator('#graph').screenshot({ path: artifact('explorer-paths-graph.png') });
    await page.screenshot({ path: artifact('explorer.png') });
    // Picking another path highlights that one.
    const count = await paths.count();
    if (count > 1) {
      await paths.nth(1).click();
      await page.waitForSelector('#path-list li.path:nth-child(2).active');
      const hops = Number(await paths.nth(1).getAttribute('data-hops'));
      await page.waitForFunction((n) => Number(document.getElementById('graph')?.dataset.highlighted) === n, 2 * hops + 1);
    }
    expect(errors).toEqual([]);
  });

  it('filters the KOL ranking by metric, territory and therapeutic area', async () => {
    const client = t.client();
    const { territories } = await client.request<{ territories: { id: string; name: string }[] }>('{ territories { id name } }');
    const { therapeuticAreas } = await client.request<{ therapeuticAreas: { id: string }[] }>('{ therapeuticAreas { id } }');
    const territory = territories[0];
    const expected = await client.request<{ kolRanking: { hcp: { id: string } }[] }>(
      'query($t: ID, $a: ID) { kolRanking(metric: DEGREE, territoryId: $t, therapeuticAreaId: $a, first: 20) { hcp { id } } }',
      { t: territory.id, a: therapeuticAreas[0].id },
    );
    await page.selectOption('#kol-metric', 'DEGREE');
    await page.selectOption('#kol-territory', territory.id);
    await page.selectOption('#kol-area', therapeuticAreas[0].id);
    const ids = expected.kolRanking.map((row) => row.hcp.id);
    await page.waitForFunction(
      (want) =>
        JSON.stringify(Array.from(document.querySelectorAll('#kol-table tbody tr')).map((tr) => (tr as HTMLElement).dataset.id ?? null)) ===
        JSON.stringify(want.length ? want : [null]),
      ids,
    );
    if (ids.length) {
      const territories = await page.$$eval('#kol-table tbody tr td:nth-child(3)', (tds) => [...new Set(tds.map((td) => td.textContent))]);
      expect(territories).toEqual([territory.name]);
      // A row click centres the network on that HCP.
      await page.click(`#kol-table tbody tr[data-id="${ids[0]}"]`);
      await page.waitForFunction((id) => document.getElementById('graph')?.dataset.centre === id, ids[0]);
      expect(await page.locator('#kol-table tbody tr.current').getAttribute('data-id')).toBe(ids[0]);
    }
    await page.screenshot({ path: artifact('explorer-kols.png') });
    expect(errors).toEqual([]);
  });
});

describe('with JWT_SECRET', () => {
  let secured: TestApp;
  beforeAll(async () => {
    secured = await startTestApp({ JWT_SECRET: 'explorer-test-secret-0123456789abcdef' }, { reset: false });
  });
  afterAll(() => secured?.stop());

  it('asks for a token, keeps it in localStorage and sends it as Bearer', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const p = await context.newPage();
    const securedBase = secured.url.replace(/\/graphql$/, '');
    const sent: (string | undefined)[] = [];
    p.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request.headers().authorization);
    });
    await p.goto(`${securedBase}/`);
    await p.locator('#token').waitFor();
    expect(await p.locator('#status').textContent()).toContain('bearer token');
    expect(await p.locator('#kol-table tbody tr').count()).toBe(0);
    const token = signToken('explorer-test-secret-0123456789abcdef', { sub: 'analyst-1', roles: ['ANALYST'] });
    await p.fill('#token', token);
    await p.locator('#token').dispatchEvent('change');
    await p.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    expect(await p.locator('#kol-table tbody tr').count()).toBe(20);
    expect(await p.evaluate(() => localStorage.getItem('msl-graph-token'))).toBe(token);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((header) => header === `Bearer ${token}`)).toBe(true);
    // A reload keeps the token.
    await p.reload();
    await p.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    expect(await p.inputValue('#token')).toBe(token);
    await context.close();
  });
});

describe('GraphiQL at /graphql', () => {
  it('loads in the browser, bundled, with example tabs for the front end, analysts and planners, and runs a query', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const p = await context.newPage();
    const pageErrors = collectErrors(p);
    const requested: string[] = [];
    p.on('request', (request) => requested.push(request.url()));
    await p.goto(`${base}/graphql`);
    await p.waitForSelector('.graphiql-container', { timeout: 30000 });
    expect(await p.title()).toBe('MSL Graph · GraphiQL');
    expect(requested.filter((url) => !url.startsWith(base))).toEqual([]);
    const tabs = await p.locator('.graphiql-tab .graphiql-tab-button').allTextContents();
    expect(tabs.map((tab) => tab.trim())).toEqual([
      'Overview',
      'SearchHcps',
      'HcpProfile',
      'KolRanking',
      'Communities',
      'PlanningContext',
      'IntroductionPaths',
      'TerritoryPlan',
    ]);
    const editor = await p.locator('.graphiql-query-editor').textContent();
    expect(editor).toContain('analyst');
    expect(editor).toContain('planner');
    // Run the overview query: the response shows the top KOL.
    const { kolRanking } = await t
      .client()
      .request<{ kolRanking: { hcp: { name: string } }[] }>('{ kolRanking(first: 1) { hcp { name } } }');
    await p.click('.graphiql-execute-button');
    await p.waitForFunction((name) => document.querySelector('.graphiql-response')?.textContent?.includes(name), kolRanking[0].hcp.name, {
      timeout: 20000,
    });
    // A planner tab carries its variables.
    await p.locator('.graphiql-tab-button', { hasText: 'IntroductionPaths' }).click();
    await p.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('introductionPaths'));
    expect(await p.locator('.graphiql-editor-tool').textContent()).toContain('msl-000');
    await p.locator('.graphiql-tab-button', { hasText: 'Overview' }).click();
    await p.screenshot({ path: artifact('graphiql.png') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('leaves GraphQL over HTTP GET requests to the API', async () => {
    const json = await fetch(`${t.url}?query=${encodeURIComponent('{ msls { id } }')}`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(((await json.json()) as { data: { msls: unknown[] } }).data.msls.length).toBeGreaterThan(0);
    // A browser URL with a query runs it too.
    const withQuery = await fetch(`${t.url}?query=${encodeURIComponent('{ msls { id } }')}`, {
      headers: { accept: 'text/html,application/json;q=0.9' },
    });
    expect(withQuery.headers.get('content-type')).not.toContain('text/html');
    const html = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('/assets/graphiql.js');
  });

  it('is not served when GRAPHQL_IDE is off (and no CDN landing page either)', async () => {
    const off = await startTestApp({ GRAPHQL_IDE: 'false' }, { reset: false });
    try {
      const res = await fetch(off.url, { headers: { accept: 'text/html' } });
      expect(res.headers.get('content-type') ?? '').not.toContain('text/html');
      expect(await res.text()).not.toMatch(/cdn|graphiql/i);
      // The explorer stays.
      expect((await fetch(off.url.replace(/\/graphql$/, '/'))).status).toBe(200);
    } finally {
      await off.stop();
    }
  });
});
