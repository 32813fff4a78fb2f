import { Tx } from '../../db/database';
import { BUMP_VERSION_STATEMENT } from '../../import/write';

/**
 * Marks the network as changed (`(:GraphMeta {id:'network'}).version + 1`), inside the caller's
 * transaction, exactly as the import does: caches of the network revalidate against it.
 */
export async function bumpNetworkVersion(tx: Tx): Promise<void> {
  await tx.run(BUMP_VERSION_STATEMENT);
}
