import { rankOrder } from '../../src/network/rank-order';
import { seededRandom } from '../../src/network/random';

/** Scores with exact ties and near-ties (within 1e-10): what PageRank's rank orders meet. */
function scoresWithTies(n: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: n }, () => {
    const level = Math.floor(random() * 50) / 1e4;
    return random() < 0.3 ? level : level + random() * 1e-10;
  });
}

describe('rankOrder', () => {
  const n = 5000;
  const scores = scoresWithTies(n, 11);
  const expected = Array.from(rankOrder(scores, 1e-10));

  it('from a nearly sorted previous order (a few nodes moved), from the identity and from the reverse: the same order', () => {
    const random = seededRandom(12);
    const nearly = Int32Array.from(expected);
    for (let k = 0; k < 40; k++) {
      const [i, j] = [Math.floor(random() * n), Math.floor(random() * n)];
      [nearly[i], nearly[j]] = [nearly[j], nearly[i]];
    }
    const identity = Int32Array.from({ length: n }, (_, v) => v);
    const reversed = Int32Array.from(expected).reverse();
    for (const from of [nearly, identity, reversed]) expect(Array.from(rankOrder(scores, 1e-10, from))).toEqual(expected);
    // The scores changed a little (as after an edit), sorted from the order before.
    const changed = Float64Array.from(scores, (x, v) => (v % 97 === 0 ? x * 1.01 : x));
    expect(Array.from(rankOrder(changed, 1e-10, Int32Array.from(expected)))).toEqual(Array.from(rankOrder(changed, 1e-10)));
  });
});
