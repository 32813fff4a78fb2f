import { TOLERANCE, maxWeightBMatching } from '../../src/network/b-matching';
import { seededRandom } from '../../src/network/random';

/** Every matching (each right to one left or none, capacities kept): the best total, then the least key sum. */
function bruteForce(weights: number[][], rights: number, capacity: number): { total: number; keys: number } {
  const lefts = weights.length;
  const largest = Math.max(0, ...weights.flat());
  const tolerance = largest * TOLERANCE;
  const used = new Array<number>(lefts).fill(0);
  let best = { total: 0, keys: 0 };
  const visit = (r: number, total: number, keys: number): void => {
    if (r === rights) {
      if (total > best.total + tolerance || (total >= best.total - tolerance && keys < best.keys)) best = { total, keys };
      return;
    }
    visit(r + 1, total, keys);
    for (let l = 0; l < lefts; l++) {
      if (used[l] >= capacity || !(weights[l][r] > 0)) continue;
      used[l]++;
      visit(r + 1, total + weights[l][r], keys + l * rights + r);
      used[l]--;
    }
  };
  visit(0, 0, 0);
  return best;
}

function keysOf(leftOf: Int32Array): number {
  let keys = 0;
  leftOf.forEach((l, r) => (keys += l >= 0 ? l * leftOf.length + r : 0));
  return keys;
}

function checkFeasible(weights: number[][], leftOf: Int32Array, capacity: number): void {
  const load = new Array<number>(weights.length).fill(0);
  leftOf.forEach((l, r) => {
    if (l < 0) return;
    expect(weights[l][r]).toBeGreaterThan(0);
    load[l]++;
  });
  load.forEach((n) => expect(n).toBeLessThanOrEqual(capacity));
}

function randomCase(random: () => number, integers: boolean) {
  const lefts = 1 + Math.floor(random() * 4);
  const rights = 1 + Math.floor(random() * 6);
  const capacity = Math.floor(random() * 3);
  const weights = Array.from({ length: lefts }, () =>
    Array.from({ length: rights }, () => {
      // A third of the pairs unreachable (weight 0); integer weights make many exact ties.
      if (random() < 0.33) return 0;
      return integers ? 1 + Math.floor(random() * 3) : random() * 1e-5;
    }),
  );
  return { weights, rights, capacity };
}

describe('maxWeightBMatching against brute force', () => {
  it('finds the optimum total on 600 random cases with real weights (capacity 0-2, 1-4 lefts, 1-6 rights)', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 600; i++) {
      const { weights, rights, capacity } = randomCase(random, false);
      const found = maxWeightBMatching(weights, rights, capacity);
      checkFeasible(weights, found.leftOf, capacity);
      const best = bruteForce(weights, rights, capacity);
      expect(Math.abs(found.total - best.total)).toBeLessThanOrEqual(1e-9 * Math.max(1e-300, ...weights.flat()));
    }
  });

  it('breaks ties as documented (least key sum) on 600 random cases with integer weights', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 600; i++) {
      const { weights, rights, capacity } = randomCase(random, true);
      const found = maxWeightBMatching(weights, rights, capacity);
      checkFeasible(weights, found.leftOf, capacity);
      const best = bruteForce(weights, rights, capacity);
      expect([found.total, keysOf(found.leftOf)]).toEqual([best.total, best.keys]);
    }
  });

  it('gives the same answer to the same input', () => {
    const random = seededRandom(3);
    const { weights, rights } = randomCase(random, true);
    expect(maxWeightBMatching(weights, rights, 2)).toEqual(maxWeightBMatching(weights, rights, 2));
  });

  it('moves an earlier pair when that raises the total (not greedy)', () => {
    // Greedy would give right 0 to left 0 (5) and leave right 1 without anyone (total 5).
    const found = maxWeightBMatching(
      [
        [5, 4],
        [4, 0],
      ],
      2,
      1,
    );
    expect(Array.from(found.leftOf)).toEqual([1, 0]);
    expect(found.total).toBe(8);
  });

  it('leaves unreachable and zero-value pairs unassigned', () => {
    const found = maxWeightBMatching([[0, Number.NaN, 3, -1, Infinity]], 5, 5);
    expect(Array.from(found.leftOf)).toEqual([-1, -1, 0, -1, -1]);
    expect(found.total).toBe(3);
  });

  it('assigns nothing with capacity 0, no lefts or no rights', () => {
    expect(maxWeightBMatching([[1, 2]], 2, 0)).toEqual({ leftOf: new Int32Array([-1, -1]), total: 0 });
    expect(maxWeightBMatching([], 2, 3)).toEqual({ leftOf: new Int32Array([-1, -1]), total: 0 });
    expect(maxWeightBMatching([[], []], 0, 3)).toEqual({ leftOf: new Int32Array([]), total: 0 });
  });

  it('prefers the lower left, then the lower right, on ties', () => {
    // Two equal lefts for one right: the lower one.
    expect(Array.from(maxWeightBMatching([[2], [2]], 1, 1).leftOf)).toEqual([0]);
    // One left of capacity 1, two equal rights: the lower right.
    expect(Array.from(maxWeightBMatching([[2, 2]], 2, 1).leftOf)).toEqual([0, -1]);
    // More lefts than rights, all equal: the two lowest lefts (which takes which is the search's order).
    expect(
      Array.from(
        maxWeightBMatching(
          [
            [1, 1],
            [1, 1],
            [1, 1],
          ],
          2,
          1,
        ).leftOf,
      ).sort(),
    ).toEqual([0, 1]);
    // More rights than capacity, all equal: the two lowest rights.
    const { leftOf } = maxWeightBMatching(
      [
        [1, 1, 1, 1],
        [1, 1, 1, 1],
      ],
      4,
      1,
    );
    expect(Array.from(leftOf).map((l) => l >= 0)).toEqual([true, true, false, false]);
    // Equal totals with more or fewer pairs: the fewer (the key sum is less).
    expect(
      Array.from(
        maxWeightBMatching(
          [
            [2, 1],
            [1, 0],
          ],
          2,
          1,
        ).leftOf,
      ),
    ).toEqual([0, -1]);
  });

  it('solves 100 rights x 50 lefts in well under a second', () => {
    const random = seededRandom(5);
    const weights = Array.from({ length: 50 }, () => Array.from({ length: 100 }, () => (random() < 0.5 ? 0 : random())));
    const started = Date.now();
    const found = maxWeightBMatching(weights, 100, 2);
    expect(Date.now() - started).toBeLessThan(1000);
    checkFeasible(weights, found.leftOf, 2);
  });
});
