import { COMPOSITE_WEIGHTS, percentiles } from '../../src/network/snapshot';
import { rankOrder } from '../../src/network/rank-order';

describe('percentiles', () => {
  it('maps values to mid-rank percentiles in 0..1, ties sharing one', () => {
    expect(Array.from(percentiles(Float64Array.from([10, 30, 20])))).toEqual([0, 1, 0.5]);
    expect(Array.from(percentiles(Float64Array.from([5, 5, 5])))).toEqual([0.5, 0.5, 0.5]);
    expect(Array.from(percentiles(Float64Array.from([1, 2, 2, 3])))).toEqual([0, 0.5, 0.5, 1]);
  });

  it('handles one and no values', () => {
    expect(Array.from(percentiles(Float64Array.from([7])))).toEqual([1]);
    expect(Array.from(percentiles(new Float64Array(0)))).toEqual([]);
  });
});

describe('rankOrder', () => {
  it('orders by descending score, equal scores by ascending index (= id)', () => {
    expect(Array.from(rankOrder(Float64Array.from([0.2, 0.5, 0.2, 0.1])))).toEqual([1, 0, 2, 3]);
  });

  it('with a tolerance, ranks scores closer than it by index, whichever is computed larger', () => {
    // An exact tie computed 4e-11 apart, one way in a cold run and the other way warm-started.
    expect(Array.from(rankOrder(Float64Array.from([0.1, 0.3, 0.3 + 4e-11, 0.5]), 1e-10))).toEqual([3, 1, 2, 0]);
    expect(Array.from(rankOrder(Float64Array.from([0.1, 0.3 + 4e-11, 0.3, 0.5]), 1e-10))).toEqual([3, 1, 2, 0]);
    // A run of near-equal neighbours is one group; larger gaps keep the order of scores.
    expect(Array.from(rankOrder(Float64Array.from([0.3, 0.3 + 8e-11, 0.3 + 16e-11, 0.3 + 1e-9]), 1e-10))).toEqual([3, 0, 1, 2]);
    expect(Array.from(rankOrder(Float64Array.from([0.3, 0.3 + 4e-11]), 0))).toEqual([1, 0]);
    // Sorted from another permutation (the order before an edit): the same order.
    const scores = Float64Array.from([0.3, 0.1, 0.3 + 8e-11, 0.5, 0.1, 0.3 + 16e-11]);
    expect(Array.from(rankOrder(scores, 1e-10, Int32Array.from([5, 4, 3, 2, 1, 0])))).toEqual(Array.from(rankOrder(scores, 1e-10)));
  });
});

describe('COMPOSITE_WEIGHTS', () => {
  it('sum to 1', () => {
    const total = Object.values(COMPOSITE_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
  });
});
