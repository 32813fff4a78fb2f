import { Statement, Tx } from '../../db/database';
import { Keeper, NetworkChange, recordNetworkChange } from '../../network/changes';
import { NetworkService, PreparedNetwork } from '../../network/network.service';

/**
 * Marks what a mutation changed in the network, inside its transaction (src/network/changes.ts):
 * HCPs whose existence or links changed, MSLs whose existence or relationships changed, HCPs
 * whose territory, areas or interactions changed. Writes that change none of these pass an empty change (no record):
 * the analytics keep their scores. `alongside` (the mutation's deferred writes, live events and audit event) is written
 * in the same statement: every statement costs a round trip and the server's per-statement work.
 * `keeper` (NetworkService.keeper): a record of attributes and pairs only has its states read and
 * kept for this instance's sync (src/network/commit-log.ts).
 */
export function markNetworkChanged(
  tx: Tx,
  change: NetworkChange,
  alongside: readonly (Statement | null)[] = [],
  keeper?: Keeper,
): Promise<void> {
  return recordNetworkChange(tx, change, alongside, keeper);
}

/**
 * After the writes and their mark, before the commit: when the change edits the HCP graph, has
 * this instance's network prepare the next network from what the transaction reads (its own
 * writes), PageRank included, so the first answer after the commit does not wait for it
 * (NetworkService.prepare). The mutation pays instead; other changes pay nothing.
 */
export function prepareNetworkChange(network: NetworkService, tx: Tx, change: NetworkChange): Promise<PreparedNetwork | undefined> {
  return network.prepare((cypher, params) => tx.run(cypher, params), change);
}
