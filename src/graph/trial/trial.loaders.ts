import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { byKey, groupByKey } from '../common/loaders';
import { Keyed } from '../reference/reference.repository';
import { TrialRepository } from './trial.repository';

const group = <T>(ids: readonly string[], rows: Keyed<T>[]): T[][] =>
  groupByKey(ids, rows, (row) => row.key).map((list) => list.map((row) => row.value));

/** Per-request loaders of an HCP's trials and a trial's investigators. */
export function trialLoaders(db: Database) {
  const repository = new TrialRepository(db);
  return {
    byId: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repository.byIds(ids), (t) => t.id)),
    ofHcp: new DataLoader(async (ids: readonly string[]) => group(ids, await repository.ofHcps(ids))),
    investigators: new DataLoader(async (ids: readonly string[]) => group(ids, await repository.investigatorsOf(ids))),
  };
}
