import { GraphContext } from '../context';
import { derivedId } from '../node/derived-id';
import { communityId, snapshotOf } from './network.context';
import { Community, Influence } from './network.type';

/** An HCP's influence in the request's snapshot; null when the HCP is not in the network. */
export async function influenceOf(ctx: GraphContext, hcpId: string): Promise<Influence | null> {
  const v = (await snapshotOf(ctx)).net.hcpIndex.get(hcpId);
  return v === undefined ? null : { id: derivedId('Influence', hcpId), index: v };
}

/** The community with this id in the request's snapshot; null when there is none. */
export async function communityOf(ctx: GraphContext, id: string): Promise<Community | null> {
  const match = /^community-(\d+)$/.exec(id);
  if (!match) return null;
  const snapshot = await snapshotOf(ctx);
  const index = Number(match[1]) - 1;
  const { members } = snapshot.communities();
  return index >= 0 && index < members.length ? { id: communityId(index), size: members[index].length, index } : null;
}
