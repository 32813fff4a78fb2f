import { ScienceHistory } from '../../network/history';
import { NetworkSnapshot } from '../../network/snapshot';
import { GraphContext } from '../context';
import { snapshotOf } from '../network/network.context';
import { loadScienceHistory } from './history.repository';

/** One history per network snapshot: read on first use after a change, shared by later requests. */
const histories = new WeakMap<NetworkSnapshot, Promise<ScienceHistory>>();

export async function historyOf(ctx: GraphContext): Promise<{ snapshot: NetworkSnapshot; history: ScienceHistory }> {
  const snapshot = await snapshotOf(ctx);
  let history = histories.get(snapshot);
  if (!history) {
    history = loadScienceHistory(ctx.db, snapshot.net);
    histories.set(snapshot, history);
    history.catch(() => histories.delete(snapshot));
  }
  return { snapshot, history: await history };
}
