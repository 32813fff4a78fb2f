import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { PrimedLoader, byKey, groupByKey } from '../common/loaders';
import { Keyed, ReferenceRepository } from './reference.repository';

const value = <T>(row: Keyed<T> | null): T | null => (row ? row.value : null);
const same = (id: string) => id;
const values = <T>(groups: Keyed<T>[][]): T[][] => groups.map((rows) => rows.map((row) => row.value));

/** Per-request loaders of territories, areas and institutions, by id and by the person they belong to. */
export function referenceLoaders(db: Database) {
  const repo = new ReferenceRepository(db);
  const key = <T>(row: Keyed<T>) => row.key;
  return {
    territory: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repo.territories(ids), (t) => t.id)),
    institution: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repo.institutions(ids), (i) => i.id)),
    therapeuticArea: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repo.therapeuticAreas(ids), (a) => a.id)),
    hcpTerritory: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repo.territoryOf('HCP', ids), key).map(value)),
    mslTerritory: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repo.territoryOf('MSL', ids), key).map(value)),
    // Primed by a page of HCPs that read them (hcp.resolver.ts), answered from there without a promise.
    institutionOf: new PrimedLoader(async (ids: readonly string[]) => byKey(ids, await repo.institutionOf(ids), key).map(value), same),
    hcpAreas: new PrimedLoader(
      async (ids: readonly string[]) => values(groupByKey(ids, await repo.therapeuticAreasOf('HCP', ids), key)),
      same,
    ),
    mslAreas: new DataLoader(async (ids: readonly string[]) => values(groupByKey(ids, await repo.therapeuticAreasOf('MSL', ids), key))),
    institutionTerritory: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await repo.institutionTerritory(ids), key).map(value),
    ),
  };
}
