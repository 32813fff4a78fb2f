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

/** Lucene special characters escaped, each word matched as a prefix: "card onc" -> "card* AND onc*". */
export function toFulltextQuery(search: string): string {
  if (search.length > MAX_SEARCH_LENGTH) throw new ValidationError('filter.search', `at most ${MAX_SEARCH_LENGTH} characters`);
  const words = search
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .filter(Boolean);
  return words.map((word) => `${word}*`).join(' AND ');
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
    const search = filter.search?.trim() ? toFulltextQuery(filter.search) : '';
    if (!search) {
      // Every HCP has an id (the key of every write); `IS NOT NULL` lets the id index give the order.
      const list = { pattern: '(x:HCP)', conditions: [...conditions, 'x.id IS NOT NULL'], sort: byId, project: (x: string) => pageEntry(include, x) };
      return readKeysetPage(this.db, list, window, params, toListed);
    }
    const [row] = await this.db.read<KeyedPage<Omit<ListedHcp, 'hcp'> & { hcp: HcpProps }>>(searchStatement(conditions, pageEntry(include, 'x')), {
      ...params,
      search,
      r: windowParams(window),
    });
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
  if (include.institution) parts.push(`institution: [(${x})-[:AFFILIATED_WITH]->(i:Institution) | i {.id, .name, .type, .city, .country}][0]`);
  if (include.therapeuticAreas) parts.push(`therapeuticAreas: COLLECT { MATCH (${x})-[:SPECIALIZES_IN]->(a:TherapeuticArea) WITH a ORDER BY a.id RETURN a {.id, .name} }`);
  return `{${parts.join(', ')}}`;
}

const searchStatement = (conditions: string[], entry: string) => `
  CALL {
    CALL db.index.fulltext.queryNodes('hcp_search', $search) YIELD node, score RETURN node AS h, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('institution_search', $search) YIELD node, score
    MATCH (h:HCP)-[:AFFILIATED_WITH]->(node) RETURN h, score
  }
  WITH h AS x, max(score) AS score ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
  WITH x, score ORDER BY score DESC, x.id
  WITH collect({h: x, score: score}) AS found
  WITH $r AS r, found
  ${windowClause(SEARCH_ORDER)}
  RETURN total, start, keys, [x IN [hit IN page | hit.h] | ${entry}] AS rows`;
