import { Database, int } from '../../db/database';
import { ValidationError } from '../../errors';
import { KeyedPage, PageRequest, pageParams } from '../common/keyed-page';
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
 * The WHERE clause of the filters given (absent ones add nothing, so the planner sees the plain
 * pattern): without filters the total comes from the count store and the page from the id
 * index in order, instead of scanning and sorting every HCP.
 */
function filterClause(filter: HcpFilter): string {
  const conditions: string[] = [];
  if (filter.territoryId != null) conditions.push('EXISTS { (h)-[:IN_TERRITORY]->(:Territory {id: $territoryId}) }');
  if (filter.therapeuticAreaId != null) conditions.push('EXISTS { (h)-[:SPECIALIZES_IN]->(:TherapeuticArea {id: $therapeuticAreaId}) }');
  if (filter.institutionId != null) conditions.push('EXISTS { (h)-[:AFFILIATED_WITH]->(:Institution {id: $institutionId}) }');
  if (filter.specialty != null) conditions.push('h.specialty = $specialty');
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** Reads of HCP nodes. Every statement is parameterized; orderings are stable (by id, or relevance then id). */
export class HcpRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<HCP[]> {
    const rows = await this.db.read<{ h: HcpProps }>('UNWIND $ids AS id MATCH (h:HCP {id: id}) RETURN h', { ids });
    return rows.map((row) => toHcp(row.h));
  }

  /**
   * One page of HCPs matching `filter`, plus the total count; `first + 1` rows tell whether more
   * follow. With `include`, each row also carries the HCP's institution and/or areas, read in the
   * same statement (as the reference loaders would: same projections, areas by id).
   */
  async list(filter: HcpFilter, skip: number, limit: number, include: ListInclude = {}): Promise<{ rows: ListedHcp[]; total: number }> {
    const params = {
      territoryId: filter.territoryId ?? null,
      therapeuticAreaId: filter.therapeuticAreaId ?? null,
      institutionId: filter.institutionId ?? null,
      specialty: filter.specialty ?? null,
      skip: int(skip),
      limit: int(limit),
    };
    const search = filter.search?.trim() ? toFulltextQuery(filter.search) : '';
    const where = filterClause(filter);
    const entry = pageEntry(include);
    const [row] = search ? await this.db.read<Listing>(searchStatement(where, entry), { ...params, search }) : await this.db.read<Listing>(listStatement(where, entry), params);
    return { rows: row.page.map((listed) => ({ ...listed, hcp: toHcp(listed.hcp) })), total: row.total };
  }

  /** Pages of the HCPs of institutions or territories (one statement for all requests), by id. */
  async pagesOf(parent: HcpParent, requests: readonly PageRequest[]): Promise<KeyedPage<HCP>[]> {
    const rows = await this.db.read<KeyedPage<HcpProps>>(PAGES_OF[parent], { requests: pageParams(requests) });
    return rows.map((row) => ({ ...row, rows: row.rows.map(toHcp) }));
  }
}

export type HcpParent = 'Institution' | 'Territory';

const pagesOf = (match: string) => `
  UNWIND $requests AS r
  CALL (r) { MATCH ${match} WITH h ORDER BY h.id RETURN collect(h) AS found }
  RETURN r.key AS key, r.skip AS skip, r.limit AS limit, size(found) AS total, found[r.skip..r.skip + r.limit] AS rows`;

const PAGES_OF: Record<HcpParent, string> = {
  Institution: pagesOf('(h:HCP)-[:AFFILIATED_WITH]->(:Institution {id: r.key})'),
  Territory: pagesOf('(h:HCP)-[:IN_TERRITORY]->(:Territory {id: r.key})'),
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

interface Listing {
  page: (Omit<ListedHcp, 'hcp'> & { hcp: HcpProps })[];
  total: number;
}

/** The map each page entry `h` becomes. */
function pageEntry(include: ListInclude): string {
  const parts = ['hcp: h'];
  if (include.institution) parts.push('institution: [(h)-[:AFFILIATED_WITH]->(i:Institution) | i {.id, .name, .type, .city, .country}][0]');
  if (include.therapeuticAreas) parts.push('therapeuticAreas: COLLECT { MATCH (h)-[:SPECIALIZES_IN]->(a:TherapeuticArea) WITH a ORDER BY a.id RETURN a {.id, .name} }');
  return `{${parts.join(', ')}}`;
}

/** Every HCP has an id (the key of every write); `IS NOT NULL` lets the id index give the order. */
const listStatement = (where: string, entry: string) => `
  CALL { MATCH (h:HCP) ${where} RETURN count(h) AS total }
  CALL { MATCH (h:HCP) ${where ? `${where} AND` : 'WHERE'} h.id IS NOT NULL WITH h ORDER BY h.id SKIP $skip LIMIT $limit RETURN collect(h) AS page }
  RETURN total, [h IN page | ${entry}] AS page`;

const searchStatement = (where: string, entry: string) => `
  CALL {
    CALL db.index.fulltext.queryNodes('hcp_search', $search) YIELD node, score RETURN node AS h, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('institution_search', $search) YIELD node, score
    MATCH (h:HCP)-[:AFFILIATED_WITH]->(node) RETURN h, score
  }
  WITH h, max(score) AS score ${where}
  WITH h, score ORDER BY score DESC, h.id
  WITH collect(h) AS hits
  RETURN size(hits) AS total, [h IN hits[$skip..$skip + $limit] | ${entry}] AS page`;
