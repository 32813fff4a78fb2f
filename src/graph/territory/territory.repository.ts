import { Database } from '../../db/database';
import { Institution } from '../institution/institution.type';
import { MslProps, toMsl } from '../msl/msl.repository';
import { MSL } from '../msl/msl.type';
import { Keyed } from '../reference/reference.repository';
import { Territory } from './territory.type';
import { KeyedPage, PageRequest, byId, pagesStatement, requestParams } from '../common/keyed-page';

/** Reads of territories and of what lies in them (institutions, MSLs covering them), by id. */
export class TerritoryRepository {
  constructor(private readonly db: Database) {}

  all(): Promise<Territory[]> {
    return this.db.read<Territory>('MATCH (t:Territory) RETURN t.id AS id, t.name AS name, t.region AS region ORDER BY t.id');
  }

  institutionsIn(territoryIds: readonly string[]): Promise<Keyed<Institution>[]> {
    return this.db.read<Keyed<Institution>>(
      `UNWIND $ids AS key MATCH (i:Institution)-[:IN_TERRITORY]->(:Territory {id: key})
       WITH key, i ORDER BY i.id RETURN key, i {.id, .name, .type, .city, .country} AS value`,
      { ids: territoryIds },
    );
  }

  /** Pages of the institutions of territories (one statement for all requests), by id. */
  async institutionPages(requests: readonly PageRequest[]): Promise<KeyedPage<Institution>[]> {
    const rows = await this.db.read<KeyedPage<Institution>>(INSTITUTION_PAGES, { requests: requestParams(requests) });
    return rows.map((row) => ({ ...row, rows: row.rows.map(toInstitution) }));
  }

  /** Pages of the MSLs covering territories, by id. */
  async mslPages(requests: readonly PageRequest[]): Promise<KeyedPage<MSL>[]> {
    const rows = await this.db.read<KeyedPage<MslProps>>(MSL_PAGES, { requests: requestParams(requests) });
    return rows.map((row) => ({ ...row, rows: row.rows.map(toMsl) }));
  }

  mslsCovering(territoryIds: readonly string[]): Promise<Keyed<MslProps>[]> {
    return this.db.read<Keyed<MslProps>>(
      `UNWIND $ids AS key MATCH (m:MSL)-[:COVERS]->(:Territory {id: key})
       WITH key, m ORDER BY m.id RETURN key, m AS value`,
      { ids: territoryIds },
    );
  }
}

const INSTITUTION_PAGES = pagesStatement(
  '(x:Institution)-[:IN_TERRITORY]->(:Territory {id: r.key})',
  byId,
  (x) => `${x} {.id, .name, .type, .city, .country}`,
);
const MSL_PAGES = pagesStatement('(x:MSL)-[:COVERS]->(:Territory {id: r.key})', byId, (x) => x);

export const toInstitution = (i: Institution): Institution => ({
  id: i.id,
  name: i.name ?? '',
  type: i.type ?? null,
  city: i.city ?? null,
  country: i.country ?? null,
});
