/**
 * The planner view: coverage by territory, key-person risk, the handover plan of a chosen MSL,
 * the best introducers to the HCP on display and an assignment proposal for a territory's most
 * influential HCPs (docs/planning.md). Only public GraphQL fields.
 */
import { gql } from './api';
import { byId, fill, h } from './dom';

type Pick = (hcpId: string) => void;
/** Shows an MSL's introduction paths to the HCP on display (the "Introduction paths" card). */
type ShowPaths = (mslId: string) => void;

const fmt = (value: number) => (value >= 1 ? value.toFixed(2) : value.toPrecision(3));
const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

interface Named {
  id: string;
  name: string;
}
interface PathData {
  hops: number;
  strength: number;
  nodes: Named[];
}

const PATH = 'hops strength nodes { id name }';

const REFERENCE = /* GraphQL */ `
  query ExplorerPlannerReference { territories { id name } msls { id name territory { id name } } }`;
interface ReferenceData {
  territories: Named[];
  msls: (Named & { territory: Named | null })[];
}

const COVERAGE = /* GraphQL */ `
  query ExplorerCoverage($territoryId: ID!) { territoryCoverage(territoryId: $territoryId) { hcps covered influenceShare } }`;
interface CoverageData {
  territoryCoverage: { hcps: number; covered: number; influenceShare: number };
}

const RISK = /* GraphQL */ `
  query ExplorerKeyPersonRisk($territoryId: ID) {
    keyPersonRisk(territoryId: $territoryId, first: 8) { strength influence hcp { id name } msl { id name } }
  }`;
interface RiskData {
  keyPersonRisk: { strength: number; influence: number; hcp: Named; msl: Named }[];
}

const HANDOVER = /* GraphQL */ `
  query ExplorerHandover($mslId: ID!) {
    handoverPlan(mslId: $mslId) { existingStrength hcp { id name } successor { id name } path { ${PATH} } }
  }`;
interface HandoverData {
  handoverPlan: { existingStrength: number | null; hcp: Named; successor: Named | null; path: PathData | null }[];
}

const INTRODUCERS = /* GraphQL */ `
  query ExplorerIntroducers($hcpId: ID!) { bestIntroducers(toHcpId: $hcpId, first: 5) { msl { id name } path { ${PATH} } } }`;
interface IntroducersData {
  bestIntroducers: { msl: Named; path: PathData }[];
}

const TARGETS = /* GraphQL */ `
  query ExplorerAssignmentTargets($territoryId: ID!, $first: Int!) { kolRanking(metric: PAGERANK, territoryId: $territoryId, first: $first) { hcp { id } } }`;
const ASSIGN = /* GraphQL */ `
  query ExplorerAssignment($targets: [ID!]!, $territoryId: ID!, $capacity: Int!) {
    proposeAssignment(targetHcpIds: $targets, territoryId: $territoryId, capacity: $capacity) {
      totalValue
      assignments { value influence hcp { id name } msl { id name } path { hops strength } }
      unassigned { id name }
    }
  }`;
interface AssignData {
  proposeAssignment: {
    totalValue: number;
    assignments: { value: number; influence: number; hcp: Named; msl: Named; path: { hops: number; strength: number } }[];
    unassigned: Named[];
  };
}

/** How many of a territory's most influential HCPs the proposal shares out. */
const TARGET_COUNT = 10;

function selectOf(id: string, items: { value: string; label: string }[], onchange: () => void): HTMLSelectElement {
  return h('select', { id, onchange }, ...items.map((item) => h('option', { value: item.value }, item.label)));
}

function share(value: number): HTMLElement {
  return h('span', { className: 'bar', title: pct(value) }, h('span', { className: 'bar-fill', style: `width:${(100 * Math.max(0, Math.min(1, value))).toFixed(1)}%` }));
}

function table(id: string, headings: string[], numeric: number[]): HTMLTableElement {
  return h('table', { id, className: 'grid' }, h('thead', {}, h('tr', {}, ...headings.map((text, i) => h('th', { className: numeric.includes(i) ? 'num' : undefined }, text)))), h('tbody', {}));
}

function body(id: string): HTMLTableSectionElement {
  return byId(id).querySelector('tbody') as HTMLTableSectionElement;
}

function emptyRow(id: string, columns: number, text: string): void {
  body(id).replaceChildren(h('tr', {}, h('td', { colspan: columns, className: 'muted' }, text)));
}

function hcpCell(hcp: Named, onPick: Pick): HTMLElement {
  return h('td', {}, h('button', { type: 'button', className: 'link', 'data-id': hcp.id, onclick: () => onPick(hcp.id) }, hcp.name));
}

/** The planner section, placed under the analyst view. */
export function renderPlannerPanels(onPick: Pick): HTMLElement {
  return h(
    'section',
    { className: 'planner', id: 'planner' },
    h(
      'section',
      { className: 'card', id: 'coverage-card' },
      h('h2', {}, 'Coverage by territory'),
      h('div', { className: 'muted' }, 'HCPs with at least one MSL relationship, and their share of the territory’s PageRank.'),
      table('coverage-table', ['Territory', 'HCPs', 'Covered', 'Influence covered'], [1, 2]),
    ),
    h(
      'section',
      { className: 'card', id: 'risk-card' },
      h('h2', {}, 'Key-person risk'),
      h('div', { className: 'filters' }, h('label', {}, 'Territory ', selectOf('risk-territory', [{ value: '', label: 'all' }], () => void loadRisks(onPick)))),
      h('div', { className: 'muted' }, 'Influential HCPs whose only relationship with us is one MSL.'),
      table('risk-table', ['HCP', 'Only MSL', 'Strength', 'PageRank'], [2, 3]),
    ),
    h(
      'section',
      { className: 'card', id: 'handover-card' },
      h('h2', {}, 'Handover plan'),
      h('div', { className: 'filters' }, h('label', {}, 'If this MSL leaves ', selectOf('handover-msl', [], () => void loadHandover(onPick)))),
      h('div', { id: 'handover-summary', className: 'muted' }),
      table('handover-table', ['HCP', 'Successor', 'Takes it over by'], []),
    ),
    h(
      'section',
      { className: 'card', id: 'introducers-card' },
      h('h2', {}, 'Best introducers'),
      h('div', { id: 'introducers-target', className: 'muted' }, 'To the HCP on display.'),
      h('ol', { id: 'introducers', className: 'paths' }),
    ),
    h(
      'section',
      { className: 'card', id: 'assign-card' },
      h('h2', {}, 'Assignment proposal'),
      h(
        'div',
        { className: 'filters' },
        h('label', {}, 'Territory ', selectOf('assign-territory', [], () => void loadAssignment(onPick))),
        h('label', {}, 'Targets per MSL ', selectOf('assign-capacity', ['1', '2', '3', '5'].map((v) => ({ value: v, label: v })), () => void loadAssignment(onPick))),
      ),
      h('div', { id: 'assign-summary', className: 'muted' }, `The territory’s ${TARGET_COUNT} most influential HCPs shared out across its MSLs: the largest Σ path strength × PageRank.`),
      table('assign-table', ['HCP', 'MSL', 'Hops', 'Strength', 'Value'], [2, 3, 4]),
      h('div', { id: 'assign-unassigned', className: 'muted' }),
    ),
  );
}

/** Fills the selectors, then loads coverage, risks, the first MSL's handover plan and the first territory's proposal. */
export async function loadPlanner(onPick: Pick): Promise<void> {
  const { territories, msls } = await gql<ReferenceData>('ExplorerPlannerReference', REFERENCE);
  const territoryItems = territories.map((t) => ({ value: t.id, label: t.name }));
  fill(byId('risk-territory'), h('option', { value: '' }, 'all'), ...territoryItems.map((t) => h('option', { value: t.value }, t.label)));
  // Only a territory some MSL covers has a team to share targets out to.
  const covered = new Set(msls.map((m) => m.territory?.id));
  const teams = territoryItems.filter((t) => covered.has(t.value));
  fill(byId('assign-territory'), ...(teams.length ? teams.map((t) => h('option', { value: t.value }, t.label)) : [h('option', { value: '' }, 'no MSL covers a territory')]));
  fill(byId('handover-msl'), ...msls.map((m) => h('option', { value: m.id }, `${m.name}${m.territory ? ` (${m.territory.name})` : ''}`)));
  await Promise.all([loadCoverage(territories), loadRisks(onPick), loadHandover(onPick), loadAssignment(onPick)]);
}

async function loadCoverage(territories: Named[]): Promise<void> {
  // One request per territory: each is a network computation with its own cost.
  const rows = await Promise.all(territories.map(async (t) => ({ territory: t, ...(await gql<CoverageData>('ExplorerCoverage', COVERAGE, { territoryId: t.id })).territoryCoverage })));
  if (rows.length === 0) return emptyRow('coverage-table', 4, 'No territory yet.');
  body('coverage-table').replaceChildren(
    ...rows.map((row) =>
      h(
        'tr',
        { 'data-id': row.territory.id, title: 'Show the key-person risks of this territory', onclick: () => ((byId<HTMLSelectElement>('risk-territory').value = row.territory.id), byId('risk-territory').dispatchEvent(new Event('change'))) },
        h('td', {}, row.territory.name),
        h('td', { className: 'num' }, row.hcps),
        h('td', { className: 'num' }, row.covered),
        h('td', {}, h('div', { className: 'share' }, share(row.influenceShare), h('span', { className: 'num' }, pct(row.influenceShare)))),
      ),
    ),
  );
}

async function loadRisks(onPick: Pick): Promise<void> {
  const territoryId = byId<HTMLSelectElement>('risk-territory').value || null;
  const { keyPersonRisk } = await gql<RiskData>('ExplorerKeyPersonRisk', RISK, { territoryId });
  if (keyPersonRisk.length === 0) return emptyRow('risk-table', 4, 'No HCP hangs on a single MSL here.');
  body('risk-table').replaceChildren(
    ...keyPersonRisk.map((risk) =>
      h('tr', { 'data-id': risk.hcp.id }, hcpCell(risk.hcp, onPick), h('td', {}, risk.msl.name), h('td', { className: 'num' }, risk.strength.toFixed(2)), h('td', { className: 'num' }, fmt(risk.influence))),
    ),
  );
}

/** Rows shown before "n more". */
const HANDOVER_ROWS = 8;

async function loadHandover(onPick: Pick): Promise<void> {
  const mslId = byId<HTMLSelectElement>('handover-msl').value;
  if (!mslId) return emptyRow('handover-table', 3, 'No MSL.');
  const { handoverPlan } = await gql<HandoverData>('ExplorerHandover', HANDOVER, { mslId });
  const known = handoverPlan.filter((row) => row.existingStrength !== null).length;
  const byPath = handoverPlan.filter((row) => row.path !== null).length;
  byId('handover-summary').textContent = handoverPlan.length
    ? `${plural(handoverPlan.length, 'relationship')}, most influential HCP first: ${known} to a colleague who knows the HCP, ${byPath} by introduction, ${handoverPlan.length - known - byPath} to nobody.`
    : '';
  if (handoverPlan.length === 0) return emptyRow('handover-table', 3, 'This MSL has no relationship to hand over.');
  const how = (row: HandoverData['handoverPlan'][number]): string => {
    if (row.existingStrength !== null) return `knows the HCP (strength ${row.existingStrength.toFixed(2)})`;
    if (row.path) return `${plural(row.path.hops, 'hop')} via ${row.path.nodes.slice(1, -1).map((n) => n.name).join(', ') || 'direct'} (strength ${fmt(row.path.strength)})`;
    return 'no colleague reaches this HCP';
  };
  body('handover-table').replaceChildren(
    ...handoverPlan.slice(0, HANDOVER_ROWS).map((row) =>
      h('tr', { 'data-id': row.hcp.id, className: row.successor ? undefined : 'at-risk' }, hcpCell(row.hcp, onPick), h('td', {}, row.successor?.name ?? '—'), h('td', { className: 'muted' }, how(row))),
    ),
    ...(handoverPlan.length > HANDOVER_ROWS ? [h('tr', {}, h('td', { colspan: 3, className: 'muted' }, `… and ${handoverPlan.length - HANDOVER_ROWS} more`))] : []),
  );
}

/** The best introducers to the HCP on display; clicking one shows its paths on the graph. */
export async function showIntroducers(hcpId: string, hcpName: string, onShowPaths: ShowPaths): Promise<void> {
  byId('introducers-target').textContent = `To ${hcpName}: every MSL's warmest path, best first.`;
  const { bestIntroducers } = await gql<IntroducersData>('ExplorerIntroducers', INTRODUCERS, { hcpId });
  if (bestIntroducers.length === 0) return fill(byId('introducers'), h('li', { className: 'muted none' }, 'No MSL reaches this HCP within 4 hops.'));
  fill(
    byId('introducers'),
    ...bestIntroducers.map((row) =>
      h(
        'li',
        { className: 'path', 'data-id': row.msl.id, title: 'Show these paths on the graph', onclick: () => onShowPaths(row.msl.id) },
        h('div', { className: 'path-nodes' }, ...row.path.nodes.flatMap((node, i) => [i > 0 ? h('span', { className: 'arrow' }, '→') : null, h('span', { className: i === 0 ? 'msl-name' : 'hcp-name' }, node.name)])),
        h('div', { className: 'muted' }, `${plural(row.path.hops, 'hop')} · strength ${fmt(row.path.strength)}`),
      ),
    ),
  );
}

async function loadAssignment(onPick: Pick): Promise<void> {
  const territoryId = byId<HTMLSelectElement>('assign-territory').value;
  if (!territoryId) return emptyRow('assign-table', 5, 'No territory.');
  const capacity = Number(byId<HTMLSelectElement>('assign-capacity').value);
  const { kolRanking } = await gql<{ kolRanking: { hcp: { id: string } }[] }>('ExplorerAssignmentTargets', TARGETS, { territoryId, first: TARGET_COUNT });
  if (kolRanking.length === 0) return emptyRow('assign-table', 5, 'This territory has no HCP.');
  const targets = kolRanking.map((row) => row.hcp.id);
  const { proposeAssignment: proposal } = await gql<AssignData>('ExplorerAssignment', ASSIGN, { targets, territoryId, capacity });
  byId('assign-summary').textContent = `${plural(proposal.assignments.length, 'pair')} for the ${plural(targets.length, 'most influential HCP')} at up to ${capacity} per MSL; total value ${fmt(proposal.totalValue)} (Σ path strength × PageRank, the largest possible).`;
  if (proposal.assignments.length === 0) emptyRow('assign-table', 5, 'No MSL of this territory reaches these HCPs within 4 hops.');
  else
    body('assign-table').replaceChildren(
      ...proposal.assignments.map((pair) =>
        h('tr', { 'data-id': pair.hcp.id, 'data-msl': pair.msl.id }, hcpCell(pair.hcp, onPick), h('td', {}, pair.msl.name), h('td', { className: 'num' }, pair.path.hops), h('td', { className: 'num' }, fmt(pair.path.strength)), h('td', { className: 'num' }, fmt(pair.value))),
      ),
    );
  fill(byId('assign-unassigned'), proposal.unassigned.length ? `Unassigned: ${proposal.unassigned.map((hcp) => hcp.name).join(', ')}.` : 'Every target has an MSL.');
}
