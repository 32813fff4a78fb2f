import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { groupByKey } from '../common/loaders';
import { toMsl } from '../msl/msl.repository';
import { Keyed } from '../reference/reference.repository';
import { TerritoryRepository, toInstitution } from './territory.repository';
import { pageLoader } from '../common/keyed-page';

const group = <T>(ids: readonly string[], rows: Keyed<T>[]): T[][] =>
  groupByKey(ids, rows, (row) => row.key).map((list) => list.map((row) => row.value));

/** Per-request loaders of a territory's institutions and MSLs, whole or by pages. */
export function territoryLoaders(db: Database) {
  const repository = new TerritoryRepository(db);
  return {
    institutions: new DataLoader(async (ids: readonly string[]) =>
      group(ids, await repository.institutionsIn(ids)).map((list) => list.map(toInstitution)),
    ),
    institutionPages: pageLoader((requests) => repository.institutionPages(requests)),
    mslPages: pageLoader((requests) => repository.mslPages(requests)),
    msls: new DataLoader(async (ids: readonly string[]) => group(ids, await repository.mslsCovering(ids)).map((list) => list.map(toMsl))),
  };
}
