/**
 * An HCP's channel preference derived from interaction history. Pure.
 *
 * For each channel with at least one interaction (by any MSL) the evidence counts the
 * interactions and their sentiments, and scores the channel:
 *
 *   score = interactions + positive − negative      (engagement, plus net sentiment)
 *
 * The derived preference is the channel with the highest score (ties: the heavier channel of
 * CHANNELS_BY_WEIGHT, IN_PERSON first); null without any interaction or when no score is above 0.
 * The evidence is listed by score descending, then in CHANNELS_BY_WEIGHT order.
 */
import { CHANNELS, Channel, isOneOf } from '../vocabulary';
import { CHANNELS_BY_WEIGHT } from './strength';

export interface ChannelCount {
  channel: string;
  sentiment: string | null;
  count: number;
}

export interface ChannelEvidence {
  channel: Channel;
  interactions: number;
  positive: number;
  neutral: number;
  negative: number;
  score: number;
}

export interface DerivedPreference {
  derived: Channel | null;
  evidence: ChannelEvidence[];
}

export const CHANNEL_SCORE_FORMULA =
  'score = interactions + positive − negative; derived = the channel with the highest score > 0 (ties: IN_PERSON, CONGRESS, VIRTUAL, PHONE, EMAIL)';

/** Evidence and derived preference from counts grouped by (channel, sentiment); unknown channels are ignored. */
export function deriveChannelPreference(counts: readonly ChannelCount[]): DerivedPreference {
  const byChannel = new Map<Channel, ChannelEvidence>();
  for (const row of counts) {
    if (!isOneOf(CHANNELS, row.channel) || row.count <= 0) continue;
    let evidence = byChannel.get(row.channel);
    if (!evidence) {
      evidence = { channel: row.channel, interactions: 0, positive: 0, neutral: 0, negative: 0, score: 0 };
      byChannel.set(row.channel, evidence);
    }
    evidence.interactions += row.count;
    if (row.sentiment === 'POSITIVE') evidence.positive += row.count;
    else if (row.sentiment === 'NEGATIVE') evidence.negative += row.count;
    else evidence.neutral += row.count;
  }
  const evidence = [...byChannel.values()];
  for (const e of evidence) e.score = e.interactions + e.positive - e.negative;
  evidence.sort((a, b) => b.score - a.score || CHANNELS_BY_WEIGHT.indexOf(a.channel) - CHANNELS_BY_WEIGHT.indexOf(b.channel));
  const best = evidence[0];
  return { derived: best && best.score > 0 ? best.channel : null, evidence };
}
