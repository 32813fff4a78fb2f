import { Browser, Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web';
import { generateNetwork } from '../../src/import/generate';
import { importNetwork } from '../../src/import/importer';
import { TestApp, startTestApp } from '../support/app';
import { artifact, collectErrors, launchChromium } from './browser';

/**
 * The explorer's search in headless Chromium on a generated network: ranked results and facet
 * chips with the counts hcpFacets gives; selecting a chip narrows the results and the other
 * facets, the selection shows as a removable chip. Screenshots: test-artifacts/explorer-search*.png.
 */
let t: TestApp;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  await buildWeb();
  t = await startTestApp();
  await importNetwork(t.db, generateNetwork({ hcps: 300, seed: 8 }));
  await t.db.write('CALL db.awaitIndexes(60)');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  errors = collectErrors(page);
}, 180000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

interface FacetValue {
  value: string;
  label: string;
  count: number;
}
type Facets = Record<'territories' | 'therapeuticAreas' | 'specialties' | 'institutions', FacetValue[]>;

async function api(filter: Record<string, string>): Promise<{ total: number; facets: Facets }> {
  const data = await t.client().request<{ hcps: { totalCount: number }; hcpFacets: Facets }>(
    `query ($filter: HcpFilter) { hcps(filter: $filter, first: 1) { totalCount }
      hcpFacets(filter: $filter) { territories { value label count } therapeuticAreas { value label count }
        specialties(first: 8) { value label count } institutions(first: 8) { value label count } } }`,
    { filter },
  );
  return { total: data.hcps.totalCount, facets: data.hcpFacets };
}

/** The chips of one facet as shown: "label count". */
const shown = (facet: string) =>
  page.$$eval(`#search-facets .facet[data-facet="${facet}"] .chip`, (chips) =>
    chips.map((chip) => `${chip.querySelector('.chip-label')?.textContent} ${chip.querySelector('.count')?.textContent}`),
  );
const expected = (values: FacetValue[]) => values.map((v) => `${v.label} ${v.count}`);

describe('explorer search with facets', () => {
  it('shows ranked results and the facet counts of the search, and narrows both when a chip is selected', async () => {
    await page.goto(t.url.replace(/\/graphql$/, '/'));
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    // A word many HCPs match: the first word of the most frequent specialty.
    const text = (await api({})).facets.specialties[0].label.split(' ')[0].toLowerCase();
    const before = await api({ search: text });
    expect(before.total).toBeGreaterThan(1);

    await page.fill('#search-input', text);
    await page.click('#search-button');
    await page.waitForSelector('#search-facets .facet .chip');
    expect(await page.locator('#search-count').textContent()).toContain(`${before.total} match`);
    expect(await page.locator('#search-results button.result').count()).toBe(Math.min(15, before.total));
    for (const facet of ['territories', 'therapeuticAreas', 'specialties', 'institutions'] as const)
      expect(await shown(facet)).toEqual(expected(before.facets[facet]));
    expect(await page.$$eval('#search-facets .facet-title', (titles) => titles.map((x) => x.textContent))).toEqual([
      'Territory',
      'Therapeutic area',
      'Specialty',
      'Institution',
    ]);
    await page.locator('#search-card').screenshot({ path: artifact('explorer-search.png') });

    // Select the first territory: the results and the other facets narrow; territories stay (disjunctive).
    const territory = before.facets.territories[0];
    await page.click(`#search-facets .facet[data-facet="territories"] .chip[data-value="${territory.value}"]`);
    await page.waitForSelector(`#search-selected .chip[data-value="${territory.value}"]`);
    const after = await api({ search: text, territoryId: territory.value });
    expect(after.total).toBe(territory.count);
    expect(await page.locator('#search-count').textContent()).toContain(`${after.total} match`);
    expect(await shown('institutions')).toEqual(expected(after.facets.institutions));
    expect(await shown('territories')).toEqual(expected(before.facets.territories));
    expect(await page.locator(`#search-facets .chip.selected[data-value="${territory.value}"]`).count()).toBe(1);
    expect(await page.locator('#search-selected .chip').textContent()).toContain(`Territory: ${territory.label}`);
    await page.locator('#search-card').screenshot({ path: artifact('explorer-search-filtered.png') });

    // Removing the selection brings the first answer back; a result opens the HCP.
    await page.click('#search-selected .chip');
    await page.waitForFunction(() => document.querySelectorAll('#search-selected .chip').length === 0);
    expect(await page.locator('#search-count').textContent()).toContain(`${before.total} match`);
    const first = page.locator('#search-results button.result').first();
    const id = await first.getAttribute('data-id');
    await first.click();
    await page.waitForFunction((hcp) => document.getElementById('graph')?.dataset.centre === hcp, id);
    expect(errors).toEqual([]);
  }, 120000);
});
