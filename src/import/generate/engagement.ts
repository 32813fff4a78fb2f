import { CHANNELS, Channel, SENTIMENTS, Sentiment } from '../../vocabulary';
import { InteractionRecord, MslRelationshipRecord } from '../records';
import { Groups } from './links';
import { AREAS } from './places';
import { Hcps, Msls } from './people';
import { Rng } from './random';
import { CHANNEL_WEIGHTS, NOTES, SENTIMENT_WEIGHTS, TOPICS } from './texts';
import { MS_PER_DAY, pad, round3, toIsoDate } from './values';

/**
 * MSL engagement: each MSL knows 15-45 HCPs of their territory (KOLs of their areas first) since
 * some day in the last four years, and has logged interactions with most of them over the last
 * 18 months, plus a few first contacts with HCPs they have no relationship with yet. The first
 * interactions walk through every channel and sentiment.
 */

export interface Engagement {
  mslRelationships: MslRelationshipRecord[];
  interactions: InteractionRecord[];
}

/** `today`: the reference date (ms); every date falls before it. */
export function makeEngagement(rng: Rng, today: number, people: Hcps, msls: Msls, groups: Groups): Engagement {
  const { hcps } = people;
  const { mslTer, mslAreas } = msls;
  const mslCount = msls.msls.length;
  const { byTer, terS, terAreaS } = groups;
  const mslRelationships: MslRelationshipRecord[] = [];
  const interactions: InteractionRecord[] = [];
  const interactionRaw: Omit<InteractionRecord, 'id'>[] = [];
  const day = (ms: number) => Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
  const addInteraction = (mslId: string, hcp: number, from: number) => {
    const dateMs = day(rng.between(from, today));
    const k = interactionRaw.length;
    // The first interactions walk through every channel and sentiment.
    const channel: Channel = k < CHANNELS.length ? CHANNELS[k] : CHANNELS[rng.weighted(CHANNEL_WEIGHTS)];
    const sentiment: Sentiment = k < SENTIMENTS.length ? SENTIMENTS[k] : SENTIMENTS[rng.weighted(SENTIMENT_WEIGHTS)];
    interactionRaw.push({
      mslId,
      hcpId: hcps[hcp].id,
      date: toIsoDate(dateMs),
      channel,
      topic: rng.chance(0.95) ? rng.pick(TOPICS) : null,
      sentiment,
      notes: rng.chance(0.5) ? rng.pick(NOTES) : null,
    });
  };
  for (let m = 0; m < mslCount; m++) {
    const ti = mslTer[m];
    const known = new Set<number>();
    const size = Math.min(byTer[ti].length, Math.round(rng.between(15, 45)));
    for (let tries = 0; known.size < size && tries < size * 10; tries++) {
      const area = rng.pick(mslAreas[m]);
      const s = terAreaS[ti * AREAS.length + area];
      const h = s && rng.chance(0.65) ? s.draw(rng) : rng.chance(0.5) ? terS[ti]!.draw(rng) : terS[ti]!.uniform(rng);
      known.add(h);
    }
    for (const h of [...known].sort((x, y) => x - y)) {
      const sinceMs = day(today - rng.between(30, 1500) * MS_PER_DAY);
      mslRelationships.push({
        mslId: msls.msls[m].id,
        hcpId: hcps[h].id,
        strength: round3(rng.between(0.15, 0.95)),
        since: toIsoDate(sinceMs),
      });
      if (rng.chance(0.75)) {
        const count = 1 + Math.min(7, Math.floor(-Math.log(1 - rng.next()) * 2));
        for (let c = 0; c < count; c++) addInteraction(msls.msls[m].id, h, Math.max(sinceMs, today - 540 * MS_PER_DAY));
      }
    }
    // A few first contacts with HCPs the MSL has no relationship with yet.
    const extra = Math.round(rng.between(0, 3));
    for (let e = 0; e < extra && byTer[ti].length > 0; e++) {
      const h = terS[ti]!.uniform(rng);
      if (!known.has(h)) addInteraction(msls.msls[m].id, h, today - 180 * MS_PER_DAY);
    }
  }
  const intWidth = Math.max(6, String(Math.max(0, interactionRaw.length - 1)).length);
  interactionRaw.forEach((raw, k) => {
    const id = `int-${pad(k, intWidth)}`;
    interactions.push({ id, ...raw });
  });
  return { mslRelationships, interactions };
}
