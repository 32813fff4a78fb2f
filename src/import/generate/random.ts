/**
 * The generator's randomness: one seeded sequence (mulberry32, shared with the network
 * algorithms) drawn through small helpers, so the same seed gives the same network everywhere.
 * Every draw advances the one sequence: the order of the draws is part of the output.
 */
import { seededRandom } from '../../network/random';

export { seededRandom };

export class Rng {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Index drawn with probability proportional to `weights`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

/** Draws members of a group with probability proportional to their weight (binary search). */
export class Sampler {
  private readonly cumulative: Float64Array;
  constructor(
    readonly members: readonly number[],
    weight: (member: number) => number,
  ) {
    this.cumulative = new Float64Array(members.length);
    let sum = 0;
    for (let i = 0; i < members.length; i++) {
      sum += weight(members[i]);
      this.cumulative[i] = sum;
    }
  }
  get size(): number {
    return this.members.length;
  }
  draw(rng: Rng): number {
    const c = this.cumulative;
    const x = rng.next() * c[c.length - 1];
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.members[lo];
  }
  uniform(rng: Rng): number {
    return this.members[rng.int(this.members.length)];
  }
}

/** A set of non-negative integers below 2^53: open addressing over a Float64Array (fast, no boxing). */
export class IntSet {
  private table: Float64Array;
  private count = 0;
  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.table = new Float64Array(size).fill(-1);
  }
  /** Adds `key`; false when it was already there. */
  add(key: number): boolean {
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    let i = IntSet.hash(key) & mask;
    for (;;) {
      const v = this.table[i];
      if (v === -1) {
        this.table[i] = key;
        this.count += 1;
        return true;
      }
      if (v === key) return false;
      i = (i + 1) & mask;
    }
  }
  private static hash(key: number): number {
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }
  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2).fill(-1);
    this.count = 0;
    for (const v of old) if (v !== -1) this.add(v);
  }
}

/** The narrower sampler when it has members, else the fallback. */
export function narrowOr(narrow: Sampler | null, fallback: Sampler | null): Sampler {
  return narrow && narrow.size > 1 ? narrow : fallback!;
}
