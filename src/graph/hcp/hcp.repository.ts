import { Database } from '../../db/database';
import { ValidationError } from '../../errors';
import { PageWindow } from '../common/cursor';
import { KeyedPage, PageRequest, SortPart, byId, pagesStatement, requestParams, windowClause, windowParams } from '../common/keyed-page';
import { readKeysetPage } from '../common/keyset-list';
import { Page, slicedConnection } from '../common/pagination';
import { fullName } from '../common/network-node';
import { Institution } from '../institution/institution.type';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { HcpFilter } from './hcp.input';
import { HCP } from './hcp.type';

export type HcpProps = Omit<HCP, 'name'>;

export function toHcp(props: HcpProps): HCP {
  return {
    id: props.id,
    name: fullName(props),
    firstName: props.firstName ?? '',
    lastName: props.lastName ?? '',
    specialty: props.specialty ?? null,
    email: props.email ?? null,
    preferredChannel: props.preferredChannel ?? null,
  };
}

/** At most this many characters of search text (longer ones make Lucene fail): BAD_USER_INPUT beyond. */
export const MAX_SEARCH_LENGTH = 200;

/** Words of at least this many letters tolerate one typo (an edit: a letter added, missing, changed or swapped). */
export const FUZZY_FROM = 5;

/**
 * One Lucene query per word of the search: accents folded and lower case (as the folding index
 * stores the text), special characters escaped, matched as a prefix, or within one edit for words
 * of FUZZY_FROM letters or more: "Oncolgy Bostn" -> ["oncolgy* OR oncolgy~1", "bostn* OR bostn~1"].
 */
export function toFulltextQueries(search: string): string[] {
  if (search.length > MAX_SEARCH_LENGTH) throw new ValidationError('filter.search', `at most ${MAX_SEARCH_LENGTH} characters`);
  return search
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const escaped = word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
      return [...word].length >= FUZZY_FROM ? `${escaped}* OR ${escaped}~1` : `${escaped}*`;
    });
}

/**
 * The conditions of the filters given (absent ones add nothing, so the planner sees the plain
 * pattern): without filters the total comes from the count store and the page from the id
 * index in order, instead of scanning and sorting every HCP.
 */
function filterConditions(filter: HcpFilter): string[] {
  const conditions: string[] = [];
  if (filter.territoryId != null) conditions.push('EXISTS { (x)-[:IN_TERRITORY]->(:Territory {id: $territoryId}) }');
  if (filter.therapeuticAreaId != null) conditions.push('EXISTS { (x)-[:SPECIALIZES_IN]->(:TherapeuticArea {id: $therapeuticAreaId}) }');
  if (filter.institutionId != null) conditions.push('EXISTS { (x)-[:AFFILIATED_WITH]->(:Institution {id: $institutionId}) }');
  if (filter.specialty != null) conditions.push('x.specialty = $specialty');
  return conditions;
}

/** Search hits: by relevance (highest first), then id. */
export const SEARCH_ORDER: SortPart[] = [
  { kind: 'number', value: (x) => `${x}.score`, desc: true },
  { kind: 'string', value: (x) => `${x}.h.id` },
];

/** Reads of HCP nodes. Every statement is parameterized; orderings are stable (by id, or relevance then id). */
export class HcpRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<HCP[]> {
    const rows = await this.db.read<{ h: HcpProps }>('UNWIND $ids AS id MATCH (h:HCP {id: id}) RETURN h', { ids });
    return rows.map((row) => toHcp(row.h));
  }

  /**
   * One page of the HCPs matching `filter`, by id (by relevance with a search), with the total
   * count. With `include`, each row also carries the HCP's institution and/or areas, read in the
   * same statement (as the reference loaders would: same projections, areas by id).
   */
  async page(filter: HcpFilter, window: PageWindow, include: ListInclude = {}): Promise<Page<ListedHcp>> {
    const params = {
      territoryId: filter.territoryId ?? null,
      therapeuticAreaId: filter.therapeuticAreaId ?? null,
      institutionId: filter.institutionId ?? null,
      specialty: filter.specialty ?? null,
    };
    const toListed = (listed: Omit<ListedHcp, 'hcp'> & { hcp: HcpProps }): ListedHcp => ({ ...listed, hcp: toHcp(listed.hcp) });
    const conditions = filterConditions(filter);
    const words = filter.search?.trim() ? toFulltextQueries(filter.search) : [];
    if (words.length === 0) {
      // Every HCP has an id (the key of every write); `IS NOT NULL` lets the id index give the order.
      const list = {
        pattern: '(x:HCP)',
        conditions: [...conditions, 'x.id IS NOT NULL'],
        sort: byId,
        project: (x: string) => pageEntry(include, x),
      };
      return readKeysetPage(this.db, list, window, params, toListed);
    }
    const [row] = await this.db.read<KeyedPage<Omit<ListedHcp, 'hcp'> & { hcp: HcpProps }>>(
      searchStatement(conditions, pageEntry(include, 'x')),
      {
        ...params,
        words,
        r: windowParams(window),
      },
    );
    return slicedConnection(row.rows.map(toListed), row.keys, row.start, row.total);
  }

  /** Pages of the HCPs of institutions or territories (one statement for all requests), by id. */
  async pagesOf(parent: HcpParent, requests: readonly PageRequest[]): Promise<KeyedPage<HCP>[]> {
    const rows = await this.db.read<KeyedPage<HcpProps>>(PAGES_OF[parent], { requests: requestParams(requests) });
    return rows.map((row) => ({ ...row, rows: row.rows.map(toHcp) }));
  }
}

export type HcpParent = 'Institution' | 'Territory';

const PAGES_OF: Record<HcpParent, string> = {
  Institution: pagesStatement('(x:HCP)-[:AFFILIATED_WITH]->(:Institution {id: r.key})', byId, (x) => x),
  Territory: pagesStatement('(x:HCP)-[:IN_TERRITORY]->(:Territory {id: r.key})', byId, (x) => x),
};

/** What `list` reads along with each HCP. */
export interface ListInclude {
  institution?: boolean;
  therapeuticAreas?: boolean;
}

export interface ListedHcp {
  hcp: HCP;
  /** With `include.institution`: the HCP's institution or null. */
  institution?: Institution | null;
  /** With `include.therapeuticAreas`: the HCP's areas by id. */
  therapeuticAreas?: TherapeuticArea[];
}

/** The map each page entry `x` becomes. */
function pageEntry(include: ListInclude, x: string): string {
  const parts = [`hcp: ${x}`];
  if (include.institution)
    parts.push(`institution: [(${x})-[:AFFILIATED_WITH]->(i:Institution) | i {.id, .name, .type, .city, .country}][0]`);
  if (include.therapeuticAreas)
    parts.push(
      `therapeuticAreas: COLLECT { MATCH (${x})-[:SPECIALIZES_IN]->(a:TherapeuticArea) WITH a ORDER BY a.id RETURN a {.id, .name} }`,
    );
  return `{${parts.join(', ')}}`;
}

/**
 * Every word must match one of the five fields (an HCP's own in `hcp_search`, its institution's in
 * `institution_search`); relevance is the sum over the words of the best Lucene score of each.
 */
const searchStatement = (conditions: string[], entry: string) => `
  UNWIND range(0, size($words) - 1) AS w
  CALL (w) {
    CALL db.index.fulltext.queryNodes('hcp_search', $words[w]) YIELD node, score RETURN node AS h, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('institution_search', $words[w]) YIELD node, score
    MATCH (h:HCP)-[:AFFILIATED_WITH]->(node) RETURN h, score
  }
  WITH w, h, max(score) AS best
  WITH h AS x, count(w) AS matched, sum(best) AS score
  WHERE matched = size($words) ${conditions.length ? `AND ${conditions.join(' AND ')}` : ''}
  WITH x, score ORDER BY score DESC, x.id
  WITH collect({h: x, score: score}) AS found
  WITH $r AS r, found
  ${windowClause(SEARCH_ORDER)}
  RETURN total, start, keys, [x IN [hit IN page | hit.h] | ${entry}] AS rows`;
