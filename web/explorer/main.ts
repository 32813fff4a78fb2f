import './style.css';
import {
  EGO,
  EgoData,
  GraphQLRequestError,
  KOLS,
  KolData,
  PATHS,
  PathData,
  PathsData,
  REFERENCE,
  ReferenceData,
  authRequired,
  gql,
  setToken,
  storedToken,
} from './api';
import { LINK_COLOURS, Layout, NetworkView, communityColour } from './graph';
import { loadRisingStars, loadInsightTrends, renderAnalystPanels, showHcpAnalysis } from './analyst';
import { byId, fill, h } from './dom';
import { loadPlanner, renderPlannerPanels, showIntroducers } from './planner';
import { renderSearchPanel } from './search';

function options(select: HTMLSelectElement, items: { value: string; label: string }[], keep = true): void {
  const current = select.value;
  select.replaceChildren(...items.map((item) => h('option', { value: item.value }, item.label)));
  if (keep && items.some((item) => item.value === current)) select.value = current;
}

const fmt = (value: number, digits = 4) => (Number.isInteger(value) ? String(value) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(digits));

// ---------------------------------------------------------------------------------------------
// State

interface State {
  hcpId: string | null;
  hcpName: string;
  paths: PathData[];
  pathIndex: number;
}
const state: State = { hcpId: null, hcpName: '', paths: [], pathIndex: 0 };

let status: HTMLElement;
function say(message: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.className = `status ${kind}`;
}
function fail(error: unknown): void {
  const message = error instanceof GraphQLRequestError ? `${error.message}${error.code ? ` (${error.code})` : ''}` : String(error);
  say(message, 'error');
  if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED') document.getElementById('token')?.focus();
}

// ---------------------------------------------------------------------------------------------
// Layout

function render(): void {
  const app = byId('app');
  const auth = authRequired();
  const ide = document.querySelector('meta[name="msl-graph-ide"]')?.getAttribute('content') === 'on';
  app.replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, 'MSL Graph ', h('span', { className: 'sub' }, 'network explorer')),
      h(
        'div',
        { className: 'header-tools' },
        auth
          ? h(
              'label',
              { className: 'token' },
              'Token ',
              h('input', { id: 'token', type: 'password', placeholder: 'Bearer token (JWT)', autocomplete: 'off', value: storedToken(), onchange: (e) => onToken((e.target as HTMLInputElement).value) }),
            )
          : h('span', { className: 'badge', title: 'The server runs without JWT_SECRET: every request is allowed' }, 'open development mode'),
        ide ? h('a', { href: '/graphql', className: 'ide-link' }, 'GraphiQL ↗') : null,
      ),
    ),
    h(
      'main',
      {},
      h(
        'aside',
        { className: 'left' },
        renderSearchPanel({ onSelect: (id) => void selectHcp(id), say, fail }),
        h('section', { className: 'card', id: 'hcp-card' }, h('p', { className: 'muted' }, 'Search an HCP or pick one in the KOL ranking.')),
        h(
          'section',
          { className: 'card' },
          h('h2', {}, 'Introduction paths'),
          h('label', {}, 'From MSL ', h('select', { id: 'msl-select' }, h('option', { value: '' }, 'loading…'))),
          h('div', { className: 'row' }, h('label', {}, 'Max hops ', select('paths-max-hops', ['2', '3', '4', '5', '6'], '4'))),
          h('div', { id: 'paths-target', className: 'muted' }, 'To: the selected HCP'),
          h('button', { id: 'paths-button', type: 'button', onclick: () => void findPaths(), disabled: true }, 'Find paths'),
          h('ol', { id: 'path-list', className: 'paths' }),
        ),
      ),
      h(
        'section',
        { className: 'centre' },
        h(
          'div',
          { className: 'toolbar' },
          h('strong', { id: 'graph-title' }, 'Ego network'),
          h('label', {}, 'Hops ', select('ego-hops', ['1', '2'], '1', () => void loadHcp())),
          h('label', {}, 'Min weight ', h('input', { id: 'ego-min-weight', type: 'range', min: 0, max: 0.9, step: 0.05, value: 0, onchange: () => void loadHcp() }), h('span', { id: 'ego-min-weight-value' }, '0.00')),
          h('label', {}, 'Max HCPs ', select('ego-first', ['25', '50', '100', '200'], '50', () => void loadHcp())),
          h('label', {}, 'Layout ', select('ego-layout', ['rings', 'force'], 'rings', () => view.setLayout(byId<HTMLSelectElement>('ego-layout').value as Layout))),
        ),
        h(
          'div',
          { className: 'graph-wrap' },
          h('div', { id: 'graph', 'data-nodes': 0, 'data-edges': 0, 'data-highlighted': 0 }),
          h('div', { id: 'graph-empty', className: 'muted' }, 'Search an HCP or click a KOL to see the network around them.'),
        ),
        h('div', { id: 'hover-info', className: 'muted' }, 'Hover a node or a tie for details; click a node to centre on it.'),
        h('div', { id: 'legend', className: 'legend' }),
        h('details', { id: 'edge-details' }, h('summary', {}, 'Ties ', h('span', { id: 'edge-count' }, '')), h('table', { id: 'edge-table', className: 'grid' })),
      ),
      h(
        'aside',
        { className: 'right' },
        h(
          'section',
          { className: 'card' },
          h('h2', {}, 'KOL ranking'),
          h(
            'div',
            { className: 'filters' },
            h('label', {}, 'Metric ', select('kol-metric', ['PAGERANK', 'BETWEENNESS', 'DEGREE', 'COMPOSITE'], 'PAGERANK', () => void loadKols())),
            h('label', {}, 'Territory ', h('select', { id: 'kol-territory', onchange: () => void loadKols() }, h('option', { value: '' }, 'all'))),
            h('label', {}, 'Therapeutic area ', h('select', { id: 'kol-area', onchange: () => void loadKols() }, h('option', { value: '' }, 'all'))),
            h('label', {}, 'Show ', select('kol-first', ['10', '20', '50', '100'], '20', () => void loadKols())),
          ),
          h(
            'table',
            { id: 'kol-table', className: 'grid kols' },
            h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'HCP'), h('th', {}, 'Territory'), h('th', { className: 'num' }, 'Score'))),
            h('tbody', {}),
          ),
        ),
      ),
    ),
    renderAnalystPanels((id) => void selectHcp(id)),
    renderPlannerPanels((id) => void selectHcp(id)),
    h('footer', {}, h('div', { id: 'status', className: 'status' })),
  );
  status = byId('status');
  byId<HTMLInputElement>('ego-min-weight').addEventListener('input', (e) => (byId('ego-min-weight-value').textContent = Number((e.target as HTMLInputElement).value).toFixed(2)));
  byId<HTMLSelectElement>('msl-select').addEventListener('change', () => {
    clearPaths();
    byId<HTMLButtonElement>('paths-button').disabled = !(byId<HTMLSelectElement>('msl-select').value && state.hcpId);
  });
  renderLegend([]);
}

function select(id: string, values: string[], selected: string, onchange?: () => void): HTMLSelectElement {
  const element = h('select', { id, onchange: onchange ? () => onchange() : undefined }, ...values.map((value) => h('option', { value }, value.toLowerCase() === value ? value : value.charAt(0) + value.slice(1).toLowerCase())));
  element.value = selected;
  return element;
}

render();
const view = new NetworkView(byId('graph'), {
  onSelect: (id) => void selectHcp(id),
  onHover: (text) => (byId('hover-info').textContent = text ?? 'Hover a node or a tie for details; click a node to centre on it.'),
});

// ---------------------------------------------------------------------------------------------
// Actions

function onToken(value: string): void {
  setToken(value);
  void boot();
}

async function selectHcp(id: string): Promise<void> {
  state.hcpId = id;
  for (const row of document.querySelectorAll<HTMLElement>('#kol-table tbody tr')) row.classList.toggle('current', row.dataset.id === id);
  if (location.hash !== `#hcp=${id}`) history.replaceState(null, '', `#hcp=${encodeURIComponent(id)}`);
  await loadHcp();
}

async function loadHcp(): Promise<void> {
  const id = state.hcpId;
  if (!id) return;
  const hops = Number(byId<HTMLSelectElement>('ego-hops').value);
  const minWeight = Number(byId<HTMLInputElement>('ego-min-weight').value);
  const first = Number(byId<HTMLSelectElement>('ego-first').value);
  say('Loading the ego network…');
  try {
    const data = await gql<EgoData>('ExplorerEgo', EGO, { id, hops, minWeight, first });
    if (state.hcpId !== id) return;
    if (!data.hcp) return say(`No HCP ${id}.`, 'error');
    state.hcpName = data.hcp.name;
    renderCard(data.hcp);
    view.showEgo(data.egoNetwork);
    renderLegend(data.egoNetwork.nodes.map((n) => n.communityId));
    renderEdges(data);
    void showHcpAnalysis(id, (other) => void selectHcp(other)).catch(fail);
    void showIntroducers(id, data.hcp.name, showPathsFrom).catch(fail);
    byId('graph-title').textContent = `Ego network of ${data.hcp.name}`;
    byId('paths-target').textContent = `To: ${data.hcp.name}`;
    byId<HTMLButtonElement>('paths-button').disabled = !byId<HTMLSelectElement>('msl-select').value;
    clearPaths(false);
    const { nodes, edges, truncated } = data.egoNetwork;
    say(`${data.hcp.name}: ${nodes.length} HCPs and ${edges.length} ties within ${hops} hop(s)${truncated ? ` (capped at ${first})` : ''}.`);
  } catch (error) {
    fail(error);
  }
}

function renderCard(hcp: NonNullable<EgoData['hcp']>): void {
  const card = byId('hcp-card');
  const influence = hcp.influence;
  fill(
    card,
    h('h2', { id: 'hcp-name' }, hcp.name),
    h('div', { className: 'muted' }, [hcp.specialty, hcp.institution?.name, hcp.institution?.city, hcp.territory?.name].filter(Boolean).join(' · ')),
    hcp.therapeuticAreas.length ? h('div', { className: 'chips' }, ...hcp.therapeuticAreas.map((area) => h('span', { className: 'chip' }, area.name))) : null,
    influence
      ? h(
          'dl',
          { className: 'influence' },
          h('dt', {}, 'Rank'),
          h('dd', {}, `#${influence.rank} by PageRank (percentile ${influence.percentile.toFixed(1)})`),
          h('dt', {}, 'PageRank'),
          h('dd', {}, fmt(influence.pagerank)),
          h('dt', {}, 'Betweenness'),
          h('dd', {}, fmt(influence.betweenness)),
          h('dt', {}, 'Degree'),
          h('dd', {}, influence.degree),
          h('dt', {}, 'Community'),
          h('dd', {}, hcp.community ? h('span', {}, h('span', { className: 'swatch', style: `background:${communityColour(hcp.community.id)}` }), ` ${hcp.community.id} (${hcp.community.size} HCPs)`) : '—'),
        )
      : null,
  );
}

function renderLegend(communityIds: string[]): void {
  const counts = new Map<string, number>();
  for (const id of communityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const legend = byId('legend');
  fill(
    legend,
    h('span', { className: 'legend-title' }, 'Ties:'),
    ...Object.entries(LINK_COLOURS).map(([type, colour]) => h('span', { className: 'legend-item' }, h('span', { className: 'line', style: `background:${colour}` }), type.toLowerCase().replace('_', '-'))),
    counts.size ? h('span', { className: 'legend-title' }, 'Communities:') : null,
    ...[...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id, count]) => h('span', { className: 'legend-item' }, h('span', { className: 'swatch', style: `background:${communityColour(id)}` }), `${id} (${count})`)),
    h('span', { className: 'legend-note muted' }, 'size = PageRank, width = tie weight'),
  );
}

function renderEdges(data: EgoData): void {
  const names = new Map(data.egoNetwork.nodes.map((n) => [n.hcp.id, n.hcp.name]));
  const edges = [...data.egoNetwork.edges].sort((a, b) => b.weight - a.weight);
  byId('edge-count').textContent = `(${edges.length}, strongest first)`;
  byId('edge-table').replaceChildren(
    h('thead', {}, h('tr', {}, h('th', {}, 'HCP'), h('th', {}, 'HCP'), h('th', {}, 'Types'), h('th', { className: 'num' }, 'Weight'))),
    h(
      'tbody',
      {},
      ...edges.map((edge) =>
        h('tr', {}, h('td', {}, names.get(edge.sourceId) ?? edge.sourceId), h('td', {}, names.get(edge.targetId) ?? edge.targetId), h('td', {}, edge.types.join(', ')), h('td', { className: 'num' }, edge.weight.toFixed(2))),
      ),
    ),
  );
}

function clearPaths(redraw = true): void {
  state.paths = [];
  state.pathIndex = 0;
  byId('path-list').replaceChildren();
  if (redraw) view.clearPaths();
}

/** The introduction paths of one MSL to the HCP on display (a best introducer was clicked). */
function showPathsFrom(mslId: string): void {
  const select = byId<HTMLSelectElement>('msl-select');
  select.value = mslId;
  byId<HTMLButtonElement>('paths-button').disabled = false;
  void findPaths();
}

async function findPaths(): Promise<void> {
  const mslId = byId<HTMLSelectElement>('msl-select').value;
  const hcpId = state.hcpId;
  if (!mslId || !hcpId) return say('Pick an MSL and an HCP first.', 'error');
  const maxHops = Number(byId<HTMLSelectElement>('paths-max-hops').value);
  say('Looking for introduction paths…');
  try {
    const data = await gql<PathsData>('ExplorerPaths', PATHS, { mslId, hcpId, maxHops, first: 3 });
    state.paths = data.introductionPaths;
    state.pathIndex = 0;
    renderPaths();
    view.showPaths(state.paths, 0);
    say(state.paths.length ? `${state.paths.length} path(s) to ${state.hcpName}; the strongest is highlighted.` : `No path within ${maxHops} hops to ${state.hcpName}.`);
  } catch (error) {
    fail(error);
  }
}

function renderPaths(): void {
  const list = byId('path-list');
  if (state.paths.length === 0) {
    list.replaceChildren(h('li', { className: 'muted none' }, 'No introduction path within the hop limit.'));
    return;
  }
  list.replaceChildren(
    ...state.paths.map((path, index) =>
      h(
        'li',
        {
          className: `path${index === state.pathIndex ? ' active' : ''}`,
          'data-hops': path.hops,
          onclick: () => {
            state.pathIndex = index;
            renderPaths();
            view.showPaths(state.paths, index);
          },
        },
        h('div', { className: 'path-nodes' }, ...path.nodes.flatMap((node, i) => [i > 0 ? h('span', { className: 'arrow' }, '→') : null, h('span', { className: node.__typename === 'MSL' ? 'msl-name' : 'hcp-name' }, node.name)])),
        h('div', { className: 'muted' }, `${path.hops} hop(s) · strength ${path.strength.toFixed(3)} · cost ${path.cost.toFixed(3)}`),
      ),
    ),
  );
}

async function loadKols(): Promise<void> {
  const variables = {
    metric: byId<HTMLSelectElement>('kol-metric').value,
    territoryId: byId<HTMLSelectElement>('kol-territory').value || null,
    therapeuticAreaId: byId<HTMLSelectElement>('kol-area').value || null,
    first: Number(byId<HTMLSelectElement>('kol-first').value),
  };
  const body = byId('kol-table').querySelector('tbody') as HTMLTableSectionElement;
  try {
    const data = await gql<KolData>('ExplorerKolRanking', KOLS, variables);
    body.replaceChildren(
      ...data.kolRanking.map((row) =>
        h(
          'tr',
          { 'data-id': row.hcp.id, className: row.hcp.id === state.hcpId ? 'current' : undefined, onclick: () => void selectHcp(row.hcp.id) },
          h('td', {}, row.rank),
          h('td', {}, h('div', { className: 'name' }, row.hcp.name), h('div', { className: 'muted' }, row.hcp.specialty ?? '')),
          h('td', {}, row.hcp.territory?.name ?? ''),
          h('td', { className: 'num' }, fmt(row.score)),
        ),
      ),
    );
    if (data.kolRanking.length === 0) body.replaceChildren(h('tr', {}, h('td', { colspan: 4, className: 'muted' }, 'No HCP matches these filters.')));
    return data.kolRanking.length ? void (firstKol = data.kolRanking[0].hcp.id) : undefined;
  } catch (error) {
    fail(error);
  }
}
let firstKol: string | null = null;

async function loadReference(): Promise<void> {
  try {
    const data = await gql<ReferenceData>('ExplorerReference', REFERENCE);
    options(byId('msl-select'), [{ value: '', label: data.msls.length ? 'choose an MSL…' : 'no MSL' }, ...data.msls.map((msl) => ({ value: msl.id, label: `${msl.name}${msl.territory ? ` (${msl.territory.name})` : ''}` }))]);
    options(byId('kol-territory'), [{ value: '', label: 'all' }, ...data.territories.map((t) => ({ value: t.id, label: t.name }))]);
    options(byId('kol-area'), [{ value: '', label: 'all' }, ...data.therapeuticAreas.map((a) => ({ value: a.id, label: a.name }))]);
  } catch (error) {
    fail(error);
  }
}

async function boot(): Promise<void> {
  if (authRequired() && !storedToken()) {
    say('This server needs a bearer token: paste one in the Token field (npm run token).', 'error');
    return;
  }
  say('Loading…');
  await Promise.all([loadReference(), loadKols(), loadRisingStars((id) => void selectHcp(id)).catch(fail), loadInsightTrends().catch(fail), loadPlanner((id) => void selectHcp(id)).catch(fail)]);
  const fromHash = decodeURIComponent(location.hash.match(/^#hcp=(.+)$/)?.[1] ?? '');
  const start = fromHash || firstKol;
  if (start) await selectHcp(start);
  else say('Ready.');
  document.body.dataset.ready = 'true';
}

void boot();
