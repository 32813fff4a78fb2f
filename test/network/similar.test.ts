import { buildNetwork, UnknownNodeError } from '../../src/network/network';
import { similarHcps } from '../../src/network/similar';

const net = buildNetwork({
  hcpIds: ['a', 'b', 'c', 'd', 'e', 'x', 'y'],
  links: [
    { source: 'a', target: 'c', type: 'COAUTHOR', weight: 1 },
    { source: 'a', target: 'd', type: 'COLLEAGUE', weight: 1 },
    { source: 'e', target: 'a', type: 'REFERRAL', weight: 0.3 },
    { source: 'b', target: 'c', type: 'MENTOR', weight: 0.5 },
    { source: 'b', target: 'd', type: 'REFERRAL', weight: 0.5 },
    { source: 'd', target: 'b', type: 'COLLEAGUE', weight: 0.5 },
    { source: 'x', target: 'c', type: 'COAUTHOR', weight: 1 },
    { source: 'c', target: 'y', type: 'COAUTHOR', weight: 1 },
  ],
  relationships: [],
});
const ids = (rows: { index: number }[]) => rows.map((row) => net.hcpIds[row.index]);

describe('similarHcps (NETWORK)', () => {
  it('Jaccard of the tied HCPs, any type, either direction, parallel links counted once', () => {
    // N(a) = {c, d, e}; N(b) = {c, d}: 2/3; N(x) = N(y) = {c}: 1/3; N(c), N(d), N(e) share nothing with a.
    expect(similarHcps(net, 'a', 10)).toEqual([
      { index: 1, score: 2 / 3, shared: 2 },
      { index: 5, score: 1 / 3, shared: 1 },
      { index: 6, score: 1 / 3, shared: 1 },
    ]);
  });

  it('equal scores by id, cut at first', () => {
    // From x (N = {c}): y = 1, b = 1/2, a = 1/3; from y, x first.
    expect(similarHcps(net, 'x', 10).map((row) => [net.hcpIds[row.index], row.score])).toEqual([
      ['y', 1],
      ['b', 1 / 2],
      ['a', 1 / 3],
    ]);
    expect(ids(similarHcps(net, 'a', 2))).toEqual(['b', 'x']);
    expect(ids(similarHcps(net, 'a', 10)).slice(1)).toEqual(['x', 'y']);
  });

  it('unknown id', () => {
    expect(() => similarHcps(net, 'nobody', 10)).toThrow(UnknownNodeError);
  });
});

describe('similarHcps (PROFILE)', () => {
  const profiles = {
    areas: [['onc'], ['onc', 'card'], [], [], ['card'], ['onc'], []],
    institutions: [['i1'], ['i2'], [], ['i1'], [], [], []],
  };

  it('blends tied HCPs, areas and institutions; candidates share any of them', () => {
    const rows = similarHcps(net, 'a', 10, 'PROFILE', profiles);
    const byId = Object.fromEntries(rows.map((row) => [net.hcpIds[row.index], row]));
    expect(byId.b.score).toBeCloseTo(0.6 * (2 / 3) + 0.25 * 0.5, 12);
    expect(byId.x.score).toBeCloseTo(0.6 * (1 / 3) + 0.25, 12);
    expect(byId.d.score).toBeCloseTo(0.15, 12);
    expect(byId.d.shared).toBe(0);
    expect(byId.y.score).toBeCloseTo(0.6 * (1 / 3), 12);
    expect(ids(rows)).toEqual(['b', 'x', 'y', 'd']);
  });
});
