import { Database, int } from '../../db/database';
import { fullName } from '../common/network-node';
import { HcpFilter } from './hcp.input';
import { HCP } from './hcp.type';

type HcpProps = Omit<HCP, 'name'>;

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

/** Lucene special characters escaped, each word matched as a prefix: "card onc" -> "card* AND onc*". */
export function toFulltextQuery(search: string): string {
  const words = search
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .filter(Boolean);
  return words.map((word) => `${word}*`).join(' AND ');
}

const FILTER = `
  WHERE ($territoryId IS NULL OR EXISTS { (h)-[:IN_TERRITORY]->(:Territory {id: $territoryId}) })
    AND ($therapeuticAreaId IS NULL OR EXISTS { (h)-[:SPECIALIZES_IN]->(:TherapeuticArea {id: $therapeuticAreaId}) })
    AND ($institutionId IS NULL OR EXISTS { (h)-[:AFFILIATED_WITH]->(:Institution {id: $institutionId}) })
    AND ($specialty IS NULL OR h.specialty = $specialty)`;

/** Reads of HCP nodes. Every statement is parameterized; orderings are stable (by id, or relevance then id). */
export class HcpRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<HCP[]> {
    const rows = await this.db.read<{ h: HcpProps }>('UNWIND $ids AS id MATCH (h:HCP {id: id}) RETURN h', { ids });
    return rows.map((row) => toHcp(row.h));
  }

  /** One page of HCPs matching `filter`, plus the total count; `first + 1` rows tell whether more follow. */
  async list(filter: HcpFilter, skip: number, limit: number): Promise<{ rows: HCP[]; total: number }> {
    const params = {
      territoryId: filter.territoryId ?? null,
      therapeuticAreaId: filter.therapeuticAreaId ?? null,
      institutionId: filter.institutionId ?? null,
      specialty: filter.specialty ?? null,
      skip: int(skip),
      limit: int(limit),
    };
    const search = filter.search?.trim() ? toFulltextQuery(filter.search) : '';
    const [row] = search ? await this.db.read<Listing>(SEARCH, { ...params, search }) : await this.db.read<Listing>(LIST, params);
    return { rows: row.page.map(toHcp), total: row.total };
  }
}

interface Listing {
  page: HcpProps[];
  total: number;
}

const LIST = `
  CALL { MATCH (h:HCP) ${FILTER} RETURN count(h) AS total }
  CALL { MATCH (h:HCP) ${FILTER} WITH h ORDER BY h.id SKIP $skip LIMIT $limit RETURN collect(h) AS page }
  RETURN total, page`;

const SEARCH = `
  CALL {
    CALL db.index.fulltext.queryNodes('hcp_search', $search) YIELD node, score RETURN node AS h, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('institution_search', $search) YIELD node, score
    MATCH (h:HCP)-[:AFFILIATED_WITH]->(node) RETURN h, score
  }
  WITH h, max(score) AS score ${FILTER}
  WITH h, score ORDER BY score DESC, h.id
  WITH collect(h) AS hits
  RETURN size(hits) AS total, hits[$skip..$skip + $limit] AS page`;
