import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { groupByKey } from '../common/loaders';
import { Keyed } from '../reference/reference.repository';
import { MslRelationship } from './relationship.type';
import { RelationshipRepository } from './relationship.repository';

const values = (groups: Keyed<MslRelationship>[][]) => groups.map((rows) => rows.map((row) => row.value));
const key = (row: Keyed<MslRelationship>) => row.key;

/** Per-request loaders of MSL relationships, by HCP id and by MSL id, and of a pair's interaction history. */
export function relationshipLoaders(db: Database) {
  const repository = new RelationshipRepository(db);
  return {
    ofHcp: new DataLoader(async (ids: readonly string[]) => values(groupByKey(ids, await repository.ofHcps(ids), key))),
    ofMsl: new DataLoader(async (ids: readonly string[]) => values(groupByKey(ids, await repository.ofMsls(ids), key))),
    /** Interactions of a pair, by pairKey(mslId, hcpId). */
    history: new DataLoader(async (pairs: readonly string[]) => {
      const found = new Map((await repository.histories(pairs)).map((row) => [row.key, row.value]));
      return pairs.map((pair) => found.get(pair) ?? []);
    }),
  };
}
