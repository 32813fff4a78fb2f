import { Channel } from '../interaction/interaction.type';
import { ChannelCount, deriveChannelPreference } from '../../engagement/channel-preference';
import { ChannelPreference } from './engagement.type';
import { isChannel } from '../../engagement/vocabulary';

/** The ChannelPreference of an HCP from its recorded preference and its interaction counts. */
export function channelPreference(explicitValue: string | null | undefined, counts: readonly ChannelCount[]): ChannelPreference {
  const { derived, evidence } = deriveChannelPreference(counts);
  const explicit = isChannel(explicitValue) ? (explicitValue as Channel) : null;
  return {
    explicit,
    derived: derived as Channel | null,
    effective: explicit ?? (derived as Channel | null),
    evidence: evidence.map((e) => ({ ...e, channel: e.channel as Channel })),
  };
}
