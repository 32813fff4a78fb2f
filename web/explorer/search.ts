import { FacetName, FacetValue, SEARCH, SearchData, gql } from './api';
import { byId, fill, h } from './dom';

/**
 * The "Find an HCP" card: a search box, facet chips with counts (selecting one narrows the
 * results and the other facets; the selected facet keeps its alternatives, as hcpFacets counts
 * them disjunctively) and the ranked results.
 */
type Criterion = 'territoryId' | 'therapeuticAreaId' | 'specialty' | 'institutionId';

const FACETS: { name: FacetName; criterion: Criterion; title: string }[] = [
  { name: 'territories', criterion: 'territoryId', title: 'Territory' },
  { name: 'therapeuticAreas', criterion: 'therapeuticAreaId', title: 'Therapeutic area' },
  { name: 'specialties', criterion: 'specialty', title: 'Specialty' },
  { name: 'institutions', criterion: 'institutionId', title: 'Institution' },
];

const SHOWN = 15;

/** The selected value (and its label) per criterion. */
const selected = new Map<Criterion, FacetValue>();

export interface SearchCallbacks {
  onSelect: (hcpId: string) => void;
  say: (message: string) => void;
  fail: (error: unknown) => void;
}

let callbacks: SearchCallbacks;

export function renderSearchPanel(given: SearchCallbacks): HTMLElement {
  callbacks = given;
  return h(
    'section',
    { className: 'card', id: 'search-card' },
    h('h2', {}, 'Find an HCP'),
    h(
      'form',
      { id: 'search-form', onsubmit: (e) => (e.preventDefault(), void search()) },
      h('input', {
        id: 'search-input',
        type: 'search',
        placeholder: 'Name, specialty, institution, city…',
        autocomplete: 'off',
        'aria-label': 'Search HCPs',
      }),
      h('button', { id: 'search-button', type: 'submit' }, 'Search'),
    ),
    h('div', { id: 'search-selected', className: 'chips' }),
    h('div', { id: 'search-count', className: 'muted' }),
    h('ul', { id: 'search-results', className: 'results' }),
    // Below the results, in a box of its own height: the results stay in view however many values.
    h('div', { id: 'search-facets', className: 'facets' }),
  );
}

function toggle(criterion: Criterion, value: FacetValue): void {
  if (selected.get(criterion)?.value === value.value) selected.delete(criterion);
  else selected.set(criterion, value);
  void search();
}

async function search(): Promise<void> {
  const text = byId<HTMLInputElement>('search-input').value.trim();
  if (!text && selected.size === 0) return;
  const filter: Record<string, string> = text ? { search: text } : {};
  for (const [criterion, value] of selected) filter[criterion] = value.value;
  callbacks.say(text ? `Searching "${text}"…` : 'Filtering…');
  try {
    const data = await gql<SearchData>('ExplorerSearch', SEARCH, { filter, first: SHOWN });
    const count = data.hcps.totalCount;
    byId('search-count').textContent =
      count === 0 ? 'No HCP matches.' : `${count} match${count === 1 ? '' : 'es'}${count > SHOWN ? `, best ${SHOWN} shown` : ''}`;
    renderSelection();
    renderFacets(data.hcpFacets);
    fill(
      byId('search-results'),
      ...data.hcps.edges.map(({ node }) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', className: 'result', 'data-id': node.id, onclick: () => callbacks.onSelect(node.id) },
            h('span', { className: 'name' }, node.name),
            h('span', { className: 'muted' }, [node.specialty, node.institution?.name, node.territory?.name].filter(Boolean).join(' · ')),
          ),
        ),
      ),
    );
    callbacks.say(`${count} result(s)${text ? ` for "${text}"` : ''}.`);
  } catch (error) {
    callbacks.fail(error);
  }
}

/** The selected values as removable chips. */
function renderSelection(): void {
  fill(
    byId('search-selected'),
    ...FACETS.filter((facet) => selected.has(facet.criterion)).map((facet) => {
      const value = selected.get(facet.criterion)!;
      return h(
        'button',
        {
          type: 'button',
          className: 'chip selected',
          'data-facet': facet.name,
          'data-value': value.value,
          title: `Remove the ${facet.title.toLowerCase()} filter`,
          onclick: () => toggle(facet.criterion, value),
        },
        `${facet.title}: ${value.label} ×`,
      );
    }),
  );
}

function renderFacets(facets: Record<FacetName, FacetValue[]>): void {
  fill(
    byId('search-facets'),
    ...FACETS.map((facet) => {
      const values = facets[facet.name];
      const current = selected.get(facet.criterion)?.value;
      return h(
        'div',
        { className: 'facet', 'data-facet': facet.name },
        h('div', { className: 'facet-title' }, facet.title),
        values.length === 0
          ? h('span', { className: 'muted' }, 'none')
          : h(
              'div',
              { className: 'chips' },
              ...values.map((value) =>
                h(
                  'button',
                  {
                    type: 'button',
                    className: value.value === current ? 'chip selected' : 'chip',
                    'data-value': value.value,
                    'aria-pressed': value.value === current ? 'true' : 'false',
                    title: `${value.label}: ${value.count} HCP${value.count === 1 ? '' : 's'}`,
                    onclick: () => toggle(facet.criterion, value),
                  },
                  h('span', { className: 'chip-label' }, value.label),
                  h('span', { className: 'count' }, String(value.count)),
                ),
              ),
            ),
      );
    }),
  );
}
