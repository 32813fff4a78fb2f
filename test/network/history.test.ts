import { ScienceHistory, collaborationGraph, newTies, risingStars, tiedPercentiles } from '../../src/network/history';

/** Hand-computed: 4 HCPs (0..3), a paper of 0,1,2 in 2010, a trial of 2,3 in 2015, an undated work is never given. */
const history = new ScienceHistory(4, [
  { kind: 'TRIAL', year: 2015, members: [2, 3] },
  { kind: 'PUBLICATION', year: 2010, members: [0, 1, 2] },
]);

describe('collaborationGraph', () => {
  it('each pair of a k-HCP work gets 1/(k − 1), summed over works, both ways', () => {
    const g = collaborationGraph(3, [
      { kind: 'PUBLICATION', year: 1, members: [0, 1, 2] },
      { kind: 'PUBLICATION', year: 2, members: [0, 1] },
    ]);
    expect(Array.from(g.offsets)).toEqual([0, 2, 4, 6]);
    expect(Array.from(g.targets)).toEqual([1, 2, 0, 2, 0, 1]);
    expect(Array.from(g.weights)).toEqual([1.5, 0.5, 1.5, 0.5, 0.5, 0.5]);
  });
});

describe('tiedPercentiles', () => {
  it('mid-rank 0..100, near-equal values share one', () => {
    expect(Array.from(tiedPercentiles(Float64Array.from([0.2, 0.1, 0.1 * (1 + 1e-12), 0.5])))).toEqual([200 / 3, 50 / 3, 50 / 3, 100]);
  });
});

describe('ScienceHistory', () => {
  it('as of a year counts only works dated up to it', () => {
    expect(history.asOf(2009).graph.targets.length).toBe(0);
    // Before any work every HCP is isolated: same PageRank, same percentile (mid-rank 1.5 of 0..3).
    expect(Array.from(history.asOf(2009).percentile)).toEqual([50, 50, 50, 50]);
    expect(history.asOf(2012).graph.targets.length).toBe(6);
    expect(history.asOf(2020).graph.targets.length).toBe(8);
    expect(history.asOf(2012)).toBe(history.asOf(2014));
    expect(history.span()).toEqual({ first: 2010, last: 2015 });
  });

  it('2012: the triangle 0,1,2 outranks the isolated 3 (by hand: 3 gets only the jump and the dangling share)', () => {
    const { pagerank, percentile } = history.asOf(2012);
    // Triangle members are symmetric: r; isolated 3: s. s = 0.15/4 + 0.85·s/4 -> s = 0.15 / (4 − 0.85).
    const s = 0.15 / (4 - 0.85);
    expect(pagerank[3]).toBeCloseTo(s, 9);
    expect(pagerank[0]).toBeCloseTo((1 - s) / 3, 9);
    expect(Array.from(percentile)).toEqual([200 / 3, 200 / 3, 200 / 3, 0]);
  });

  it('rising stars 2012 -> 2015: 2 becomes the hub; 3 joins but stays last, so it did not rise', () => {
    const stars = risingStars(history, 2012, 2015, 10);
    expect(stars.map((s) => s.index)).toEqual([2]);
    expect(stars[0]).toMatchObject({ percentileFrom: 200 / 3, percentileTo: 100, trials: 1, publications: 0, newTies: 1 });
    expect(stars[0].growth).toBeCloseTo(100 / 3, 12);
    expect(history.asOf(2015).percentile[3]).toBe(0);
    expect(risingStars(history, 2009, 2012, 10).map((s) => s.index)).toEqual([0, 1, 2]);
    expect(risingStars(history, 2009, 2012, 10)[0]).toMatchObject({ publications: 1, trials: 0, newTies: 2 });
    expect(risingStars(history, 2012, 2015, 10, (v) => v !== 2)).toEqual([]);
    expect(risingStars(history, 2009, 2012, 1)).toHaveLength(1);
  });

  it('newTies compares sorted rows', () => {
    expect(newTies(history.asOf(2012).graph, history.asOf(2015).graph, 2)).toBe(1);
    expect(newTies(history.asOf(2009).graph, history.asOf(2015).graph, 2)).toBe(3);
  });
});
