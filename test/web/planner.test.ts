import { Browser, Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web';
import { generateNetwork } from '../../src/import/generate';
import { importNetwork } from '../../src/import/importer';
import { TestApp, startTestApp } from '../support/app';
import { artifact, collectErrors, launchChromium } from './browser';

/**
 * The explorer's planner view in headless Chromium on a generated network: coverage by
 * territory, key-person risk (filtered by a click on a territory), the handover plan of a chosen
 * MSL, the best introducers to the HCP on display (a click shows the MSL's paths on the graph)
 * and the assignment proposal, each compared with what the API answers.
 * Screenshots: test-artifacts/explorer-planner.png (the view) and explorer-planner-page.png.
 */
let t: TestApp;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  await buildWeb();
  t = await startTestApp();
  await importNetwork(t.db, generateNetwork({ hcps: 300, seed: 8 }));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1300 } });
  errors = collectErrors(page);
}, 180000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const ids = (selector: string) => page.$$eval(selector, (rows) => rows.map((row) => (row as HTMLElement).dataset.id));

describe('explorer planner view', () => {
  it('shows coverage, key-person risk, a handover plan, best introducers and an assignment proposal', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    const api = t.client();

    // Coverage: one row per territory, as territoryCoverage answers.
    const { territories } = await api.request<{ territories: { id: string; name: string }[] }>('{ territories { id name } }');
    await page.waitForFunction((n) => document.querySelectorAll('#coverage-table tbody tr[data-id]').length === n, territories.length);
    const first = territories[0];
    const { territoryCoverage } = await api.request<{ territoryCoverage: { hcps: number; covered: number; influenceShare: number } }>(
      'query ($t: ID!) { territoryCoverage(territoryId: $t) { hcps covered influenceShare } }',
      { t: first.id },
    );
    const cells = await page.$$eval(`#coverage-table tr[data-id="${first.id}"] td`, (tds) => tds.map((td) => td.textContent?.trim()));
    expect(cells).toEqual([
      first.name,
      String(territoryCoverage.hcps),
      String(territoryCoverage.covered),
      `${(100 * territoryCoverage.influenceShare).toFixed(1)}%`,
    ]);

    // Key-person risk over every territory, then of the territory clicked in the coverage table.
    const risks = (territoryId: string | null) =>
      api
        .request<{ keyPersonRisk: { hcp: { id: string } }[] }>(
          'query ($t: ID) { keyPersonRisk(territoryId: $t, first: 8) { hcp { id } } }',
          { t: territoryId },
        )
        .then((data) => data.keyPersonRisk.map((r) => r.hcp.id));
    const all = await risks(null);
    expect(all.length).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('#risk-table tbody tr[data-id]').length === n, all.length);
    expect(await ids('#risk-table tbody tr[data-id]')).toEqual(all);
    // The last territory with a key person (the screenshot shows its risks).
    let clicked: { id: string; risks: string[] } | null = null;
    for (const territory of territories) {
      const ofTerritory = await risks(territory.id);
      if (ofTerritory.length > 0) clicked = { id: territory.id, risks: ofTerritory };
    }
    if (!clicked) throw new Error('the generated network has a key person in some territory');
    await page.click(`#coverage-table tr[data-id="${clicked.id}"]`);
    await page.waitForFunction(
      (want) =>
        JSON.stringify(Array.from(document.querySelectorAll('#risk-table tbody tr[data-id]'), (tr) => (tr as HTMLElement).dataset.id)) ===
        want,
      JSON.stringify(clicked.risks),
    );
    expect(await page.locator('#risk-territory').inputValue()).toBe(clicked.id);

    // Handover plan of the MSL chosen.
    const { msls } = await api.request<{ msls: { id: string }[] }>('{ msls { id } }');
    const leaving = msls[1].id;
    const { handoverPlan } = await api.request<{ handoverPlan: { hcp: { id: string }; successor: { id: string } | null }[] }>(
      'query ($m: ID!) { handoverPlan(mslId: $m) { hcp { id } successor { id } } }',
      { m: leaving },
    );
    expect(handoverPlan.length).toBeGreaterThan(0);
    await page.selectOption('#handover-msl', leaving);
    const shown = handoverPlan.slice(0, 8).map((row) => row.hcp.id);
    await page.waitForFunction(
      (want) =>
        JSON.stringify(
          Array.from(document.querySelectorAll('#handover-table tbody tr[data-id]'), (tr) => (tr as HTMLElement).dataset.id),
        ) === want,
      JSON.stringify(shown),
    );
    expect(await page.locator('#handover-summary').textContent()).toContain(`${handoverPlan.length} relationship`);

    // Best introducers to the HCP on display; a click shows that MSL's paths on the graph.
    const centre = await page.$eval('#graph', (graph) => (graph as HTMLElement).dataset.centre);
    const { bestIntroducers } = await api.request<{ bestIntroducers: { msl: { id: string } }[] }>(
      'query ($h: ID!) { bestIntroducers(toHcpId: $h, first: 5) { msl { id } } }',
      { h: centre },
    );
    expect(bestIntroducers.length).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('#introducers li[data-id]').length === n, bestIntroducers.length);
    expect(await ids('#introducers li[data-id]')).toEqual(bestIntroducers.map((i) => i.msl.id));
    await page.click(`#introducers li[data-id="${bestIntroducers[0].msl.id}"]`);
    await page.waitForSelector('#path-list li.path.active');
    expect(await page.locator('#msl-select').inputValue()).toBe(bestIntroducers[0].msl.id);

    // Assignment proposal for the first territory's 10 most influential HCPs, 2 per MSL.
    await page.selectOption('#assign-capacity', '2');
    const territoryId = await page.locator('#assign-territory').inputValue();
    const { kolRanking } = await api.request<{ kolRanking: { hcp: { id: string } }[] }>(
      'query ($t: ID!) { kolRanking(metric: PAGERANK, territoryId: $t, first: 10) { hcp { id } } }',
      { t: territoryId },
    );
    const { proposeAssignment } = await api.request<{ proposeAssignment: { assignments: { hcp: { id: string }; msl: { id: string } }[] } }>(
      'query ($targets: [ID!]!, $t: ID!) { proposeAssignment(targetHcpIds: $targets, territoryId: $t, capacity: 2) { assignments { hcp { id } msl { id } } } }',
      { targets: kolRanking.map((r) => r.hcp.id), t: territoryId },
    );
    expect(proposeAssignment.assignments.length).toBeGreaterThan(0);
    const pairs = proposeAssignment.assignments.map((a) => `${a.hcp.id} ${a.msl.id}`);
    await page.waitForFunction(
      (want) =>
        JSON.stringify(
          Array.from(
            document.querySelectorAll('#assign-table tbody tr[data-id]'),
            (tr) => `${(tr as HTMLElement).dataset.id} ${(tr as HTMLElement).dataset.msl}`,
          ),
        ) === want,
      JSON.stringify(pairs),
    );
    expect(await page.locator('#assign-summary').textContent()).toMatch(/total value/);

    // Clicking an HCP in a planner table puts it on display.
    const target = proposeAssignment.assignments[0].hcp.id;
    await page.click(`#assign-table button[data-id="${target}"]`);
    await page.waitForFunction((id) => document.getElementById('graph')?.dataset.centre === id, target);

    await page.locator('#planner').scrollIntoViewIfNeeded();
    await page.locator('#planner').screenshot({ path: artifact('explorer-planner.png') });
    await page.screenshot({ path: artifact('explorer-planner-page.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
