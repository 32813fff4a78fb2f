import { Database } from '../../db/database';
import { Institution } from '../institution/institution.type';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { Territory } from '../territory/territory.type';

export interface Keyed<T> {
  key: string;
  value: T;
}

/**
 * Reads of the reference data (territories, therapeutic areas, institutions) and of which
 * reference nodes a person (HCP or MSL, by id) is attached to.
 */
export class ReferenceRepository {
  constructor(private readonly db: Database) {}

  territories(ids: readonly string[]): Promise<Territory[]> {
    return this.db.read<Territory>('UNWIND $ids AS id MATCH (t:Territory {id: id}) RETURN t.id AS id, t.name AS name, t.region AS region', {
      ids,
    });
  }

  institutions(ids: readonly string[]): Promise<Institution[]> {
    return this.db.read<Institution>(
      `UNWIND $ids AS id MATCH (i:Institution {id: id})
       RETURN i.id AS id, i.name AS name, i.type AS type, i.city AS city, i.country AS country`,
      { ids },
    );
  }

  therapeuticAreas(ids: readonly string[]): Promise<TherapeuticArea[]> {
    return this.db.read<TherapeuticArea>('UNWIND $ids AS id MATCH (a:TherapeuticArea {id: id}) RETURN a.id AS id, a.name AS name', { ids });
  }

  /** The territory each person is in (HCP: IN_TERRITORY, MSL: COVERS). */
  territoryOf(kind: PersonKind, personIds: readonly string[]): Promise<Keyed<Territory>[]> {
    return this.db.read<Keyed<Territory>>(TERRITORY_OF[kind], { ids: personIds });
  }

  institutionOf(hcpIds: readonly string[]): Promise<Keyed<Institution>[]> {
    return this.db.read<Keyed<Institution>>(
      `UNWIND $ids AS key MATCH (:HCP {id: key})-[:AFFILIATED_WITH]->(i:Institution)
       RETURN key, i {.id, .name, .type, .city, .country} AS value`,
      { ids: hcpIds },
    );
  }

  /** The areas each person works in (HCP: SPECIALIZES_IN, MSL: FOCUSES_ON), ordered by id. */
  therapeuticAreasOf(kind: PersonKind, personIds: readonly string[]): Promise<Keyed<TherapeuticArea>[]> {
    return this.db.read<Keyed<TherapeuticArea>>(AREAS_OF[kind], { ids: personIds });
  }

  institutionTerritory(institutionIds: readonly string[]): Promise<Keyed<Territory>[]> {
    return this.db.read<Keyed<Territory>>(
      `UNWIND $ids AS key MATCH (:Institution {id: key})-[:IN_TERRITORY]->(t:Territory)
       RETURN key, t {.id, .name, .region} AS value`,
      { ids: institutionIds },
    );
  }
}

export type PersonKind = 'HCP' | 'MSL';

const TERRITORY_OF: Record<PersonKind, string> = {
  HCP: 'UNWIND $ids AS key MATCH (:HCP {id: key})-[:IN_TERRITORY]->(t:Territory) RETURN key, t {.id, .name, .region} AS value',
  MSL: 'UNWIND $ids AS key MATCH (:MSL {id: key})-[:COVERS]->(t:Territory) RETURN key, t {.id, .name, .region} AS value',
};

const AREAS_OF: Record<PersonKind, string> = {
  HCP: `UNWIND $ids AS key MATCH (:HCP {id: key})-[:SPECIALIZES_IN]->(a:TherapeuticArea)
        WITH key, a ORDER BY a.id RETURN key, a {.id, .name} AS value`,
  MSL: `UNWIND $ids AS key MATCH (:MSL {id: key})-[:FOCUSES_ON]->(a:TherapeuticArea)
        WITH key, a ORDER BY a.id RETURN key, a {.id, .name} AS value`,
};
