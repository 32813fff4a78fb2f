import { Database } from '../../db/database';
import { Institution } from '../institution/institution.type';
import { MslProps } from '../msl/msl.repository';
import { Keyed } from '../reference/reference.repository';
import { Territory } from './territory.type';

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

  mslsCovering(territoryIds: readonly string[]): Promise<Keyed<MslProps>[]> {
    return this.db.read<Keyed<MslProps>>(
      `UNWIND $ids AS key MATCH (m:MSL)-[:COVERS]->(:Territory {id: key})
       WITH key, m ORDER BY m.id RETURN key, m AS value`,
      { ids: territoryIds },
    );
  }
}
