import { Browser, Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web';
import { generateNetwork } from '../../src/import/generate';
import { importNetwork } from '../../src/import/importer';
import { TestApp, startTestApp } from '../support/app';
import { artifact, collectErrors, launchChromium } from './browser';

/**
 * The explorer's analyst view in headless Chromium on a generated network with dated work and a
 * few insights: rising stars with drawn trajectories, lookalikes and the explanation of the
 * selected HCP, insight trends. Screenshot: test-artifacts/explorer-analyst.png.
 */
let t: TestApp;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  await buildWeb();
  t = await startTestApp();
  await importNetwork(t.db, generateNetwork({ hcps: 300, seed: 8 }));
  await t.db.write(`
    MATCH (i:Interaction) WITH i ORDER BY i.id LIMIT 60
    WITH collect(i) AS interactions
    UNWIND range(0, size(interactions) - 1) AS k
    WITH interactions[k] AS i, k
    CREATE (:Insight {id: 'ins-a' + k, text: 'Observation ' + k, category: ['unmet need', 'safety', 'competitor', 'access'][k % 4],
                      audience: 'MEDICAL_AFFAIRS', createdAt: datetime('2025-01-15T10:00:00Z') + duration({months: k % 6, days: k})})-[:FROM]->(i)`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1300 } });
  errors = collectErrors(page);
}, 180000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('explorer analyst view', () => {
  it('draws rising stars, explains the selected HCP, lists its lookalikes and charts insight trends', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });

    const { risingStars } = await t
      .client()
      .request<{ risingStars: { hcp: { id: string } }[] }>('{ risingStars(fromYear: 2015, toYear: 2025, first: 8) { hcp { id } } }');
    expect(risingStars.length).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('#rising-table tbody tr[data-id]').length === n, risingStars.length);
    expect(await page.$$eval('#rising-table tbody tr', (rows) => rows.map((row) => (row as HTMLElement).dataset.id))).toEqual(
      risingStars.map((s) => s.hcp.id),
    );
    expect(await page.locator('#rising-chart polyline').count()).toBe(risingStars.length);

    // Clicking a rising star selects it: explanation and lookalikes follow.
    const star = risingStars[0].hcp.id;
    await page.click(`#rising-table tr[data-id="${star}"]`);
    await page.waitForFunction((id) => document.getElementById('graph')?.dataset.centre === id, star);
    const { similarHcps } = await t
      .client()
      .request<{ similarHcps: { hcp: { id: string } }[] }>('query ($id: ID!) { similarHcps(hcpId: $id, first: 8) { hcp { id } } }', {
        id: star,
      });
    await page.waitForFunction(
      (ids) =>
        JSON.stringify(Array.from(document.querySelectorAll('#lookalikes li[data-id]'), (li) => (li as HTMLElement).dataset.id)) ===
        JSON.stringify(ids),
      similarHcps.map((s) => s.hcp.id),
    );
    await page.waitForSelector('#explanation .bar-row');
    expect(await page.locator('#explanation').textContent()).toMatch(/PageRank comes from.*COMPOSITE/s);

    expect(await page.locator('#insight-chart rect').count()).toBeGreaterThan(6);
    expect(await page.locator('#insight-chart .legend-item').count()).toBe(4);

    await page.locator('#analyst').screenshot({ path: artifact('explorer-analyst.png') });
    await page.screenshot({ path: artifact('explorer-analyst-page.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
