import { Database } from '../../db/database';
import { PageWindow } from '../common/cursor';
import {
  KeyedPage,
  PageRequest,
  RowRecord,
  SortPart,
  byId,
  pagesStatement,
  mappedRow,
  placeRows,
  recordPerRow,
  requestParams,
  windowClause,
  windowParams,
} from '../common/keyed-page';
import { readKeysetPage } from '../common/keyset-list';
import { Page, slicedConnection } from '../common/pagination';
import { fullName } from '../common/network-node';
import { Institution } from '../institution/institution.type';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { HcpFilter } from './hcp.input';
import { filterConditions, filterParams, searchMatch, searchWords } from './hcp.search';
import { HCP } from './hcp.type';

export type HcpProps = Omit<HCP, 'name'>;

/** The stored properties an HCP object is built from (`toHcp`): what statements read of an HCP node. */
export const HCP_PROPS = ['id', 'firstName', 'lastName', 'specialty', 'email', 'preferredChannel'] as const;
const everyHcpProp: Exclude<keyof HcpProps, (typeof HCP_PROPS)[number]> extends never ? true : never = true;
void everyHcpProp;

/**
 * An HCP instance, not a plain object: the field resolvers of HCP (institution, areas...) are then
 * called directly; type-graphql would first copy a plain root into its class, once per field per HCP.
 */
export function toHcp(props: HcpProps): HCP {
  return newHcp(props.id, props.firstName, props.lastName, props.specialty, props.email, props.preferredChannel);
}

/** The HCP whose HCP_PROPS values, in that order, start at `values[at]` (missing values: absent). */
export function hcpFromValues(values: readonly unknown[], at: number): HCP {
  const value = (i: number) => values[at + i] as string | null | undefined;
  return newHcp(value(0) as string, value(1), value(2), value(3), value(4), value(5));
}

type Prop = string | null | undefined;

function newHcp(id: string, firstName: Prop, lastName: Prop, specialty: Prop, email: Prop, preferredChannel: Prop): HCP {
  const hcp = new HCP();
  hcp.id = id;
  hcp.name = fullName({ firstName, lastName });
  hcp.firstName = firstName ?? '';
  hcp.lastName = lastName ?? '';
  hcp.specialty = specialty ?? null;
  hcp.email = email ?? null;
  hcp.preferredChannel = preferredChannel ?? null;
  return hcp;
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
  async page<L = never>(filter: HcpFilter, window: PageWindow, include: ListInclude<L> = {}): Promise<Page<ListedHcp<L>>> {
    const words = searchWords(filter);
    const params = filterParams(filter, words);
    const toListed = (listed: Omit<ListedHcp, 'hcp' | 'links'> & { hcp: HcpProps; links?: unknown[] }): ListedHcp<L> => {
      const hcp = toHcp(listed.hcp);
      return { ...listed, hcp, links: include.links && listed.links ? include.links.convert(listed.links, hcp.id) : undefined };
    };
    const conditions = filterConditions(filter);
    if (words.length === 0) {
      // Every HCP has an id (the key of every write); `IS NOT NULL` lets the id index give the order.
      const list = {
        pattern: '(x:HCP)',
        conditions: [...conditions, 'x.id IS NOT NULL'],
        sort: byId,
        project: (x: string) => pageEntry(include, x),
      };
      return readKeysetPage(this.db, list, window, params, toListed, include.total ?? true);
    }
    type SearchRecord = RowRecord<Parameters<typeof toListed>[0], { start: number; total: number }>;
    const records = await this.db.readEach(
      searchStatement(conditions, (x) => pageEntry(include, x)),
      { ...params, r: windowParams(window) },
      (record) => mappedRow(record as SearchRecord, toListed),
    );
    const { rows, keys } = placeRows(records, (row) => row);
    return slicedConnection(rows, keys, records[0].start, records[0].total);
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

/** What `list` reads along with each HCP; `L`: what a row's links become. */
export interface ListInclude<L = never> {
  institution?: boolean;
  therapeuticAreas?: boolean;
  /**
   * `x`'s links read in the page's statement by the expression `read` (the link repository's
   * `allLinksOf`), turned by `convert` into the row's links as its record arrives.
   */
  links?: { read: (x: string) => string; convert: (read: unknown[], ownerId: string) => L[] };
  /** Count the HCPs matching the filter (`totalCount`); without it the page reads only its rows. */
  total?: boolean;
}

export interface ListedHcp<L = never> {
  hcp: HCP;
  /** With `include.institution`: the HCP's institution or null. */
  institution?: Institution | null;
  /** With `include.therapeuticAreas`: the HCP's areas by id. */
  therapeuticAreas?: TherapeuticArea[];
  /** With `include.links`: the HCP's links, converted. */
  links?: L[];
}

/** The map each page entry `x` becomes. */
function pageEntry<L>(include: ListInclude<L>, x: string): string {
  // A map of the properties toHcp reads, not the node: no labels, element id or other properties to decode.
  const parts = [`hcp: ${x} {${HCP_PROPS.map((prop) => `.${prop}`).join(', ')}}`];
  if (include.institution)
    parts.push(`institution: [(${x})-[:AFFILIATED_WITH]->(i:Institution) | i {.id, .name, .type, .city, .country}][0]`);
  if (include.therapeuticAreas)
    parts.push(
      `therapeuticAreas: COLLECT { MATCH (${x})-[:SPECIALIZES_IN]->(a:TherapeuticArea) WITH a ORDER BY a.id RETURN a {.id, .name} }`,
    );
  if (include.links) parts.push(`links: ${include.links.read(x)}`);
  return `{${parts.join(', ')}}`;
}

/** The search hits in relevance order, paged (see SEARCH_ORDER). */
const searchStatement = (conditions: string[], entry: (x: string) => string) => `
  ${searchMatch(conditions)}
  WITH x, score ORDER BY score DESC, x.id
  WITH collect({h: x, score: score}) AS found
  WITH $r AS r, found
  ${windowClause(SEARCH_ORDER)}
  WITH total, start, keys, [hit IN page | hit.h] AS hits
  ${recordPerRow('hits', ['total', 'start'], entry)}`;
