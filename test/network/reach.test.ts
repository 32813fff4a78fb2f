import { buildNetwork, UnknownNodeError } from '../../src/network/network';
import { networkReach } from '../../src/network/reach';
import { loadOracle } from './oracle';

describe('networkReach on oracle network-400', () => {
  const { input, expected } = loadOracle('network-400');
  const net = buildNetwork(input);
  const cases = expected.networkReach ?? [];

  it('has cases from HCPs and from MSLs', () => {
    expect(cases.some((c) => c.fromId.startsWith('msl-'))).toBe(true);
    expect(cases.some((c) => c.fromId.startsWith('hcp-'))).toBe(true);
  });

  it.each(cases.map((c) => [`${c.fromId} within ${c.maxHops}`, c] as const))('%s', (_, c) => {
    expect(networkReach(net, c.fromId, c.maxHops)).toEqual({ total: c.total, byHop: c.byHop });
  });
});

describe('networkReach semantics', () => {
  // m knows a and d; a -> b (referral, still walkable backwards), b - c; d isolated.
  const net = buildNetwork({
    hcpIds: ['a', 'b', 'c', 'd', 'e'],
    links: [
      { source: 'b', target: 'a', type: 'REFERRAL', weight: 0.2 },
      { source: 'b', target: 'c', type: 'COLLEAGUE', weight: 0.9 },
      { source: 'a', target: 'c', type: 'MENTOR', weight: 0.4 },
      { source: 'c', target: 'a', type: 'COAUTHOR', weight: 0.4 },
    ],
    relationships: [
      { mslId: 'm', hcpId: 'a', strength: 0.5 },
      { mslId: 'm', hcpId: 'd', strength: 0.5 },
    ],
    mslIds: ['m', 'lonely'],
  });

  it('counts by shortest distance, either direction, start excluded, zeros included', () => {
    expect(networkReach(net, 'a', 4)).toEqual({
      total: 2,
      byHop: [
        { hops: 1, count: 2 },
        { hops: 2, count: 0 },
        { hops: 3, count: 0 },
        { hops: 4, count: 0 },
      ],
    });
  });

  it('starts an MSL with its relationships as the first hop', () => {
    expect(networkReach(net, 'm', 2)).toEqual({
      total: 4,
      byHop: [
        { hops: 1, count: 2 },
        { hops: 2, count: 2 },
      ],
    });
    expect(networkReach(net, 'm', 1)).toEqual({ total: 2, byHop: [{ hops: 1, count: 2 }] });
  });

  it('handles isolated nodes, MSLs without relationships and maxHops < 1', () => {
    expect(networkReach(net, 'e', 2)).toEqual({
      total: 0,
      byHop: [
        { hops: 1, count: 0 },
        { hops: 2, count: 0 },
      ],
    });
    expect(networkReach(net, 'lonely', 1)).toEqual({ total: 0, byHop: [{ hops: 1, count: 0 }] });
    expect(networkReach(net, 'a', 0)).toEqual({ total: 0, byHop: [] });
  });

  it('gives the same answer on repeated calls (reused scratch)', () => {
    const first = networkReach(net, 'b', 3);
    networkReach(net, 'm', 3);
    expect(networkReach(net, 'b', 3)).toEqual(first);
  });

  it('rejects unknown ids', () => {
    expect(() => networkReach(net, 'nobody', 2)).toThrow(UnknownNodeError);
  });
});
