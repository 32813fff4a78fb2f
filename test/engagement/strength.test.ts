import { addDays } from '../../src/engagement/dates';
import {
  CHANNELS_BY_WEIGHT as CHANNELS,
  CHANNEL_WEIGHTS,
  DEFAULT_BASE_STRENGTH,
  InteractionEvidence,
  ageInDays,
  dayOf,
  relationshipStrength,
  strengthAsOf,
  strengthFromHistory,
} from '../../src/engagement/strength';
import { SENTIMENTS } from '../../src/vocabulary';

/** A small deterministic generator (mulberry32), so property loops are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOW = new Date('2025-09-01T12:00:00Z');
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

function randomInteraction(r: () => number): InteractionEvidence {
  return { date: addDays('2025-09-01', -Math.floor(r() * 1500)), channel: pick(r, CHANNELS), sentiment: pick(r, SENTIMENTS) };
}

function randomHistory(r: () => number): InteractionEvidence[] {
  return Array.from({ length: Math.floor(r() * 12) }, () => randomInteraction(r));
}

describe('relationshipStrength', () => {
  it('is the base without interactions, and the default base without one', () => {
    expect(relationshipStrength({ baseStrength: 0.42, interactions: [], now: NOW })).toBeCloseTo(0.42, 12);
    expect(relationshipStrength({ baseStrength: null, interactions: [], now: NOW })).toBeCloseTo(DEFAULT_BASE_STRENGTH, 12);
  });

  it('matches the documented formula on a worked example', () => {
    // E = 1.0·1.25·2^0 + 0.25·1.0·2^(−180/180) = 1.25 + 0.125 = 1.375
    const strength = relationshipStrength({
      baseStrength: 0.3,
      interactions: [
        { date: '2025-09-01', channel: 'IN_PERSON', sentiment: 'POSITIVE' },
        { date: addDays('2025-09-01', -180), channel: 'EMAIL', sentiment: 'NEUTRAL' },
      ],
      now: NOW,
    });
    expect(strength).toBeCloseTo(1 - 0.7 * Math.exp(-0.3 * 1.375), 12);
  });

  it('stays in (0, 1] and never below the base, whatever the history or stored base', () => {
    const r = random(1);
    for (let i = 0; i < 2000; i++) {
      const base = pick(r, [null, -1, 0, 1e-9, r(), r(), 1, 2, Number.NaN]);
      const interactions = pick(r, [
        [],
        randomHistory(r),
        Array.from({ length: 500 }, () => ({ date: '2025-09-01', channel: 'IN_PERSON', sentiment: 'POSITIVE' })),
      ]);
      const halfLifeDays = pick(r, [1, 30, 180, 3650, 0]);
      const strength = relationshipStrength({ baseStrength: base, interactions, now: NOW, halfLifeDays });
      expect(strength).toBeGreaterThan(0);
      expect(strength).toBeLessThanOrEqual(1);
      if (typeof base === 'number' && base > 0 && base <= 1) expect(strength).toBeGreaterThanOrEqual(base - 1e-15);
    }
  });

  it('is monotonic in frequency: one more interaction of any kind never lowers it (and raises it below 1)', () => {
    const r = random(2);
    for (let i = 0; i < 2000; i++) {
      const base = 0.01 + r() * 0.9;
      const history = randomHistory(r);
      const before = relationshipStrength({ baseStrength: base, interactions: history, now: NOW });
      const after = relationshipStrength({ baseStrength: base, interactions: [...history, randomInteraction(r)], now: NOW });
      expect(after).toBeGreaterThan(before);
    }
  });

  it('is monotonic in recency: moving an interaction closer to now never lowers it', () => {
    const r = random(3);
    for (let i = 0; i < 2000; i++) {
      const base = 0.01 + r() * 0.9;
      const history = randomHistory(r);
      const moved = randomInteraction(r);
      const closer = { ...moved, date: addDays(moved.date, 1 + Math.floor(r() * 400)) };
      const older = relationshipStrength({ baseStrength: base, interactions: [...history, moved], now: NOW });
      const newer = relationshipStrength({ baseStrength: base, interactions: [...history, closer], now: NOW });
      if (ageInDays(closer.date, NOW) < ageInDays(moved.date, NOW)) expect(newer).toBeGreaterThan(older);
      else expect(newer).toBeCloseTo(older, 15); // both today or in the future: same age 0
    }
  });

  it('decays towards the base as time passes without contact, halving the evidence each half-life', () => {
    const interactions = [{ date: '2025-01-01', channel: 'IN_PERSON', sentiment: 'POSITIVE' }];
    let previous = 1;
    for (let days = 0; days <= 2000; days += 50) {
      const now = new Date(Date.UTC(2025, 0, 1 + days));
      const strength = relationshipStrength({ baseStrength: 0.2, interactions, now, halfLifeDays: 180 });
      expect(strength).toBeLessThan(previous);
      expect(strength).toBeGreaterThan(0.2);
      previous = strength;
    }
    const at = (days: number) =>
      relationshipStrength({ baseStrength: 0, interactions, now: new Date(Date.UTC(2025, 0, 1 + days)), halfLifeDays: 180 });
    // with b → MIN (0.01), −ln((1 − s)/(1 − b)) is proportional to E: one half-life halves it
    const evidence = (s: number) => -Math.log((1 - s) / (1 - 0.01));
    expect(evidence(at(180)) / evidence(at(0))).toBeCloseTo(0.5, 12);
  });

  it('orders channels IN_PERSON > CONGRESS > VIRTUAL > PHONE > EMAIL and sentiments POSITIVE > NEUTRAL > NEGATIVE', () => {
    const one = (channel: string, sentiment: string) =>
      relationshipStrength({ baseStrength: 0.3, interactions: [{ date: '2025-08-01', channel, sentiment }], now: NOW });
    const byChannel = CHANNELS.map((c) => one(c, 'NEUTRAL'));
    expect([...byChannel].sort((a, b) => b - a)).toEqual(byChannel);
    expect(new Set(byChannel).size).toBe(CHANNELS.length);
    expect(Object.keys(CHANNEL_WEIGHTS)).toEqual([...CHANNELS]);
    const bySentiment = SENTIMENTS.map((s) => one('VIRTUAL', s));
    expect(bySentiment[0]).toBeGreaterThan(bySentiment[1]);
    expect(bySentiment[1]).toBeGreaterThan(bySentiment[2]);
    expect(bySentiment[2]).toBeGreaterThan(0.3);
  });

  it('counts an interaction dated in the future as today, and an unknown channel as the weakest', () => {
    const today = relationshipStrength({ baseStrength: 0.3, interactions: [{ date: '2025-09-01', channel: 'PHONE' }], now: NOW });
    const future = relationshipStrength({ baseStrength: 0.3, interactions: [{ date: '2026-01-01', channel: 'PHONE' }], now: NOW });
    expect(future).toBe(today);
    const email = relationshipStrength({ baseStrength: 0.3, interactions: [{ date: '2025-09-01', channel: 'EMAIL' }], now: NOW });
    const fax = relationshipStrength({ baseStrength: 0.3, interactions: [{ date: '2025-09-01', channel: 'FAX' }], now: NOW });
    expect(fax).toBe(email);
  });
});

describe('strength as time passes (strengthAsOf: from the stored value, no interaction read)', () => {
  const day = dayOf(NOW);

  it('equals the formula evaluated later on the same history, for random histories, bases, half-lives and delays', () => {
    const r = random(99);
    for (let k = 0; k < 3000; k++) {
      const interactions = randomHistory(r);
      const baseStrength = 0.01 + r() * 0.98;
      const halfLifeDays = pick(r, [30, 90, 180, 365]);
      const later = day + Math.floor(r() * 2000);
      const stored = relationshipStrength({ baseStrength, interactions, now: NOW, halfLifeDays });
      const expected = relationshipStrength({ baseStrength, interactions, now: new Date(later * 86_400_000), halfLifeDays });
      expect(Math.abs(strengthAsOf({ strength: stored, baseStrength, computedDay: day }, later, halfLifeDays) - expected)).toBeLessThan(
        1e-12,
      );
    }
  });

  it('decays towards the base: never above the stored value, never below the base, halving the evidence each half-life', () => {
    const stored = relationshipStrength({
      baseStrength: 0.3,
      interactions: [{ date: '2025-09-01', channel: 'IN_PERSON', sentiment: 'POSITIVE' }],
      now: NOW,
    });
    const at = (days: number) => strengthAsOf({ strength: stored, baseStrength: 0.3, computedDay: day }, day + days);
    expect(at(0)).toBe(stored);
    expect(at(180)).toBeCloseTo(1 - 0.7 * Math.exp(-0.3 * 1.25 * 0.5), 12);
    for (let d = 1; d < 5000; d += 37) {
      expect(at(d)).toBeLessThanOrEqual(at(d - 1));
      expect(at(d)).toBeGreaterThanOrEqual(0.3);
    }
  });

  it('keeps a strength never recomputed from interactions (imported or set) as it is, and answers the stored value on or before the recomputation', () => {
    expect(strengthAsOf({ strength: 0.42, baseStrength: 0.42, computedDay: null }, day + 1000)).toBe(0.42);
    expect(strengthAsOf({ strength: 0.6, baseStrength: 0.3, computedDay: day }, day - 10)).toBe(0.6);
    // setMslRelationship after a recomputation sets strength = base: nothing left to decay.
    expect(strengthAsOf({ strength: 0.5, baseStrength: 0.5, computedDay: day }, day + 400)).toBe(0.5);
  });

  it('from the history counts only interactions up to the day asked', () => {
    const interactions: InteractionEvidence[] = [
      { date: '2025-01-10', channel: 'IN_PERSON', sentiment: 'POSITIVE' },
      { date: '2025-06-01', channel: 'EMAIL', sentiment: 'NEUTRAL' },
    ];
    const early = dayOf(new Date('2025-03-01T00:00:00Z'));
    expect(strengthFromHistory(0.3, interactions, early)).toBeCloseTo(
      relationshipStrength({ baseStrength: 0.3, interactions: interactions.slice(0, 1), now: new Date('2025-03-01T00:00:00Z') }),
      14,
    );
    expect(strengthFromHistory(0.3, interactions, dayOf(new Date('2025-01-09T00:00:00Z')))).toBeCloseTo(0.3, 14);
  });
});
