import { COMPOSITE_WEIGHTS, percentiles, rankOrder } from '../../src/network/snapshot';

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
});

describe('COMPOSITE_WEIGHTS', () => {
  it('sum to 1', () => {
    const total = Object.values(COMPOSITE_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
  });
});
