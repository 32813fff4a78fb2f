import { ChannelCount, deriveChannelPreference } from '../../engagement/channel-preference';
import { CHANNELS, isOneOf } from '../../vocabulary';
import { ChannelPreference } from './engagement.type';

/** The ChannelPreference of an HCP from its recorded preference and its interaction counts. */
export function channelPreference(
  explicitValue: string | null | undefined,
  counts: readonly ChannelCount[],
): Omit<ChannelPreference, 'id'> {
  const { derived, evidence } = deriveChannelPreference(counts);
  const explicit = isOneOf(CHANNELS, explicitValue) ? explicitValue : null;
  return { explicit, derived, effective: explicit ?? derived, evidence };
}
