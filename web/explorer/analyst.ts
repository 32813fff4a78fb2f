/**
 * The analyst view: rising stars with their trajectories, lookalikes and the explanation of the
 * selected HCP's scores, and insight trends (months × categories). Only public GraphQL fields.
 */
import { gql } from './api';
import { byId, fill, h } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];
const YEARS = Array.from({ length: 31 }, (_, i) => String(1995 + i));

type Pick = (hcpId: string) => void;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  element.append(...children);
  return element;
}

function yearSelect(id: string, value: string, onchange: () => void): HTMLSelectElement {
  const select = h('select', { id, onchange }, ...YEARS.map((year) => h('option', { value: year }, year)));
  select.value = value;
  return select;
}

/** The analyst section, placed under the explorer's three columns. */
export function renderAnalystPanels(onPick: Pick): HTMLElement {
  const reload = () => void loadRisingStars(onPick);
  return h(
    'section',
    { className: 'analyst', id: 'analyst' },
    h(
      'section',
      { className: 'card' },
      h('h2', {}, 'Rising stars'),
      h(
        'div',
        { className: 'filters' },
        h('label', {}, 'From ', yearSelect('rising-from', '2015', reload)),
        h('label', {}, 'To ', yearSelect('rising-to', '2025', reload)),
      ),
      h('div', { className: 'muted' }, 'Growth of the PageRank percentile on the co-authorship and co-investigation network.'),
      h('div', { id: 'rising-chart', className: 'chart' }),
      h('table', { id: 'rising-table', className: 'grid' }, h('tbody', {})),
    ),
    h(
      'section',
      { className: 'card' },
      h('h2', {}, 'Why this score'),
      h('div', { id: 'explanation', className: 'muted' }, 'Select an HCP.'),
      h('h2', {}, 'Lookalikes'),
      h('ol', { id: 'lookalikes', className: 'results' }),
    ),
    h('section', { className: 'card' }, h('h2', {}, 'Insight trends'), h('div', { id: 'insight-chart', className: 'chart' }, 'Loading…')),
  );
}

interface RisingData {
  risingStars: {
    growth: number;
    percentileFrom: number;
    percentileTo: number;
    publications: number;
    trials: number;
    newTies: number;
    hcp: { id: string; name: string };
    trajectory: { year: number; percentile: number }[];
  }[];
}

const RISING = /* GraphQL */ `
  query ExplorerRisingStars($fromYear: Int!, $toYear: Int!) {
    risingStars(fromYear: $fromYear, toYear: $toYear, first: 8) {
      growth percentileFrom percentileTo publications trials newTies hcp { id name } trajectory { year percentile }
    }
  }`;

export async function loadRisingStars(onPick: Pick): Promise<void> {
  const fromYear = Number(byId<HTMLSelectElement>('rising-from').value);
  const toYear = Number(byId<HTMLSelectElement>('rising-to').value);
  const body = byId('rising-table').querySelector('tbody') as HTMLTableSectionElement;
  if (toYear <= fromYear) return fill(body, h('tr', {}, h('td', { className: 'muted' }, '"To" must be after "From".')));
  const { risingStars } = await gql<RisingData>('ExplorerRisingStars', RISING, { fromYear, toYear });
  body.replaceChildren(
    ...risingStars.map((star, i) =>
      h(
        'tr',
        { 'data-id': star.hcp.id, onclick: () => onPick(star.hcp.id) },
        h('td', {}, h('span', { className: 'swatch', style: `background:${PALETTE[i % PALETTE.length]}` })),
        h('td', {}, h('div', { className: 'name' }, star.hcp.name), h('div', { className: 'muted' }, `${plural(star.publications, 'publication')} · ${plural(star.trials, 'trial')} · ${plural(star.newTies, 'new tie')}`)),
        h('td', { className: 'num' }, `${star.percentileFrom.toFixed(0)} → ${star.percentileTo.toFixed(0)}`),
        h('td', { className: 'num growth' }, `+${star.growth.toFixed(1)}`),
      ),
    ),
  );
  if (risingStars.length === 0) body.replaceChildren(h('tr', {}, h('td', { className: 'muted' }, 'Nobody rose in this period.')));
  drawTrajectories(byId('rising-chart'), risingStars, fromYear, toYear);
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One line per rising star: percentile (0..100) by year. */
function drawTrajectories(container: HTMLElement, stars: RisingData['risingStars'], fromYear: number, toYear: number): void {
  const [width, height, left, bottom] = [420, 170, 30, 20];
  const x = (year: number) => left + ((year - fromYear) / Math.max(1, toYear - fromYear)) * (width - left - 10);
  const y = (percentile: number) => 8 + (1 - percentile / 100) * (height - bottom - 8);
  const axes = [0, 50, 100].map((p) => svg('g', {}, svg('line', { x1: left, x2: width - 10, y1: y(p), y2: y(p), class: 'gridline' }), svg('text', { x: 2, y: y(p) + 4, class: 'axis' }, String(p))));
  // Anchored at the start, middle and end of the axis so the last year is never cut off at the edge.
  const anchors = ['start', 'middle', 'end'];
  const years = [fromYear, Math.round((fromYear + toYear) / 2), toYear].map((year, i) => svg('text', { x: x(year), y: height - 4, class: 'axis', 'text-anchor': anchors[i] }, String(year)));
  const lines = stars.map((star, i) =>
    svg('polyline', { points: star.trajectory.map((p) => `${x(p.year).toFixed(1)},${y(p.percentile).toFixed(1)}`).join(' '), fill: 'none', stroke: PALETTE[i % PALETTE.length], 'stroke-width': 2, 'data-id': star.hcp.id }),
  );
  container.replaceChildren(svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': 'Percentile trajectories of the rising stars' }, ...axes, ...years, ...lines));
}

interface AnalysisData {
  similarHcps: { score: number; shared: number; hcp: { id: string; name: string } }[];
  hcp: {
    influence: {
      explanation: {
        pagerank: { inflowShare: number; danglingShare: number; teleportShare: number; contributors: { share: number; hcp: { id: string; name: string } }[] };
        betweenness: { community: { id: string }; bridges: { ties: number; community: { id: string } }[] };
        composite: { score: number; signals: { signal: string; percentile: number; weight: number; contribution: number }[] };
      };
    } | null;
  } | null;
}

const ANALYSIS = /* GraphQL */ `
  query ExplorerAnalysis($id: ID!) {
    similarHcps(hcpId: $id, first: 8) { score shared hcp { id name } }
    hcp(id: $id) {
      influence {
        explanation {
          pagerank { inflowShare danglingShare teleportShare contributors(first: 5) { share hcp { id name } } }
          betweenness { community { id } bridges { ties community { id } } }
          composite { score signals { signal percentile weight contribution } }
        }
      }
    }
  }`;

const pct = (share: number) => `${(100 * share).toFixed(1)}%`;

function bar(label: string, share: number, title: string): HTMLElement {
  return h('div', { className: 'bar-row', title }, h('span', { className: 'bar-label' }, label), h('span', { className: 'bar' }, h('span', { className: 'bar-fill', style: `width:${Math.max(0, Math.min(100, 100 * share)).toFixed(1)}%` })), h('span', { className: 'num' }, pct(share)));
}

/** Lookalikes of the HCP and the explanation of its scores. */
export async function showHcpAnalysis(id: string, onPick: Pick): Promise<void> {
  const data = await gql<AnalysisData>('ExplorerAnalysis', ANALYSIS, { id });
  fill(
    byId('lookalikes'),
    ...data.similarHcps.map((row) => h('li', { 'data-id': row.hcp.id, onclick: () => onPick(row.hcp.id) }, h('span', { className: 'name' }, row.hcp.name), h('span', { className: 'muted' }, ` ${row.score.toFixed(2)} · ${row.shared} shared`))),
  );
  if (data.similarHcps.length === 0) fill(byId('lookalikes'), h('li', { className: 'muted' }, 'No HCP shares a tie with this one.'));
  const explanation = data.hcp?.influence?.explanation;
  if (!explanation) return fill(byId('explanation'), 'No scores for this HCP.');
  const { pagerank, betweenness, composite } = explanation;
  fill(
    byId('explanation'),
    h('h3', {}, 'PageRank comes from'),
    ...pagerank.contributors.map((c) => bar(c.hcp.name, c.share, 'share of the PageRank flowing in from this HCP')),
    bar('other in-links', pagerank.inflowShare - pagerank.contributors.reduce((s, c) => s + c.share, 0), 'the remaining in-neighbours'),
    bar('random jump + dangling', pagerank.teleportShare + pagerank.danglingShare, 'the part every HCP gets'),
    h('h3', {}, `Bridges from ${betweenness.community.id}`),
    h('div', { className: 'chips' }, ...(betweenness.bridges.length ? betweenness.bridges.slice(0, 6).map((b) => h('span', { className: 'chip' }, `${b.community.id}: ${b.ties} ties`)) : [h('span', { className: 'muted' }, 'no tie outside its community')])),
    h('h3', {}, `COMPOSITE ${composite.score.toFixed(3)} =`),
    ...composite.signals.map((s) => bar(`${s.signal.toLowerCase()} (w ${s.weight.toFixed(2)})`, s.percentile, `percentile ${s.percentile.toFixed(3)} × weight ${s.weight.toFixed(2)} = ${s.contribution.toFixed(3)}`)),
  );
}

interface TrendData {
  insightTrends: { total: number; byCategory: { month: string; category: string; count: number }[] };
}

const TRENDS = /* GraphQL */ `
  query ExplorerInsightTrends { insightTrends { total byCategory { month category count } } }`;

/** Stacked bars: one per month, one colour per category. */
export async function loadInsightTrends(): Promise<void> {
  const container = byId('insight-chart');
  const { insightTrends } = await gql<TrendData>('ExplorerInsightTrends', TRENDS);
  const months = [...new Set(insightTrends.byCategory.map((row) => row.month))].sort().slice(-18);
  const categories = [...new Set(insightTrends.byCategory.map((row) => row.category))].sort();
  if (months.length === 0) return fill(container, h('span', { className: 'muted' }, 'No insights captured yet.'));
  const totals = months.map((month) => insightTrends.byCategory.filter((row) => row.month === month).reduce((s, row) => s + row.count, 0));
  const [width, height, bottom] = [420, 170, 30];
  const step = (width - 30) / months.length;
  const scale = (height - bottom - 8) / Math.max(...totals);
  const bars = months.flatMap((month, m) => {
    let top = height - bottom;
    return categories.flatMap((category, c) => {
      const count = insightTrends.byCategory.find((row) => row.month === month && row.category === category)?.count ?? 0;
      if (!count) return [];
      top -= count * scale;
      return [svg('rect', { x: 30 + m * step + 2, y: top, width: step - 4, height: count * scale, fill: PALETTE[c % PALETTE.length], 'data-month': month, 'data-category': category }, svg('title', {}, `${month} · ${category}: ${count}`))];
    });
  });
  const labels = months.map((month, m) => (m % Math.ceil(months.length / 6) === 0 ? [svg('text', { x: 30 + m * step, y: height - bottom + 14, class: 'axis' }, month)] : [])).flat();
  const max = svg('text', { x: 2, y: 14, class: 'axis' }, String(Math.max(...totals)));
  fill(
    container,
    svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': 'Insights per month by category' }, max, ...bars, ...labels) as unknown as HTMLElement,
    h('div', { className: 'legend' }, ...categories.map((category, c) => h('span', { className: 'legend-item' }, h('span', { className: 'swatch', style: `background:${PALETTE[c % PALETTE.length]}` }), ` ${category}`))),
  );
}
