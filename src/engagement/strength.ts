/**
 * Relationship strength from interaction history. Pure: no Neo4j, no clock.
 *
 *   strength = 1 − (1 − b) · exp(−G · E)
 *   E        = Σ over the pair's interactions of  w(channel) · m(sentiment) · 2^(−age / H)
 *
 * - b: the starting value, i.e. the imported `strength` kept as `baseStrength` on KNOWS
 *   (DEFAULT_BASE_STRENGTH when a relationship has none), clamped into [MIN_BASE_STRENGTH, 1].
 * - w: channel weight, IN_PERSON 1.0 > CONGRESS 0.8 > VIRTUAL 0.6 > PHONE 0.45 > EMAIL 0.25.
 * - m: sentiment multiplier, POSITIVE 1.25, NEUTRAL 1.0, NEGATIVE 0.4 (a difficult meeting is
 *   still contact, but builds far less trust).
 * - age: whole days from the interaction's date to `now` (0 for a date in the future);
 *   H: the half-life in days (STRENGTH_HALF_LIFE_DAYS, default 180): an interaction counts
 *   half as much after H days, a quarter after 2H.
 * - G = 0.3: the gain; one positive in-person meeting today lifts b = 0.3 to ≈ 0.52.
 *
 * Properties (unit-tested in test/engagement/strength.test.ts):
 * - bounded: b ≤ strength ≤ 1, so strength ∈ (0, 1]; no interactions gives exactly b;
 * - monotonic in frequency: another interaction never lowers it (every term is > 0);
 * - monotonic in recency: a more recent interaction never lowers it (2^(−age/H) falls with age);
 * - monotonic in channel weight and sentiment; time alone lets it decay back towards b.
 */
import { CHANNELS, Channel, SENTIMENTS, Sentiment, isOneOf } from '../vocabulary';
import { epochDay } from './dates';

export const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = {
  IN_PERSON: 1.0,
  CONGRESS: 0.8,
  VIRTUAL: 0.6,
  PHONE: 0.45,
  EMAIL: 0.25,
};

export const SENTIMENT_MULTIPLIERS: Readonly<Record<Sentiment, number>> = {
  POSITIVE: 1.25,
  NEUTRAL: 1.0,
  NEGATIVE: 0.4,
};

/** The channels by weight, heaviest first (IN_PERSON ... EMAIL): ties between channels break in this order. */
export const CHANNELS_BY_WEIGHT: readonly Channel[] = [...CHANNELS].sort((a, b) => CHANNEL_WEIGHTS[b] - CHANNEL_WEIGHTS[a]);

/** G: how fast evidence saturates towards 1. */
export const STRENGTH_GAIN = 0.3;
/** b for a relationship with no recorded starting value (e.g. created by logging an interaction). */
export const DEFAULT_BASE_STRENGTH = 0.1;
/** The lowest b used, so strength stays > 0 whatever is stored. */
export const MIN_BASE_STRENGTH = 0.01;
export const DEFAULT_HALF_LIFE_DAYS = 180;

/** One interaction as the formula sees it. Unknown channels or sentiments count as the weakest/neutral. */
export interface InteractionEvidence {
  /** ISO date ("2025-03-05") or date-time. */
  date: string;
  channel: string;
  sentiment?: string | null;
}

export interface StrengthInput {
  baseStrength: number | null | undefined;
  interactions: readonly InteractionEvidence[];
  /** The moment strength is computed for. */
  now: Date;
  halfLifeDays?: number;
}

/** The formula as text, for the schema description and docs/engagement.md. */
export const STRENGTH_FORMULA =
  "strength = 1 − (1 − b)·exp(−0.3·E), E = Σ w(channel)·m(sentiment)·2^(−ageDays/halfLife) over the pair's interactions; " +
  'b = the imported starting strength (baseStrength, 0.1 if none); ' +
  'w: IN_PERSON 1.0, CONGRESS 0.8, VIRTUAL 0.6, PHONE 0.45, EMAIL 0.25; m: POSITIVE 1.25, NEUTRAL 1.0, NEGATIVE 0.4; ' +
  'halfLife = STRENGTH_HALF_LIFE_DAYS (default 180). Always in (0, 1], never below b; ages count to the moment asked, so it decays towards b while nobody meets.';

/** w(channel); the weakest weight for an unknown channel. */
export function channelWeight(channel: string): number {
  return isOneOf(CHANNELS, channel) ? CHANNEL_WEIGHTS[channel] : CHANNEL_WEIGHTS.EMAIL;
}

/** m(sentiment); neutral when unknown or missing. */
export function sentimentMultiplier(sentiment: string | null | undefined): number {
  return isOneOf(SENTIMENTS, sentiment) ? SENTIMENT_MULTIPLIERS[sentiment] : SENTIMENT_MULTIPLIERS.NEUTRAL;
}

/** Whole days from `date` to `now`, 0 when `date` is later than `now` or not a date. */
export function ageInDays(date: string, now: Date): number {
  const day = epochDay(date);
  if (Number.isNaN(day)) return 0;
  const today = Math.floor(now.getTime() / 86_400_000);
  return Math.max(0, today - day);
}

/** One interaction's term of E: w · m · 2^(−age/H). Always > 0 for a finite age. */
export function interactionTerm(interaction: InteractionEvidence, now: Date, halfLifeDays = DEFAULT_HALF_LIFE_DAYS): number {
  const halfLife = halfLifeDays > 0 ? halfLifeDays : DEFAULT_HALF_LIFE_DAYS;
  return (
    channelWeight(interaction.channel) * sentimentMultiplier(interaction.sentiment) * 2 ** (-ageInDays(interaction.date, now) / halfLife)
  );
}

/** b as the formula uses it: the stored base clamped into [MIN_BASE_STRENGTH, 1]. */
export function effectiveBase(baseStrength: number | null | undefined): number {
  if (baseStrength === null || baseStrength === undefined || !Number.isFinite(baseStrength)) return DEFAULT_BASE_STRENGTH;
  return Math.min(1, Math.max(MIN_BASE_STRENGTH, baseStrength));
}

/** The relationship strength of the formula above, in (0, 1]. */
export function relationshipStrength(input: StrengthInput): number {
  const base = effectiveBase(input.baseStrength);
  let evidence = 0;
  for (const interaction of input.interactions) evidence += interactionTerm(interaction, input.now, input.halfLifeDays);
  // b + (1 − b)·(1 − e^(−G·E)), the same value written so that E = 0 gives b exactly.
  return Math.min(1, base + (1 - base) * -Math.expm1(-STRENGTH_GAIN * evidence));
}

/** What KNOWS stores: the strength as of its last recomputation (logInteraction), and when that was. */
export interface StoredStrength {
  strength: number;
  baseStrength: number | null | undefined;
  /** UTC epoch day of `strengthComputedAt`; null when never recomputed from interactions. */
  computedDay: number | null;
}

/**
 * The strength of the formula at `day` (UTC epoch day), from what KNOWS stores, with no
 * interaction read: every age grows by the same Δ = day − computedDay days, so each term of E,
 * and E itself, is multiplied by 2^(−Δ/H). E at the recomputation follows from the stored
 * strength: e^(−G·E) = (1 − strength)/(1 − b). Exact for the interactions the recomputation saw
 * (all dated on or before it: logged dates are never in the future).
 *
 * - Never recomputed (imported or set by hand): the stored strength, whatever the day.
 * - `day` on or before the recomputation day: the stored strength (the caller reads the history
 *   for an earlier date, see strengthFromHistory).
 */
export function strengthAsOf(stored: StoredStrength, day: number, halfLifeDays = DEFAULT_HALF_LIFE_DAYS): number {
  const { strength, computedDay } = stored;
  if (computedDay === null || !(day > computedDay)) return strength;
  const base = effectiveBase(stored.baseStrength ?? strength);
  if (!(strength > base) || base >= 1) return strength;
  const halfLife = halfLifeDays > 0 ? halfLifeDays : DEFAULT_HALF_LIFE_DAYS;
  // G·E at the recomputation; Infinity when the stored strength is 1.
  const gainTimesEvidence = -Math.log1p(-(strength - base) / (1 - base));
  return Math.min(1, base + (1 - base) * -Math.expm1(-gainTimesEvidence * 2 ** (-(day - computedDay) / halfLife)));
}

/** The strength at `day` from the pair's whole history: only interactions dated on or before that day count. */
export function strengthFromHistory(
  baseStrength: number | null | undefined,
  interactions: readonly InteractionEvidence[],
  day: number,
  halfLifeDays = DEFAULT_HALF_LIFE_DAYS,
): number {
  const now = new Date(day * 86_400_000);
  return relationshipStrength({ baseStrength, interactions: interactions.filter((i) => !(epochDay(i.date) > day)), now, halfLifeDays });
}

/** The UTC epoch day of a moment. */
export function dayOf(moment: Date): number {
  return Math.floor(moment.getTime() / 86_400_000);
}
