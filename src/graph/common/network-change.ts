import { Tx } from '../../db/database';
import { NetworkChange, recordNetworkChange } from '../../network/changes';

/**
 * Marks what a mutation changed in the network, inside its transaction (src/network/changes.ts):
 * HCPs whose existence or links changed, MSLs whose existence or relationships changed, HCPs
 * whose territory, areas or interactions changed. Writes that change none of these call nothing:
 * the analytics keep their scores.
 */
export function markNetworkChanged(tx: Tx, change: NetworkChange): Promise<void> {
  return recordNetworkChange(tx, change);
}
