/**
 * Erased HCPs, without a rebuild and without their ids outliving them (changes.ts).
 *
 * An erasure's change record names the erased node by the store's internal node id, not by the
 * HCP's id. A reader finds which HCP it holds under that node id (`nodeIds`, kept next to the
 * HCP ids) and re-reads that HCP like any HCP a record names: it no longer exists, so the
 * incremental update (incremental.ts) removes it with its links and relationships, in memory.
 *
 * Node ids are reused by the store after a delete, so a node id is only a hint: the re-read goes
 * by the HCP id the reader held and answers its current state, whatever the node id names now.
 * A node id the reader does not hold names an HCP it never had (created and erased since its last
 * sync, or erased before it loaded): nothing to remove.
 */
import { NetworkProjection } from './projection';

/** The HCP ids this projection holds under the given node ids (those it holds). */
export function hcpsOfNodes(projection: Pick<NetworkProjection, 'net' | 'nodeIds'>, nodes: readonly number[]): string[] {
  if (nodes.length === 0) return [];
  const wanted = new Set(nodes);
  const ids: string[] = [];
  // A scan (O(n) number compares, a few ms at 100k HCPs): erasures are rare, a map from node id would cost memory always.
  const { nodeIds } = projection;
  for (let v = 0; v < nodeIds.length; v++) if (wanted.has(nodeIds[v])) ids.push(projection.net.hcpIds[v]);
  return ids;
}

/**
 * The node id of each HCP of the next network (by its index): the old ones renumbered when HCPs
 * were added or erased (`remap`, old index -> new, -1: erased), and those of the HCPs re-read
 * (an HCP id erased and created again names a new node). The old array when nothing changed.
 */
export function nextNodeIds(
  old: Float64Array,
  n: number,
  remap: Int32Array | undefined,
  hcpIndex: ReadonlyMap<string, number>,
  states: readonly { id: string; node: number | null }[],
): Float64Array {
  const moved = states.filter((state) => {
    const v = hcpIndex.get(state.id);
    return v !== undefined && state.node !== null && (remap !== undefined || old[v] !== state.node);
  });
  if (!remap && moved.length === 0) return old;
  const next = new Float64Array(n).fill(NaN);
  if (remap) {
    for (let i = 0; i < remap.length; i++) if (remap[i] >= 0) next[remap[i]] = old[i];
  } else {
    next.set(old);
  }
  for (const state of moved) next[hcpIndex.get(state.id)!] = state.node!;
  return next;
}
