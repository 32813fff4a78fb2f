import DataLoader from 'dataloader';
import { Database } from '../db/database';
import { byKey } from '../graph/common/loaders';
import { GraphContext } from '../graph/context';
import { NetworkService } from '../network/network.service';
import { ChannelCount } from './channel-preference';
import { EngagementRepository } from './engagement.repository';
import { NetworkServiceSource } from './influence';

function build(db: Database, network: NetworkService) {
  const repository = new EngagementRepository(db);
  return {
    repository,
    /** Influence and warm paths from one network snapshot per request. */
    network: new NetworkServiceSource(network),
    channelCounts: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await repository.channelCounts(ids), (row) => row.key).map((row): ChannelCount[] => row?.value ?? []),
    ),
  };
}

export type EngagementLoaders = ReturnType<typeof build>;

/** One loader factory per network service, so RequestLoaders (keyed by factory) builds them once per request. */
const factories = new WeakMap<NetworkService, (db: Database) => EngagementLoaders>();

/**
 * The request's engagement loaders: interaction counts per channel of each HCP (batched) and
 * the network snapshot answering influence and warm paths (taken at most once per request).
 */
export function engagement(ctx: GraphContext): EngagementLoaders {
  let factory = factories.get(ctx.app.network);
  if (!factory) {
    const network = ctx.app.network;
    factory = (db: Database) => build(db, network);
    factories.set(network, factory);
  }
  return ctx.loaders.get(factory);
}
