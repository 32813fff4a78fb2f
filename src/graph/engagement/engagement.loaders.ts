import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { byKey } from '../common/loaders';
import { GraphContext } from '../context';
import { ChannelCount } from '../../engagement/channel-preference';
import { EngagementRepository } from './engagement.repository';
import { RequestNetworkSource } from './influence';

function build(db: Database) {
  const repository = new EngagementRepository(db);
  return {
    repository,
    channelCounts: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await repository.channelCounts(ids), (row) => row.key).map((row): ChannelCount[] => row?.value ?? []),
    ),
  };
}

export type EngagementLoaders = ReturnType<typeof build> & { network: RequestNetworkSource };

/**
 * The request's engagement loaders: interaction counts per channel of each HCP (batched) and
 * influence and warm paths from the request's one network snapshot.
 */
export function engagement(ctx: GraphContext): EngagementLoaders {
  return { ...ctx.loaders.get(build), network: new RequestNetworkSource(ctx) };
}
