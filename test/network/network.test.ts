import { WeightedGraph } from '../../src/network/csr';
import { buildNetwork, degrees, hcpIndexOf, linkTypesOf, mslIndexOf, NetworkInput, UnknownNodeError } from '../../src/network/network';

/** The rows of a CSR graph as `from>to:weight` strings, for readable assertions. */
function rows(graph: WeightedGraph, ids: readonly string[], targetIds: readonly string[] = ids): string[] {
  const out: string[] = [];
  for (let v = 0; v < graph.offsets.length - 1; v++) {
    for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) out.push(`${ids[v]}>${targetIds[graph.targets[e]]}:${graph.weights[e]}`);
  }
  return out;
}

const input: NetworkInput = {
  hcpIds: ['c', 'a', 'b', 'd', 'a'],
  links: [
    { source: 'a', target: 'b', type: 'COAUTHOR', weight: 0.5 },
    { source: 'b', target: 'a', type: 'REFERRAL', weight: 0.75 },
    { source: 'a', target: 'b', type: 'COLLEAGUE', weight: 0.25 },
    { source: 'b', target: 'c', type: 'REFERRAL', weight: 0.5 },
    { source: 'c', target: 'zz', type: 'MENTOR', weight: 1 },
  ],
  relationships: [
    { mslId: 'm2', hcpId: 'c', strength: 0.9 },
    { mslId: 'm1', hcpId: 'b', strength: 0.3 },
    { mslId: 'm1', hcpId: 'a', strength: 0.6 },
    { mslId: 'm1', hcpId: 'nobody', strength: 0.6 },
  ],
};

describe('buildNetwork', () => {
  const net = buildNetwork(input);

  it('sorts and de-duplicates ids; index order is id order', () => {
    expect(net.hcpIds).toEqual(['a', 'b', 'c', 'd']);
    expect(hcpIndexOf(net, 'c')).toBe(2);
    expect(net.mslIds).toEqual(['m1', 'm2']);
    expect(mslIndexOf(net, 'm2')).toBe(1);
  });

  it('ties: undirected, one per pair, weight = largest link, types of every link', () => {
    expect(rows(net.ties, net.hcpIds)).toEqual(['a>b:0.75', 'b>a:0.75', 'b>c:0.5', 'c>b:0.5']);
    expect(linkTypesOf(net.tieTypes[0])).toEqual(['COAUTHOR', 'COLLEAGUE', 'REFERRAL']);
    expect(linkTypesOf(net.tieTypes[2])).toEqual(['REFERRAL']);
  });

  it('pair sums: the same pairs with the sum of the link weights', () => {
    expect(rows(net.pairSums, net.hcpIds)).toEqual(['a>b:1.5', 'b>a:1.5', 'b>c:0.5', 'c>b:0.5']);
  });

  it('directed: symmetric links both ways, referrals one way, same ordered pair adds up', () => {
    expect(rows(net.directed, net.hcpIds)).toEqual(['a>b:0.75', 'b>a:1.5', 'b>c:0.5']);
  });

  it('ignores links and relationships to unknown HCPs', () => {
    expect(net.links.source).toHaveLength(4);
    expect(rows(net.msl, net.mslIds, net.hcpIds)).toEqual(['m1>a:0.6', 'm1>b:0.3', 'm2>c:0.9']);
  });

  it('degree counts distinct neighbours either direction; isolated nodes have 0', () => {
    expect(Array.from(degrees(net))).toEqual([1, 2, 1, 0]);
  });

  it('throws UnknownNodeError carrying the id', () => {
    expect(() => hcpIndexOf(net, 'm1')).toThrow(UnknownNodeError);
    expect(() => mslIndexOf(net, 'a')).toThrow(expect.objectContaining({ id: 'a' }));
  });

  it('knows MSLs without relationships when mslIds is given, and only those', () => {
    const withMsls = buildNetwork({ ...input, mslIds: ['m3', 'm1'] });
    expect(withMsls.mslIds).toEqual(['m1', 'm3']);
    expect(rows(withMsls.msl, withMsls.mslIds, withMsls.hcpIds)).toEqual(['m1>a:0.6', 'm1>b:0.3']);
  });

  it('drops self-links from ties but keeps them in the PageRank graph', () => {
    const looped = buildNetwork({ hcpIds: ['a'], links: [{ source: 'a', target: 'a', type: 'COAUTHOR', weight: 0.5 }], relationships: [] });
    expect(rows(looped.ties, looped.hcpIds)).toEqual([]);
    expect(rows(looped.directed, looped.hcpIds)).toEqual(['a>a:0.5']);
  });

  it('builds the empty network', () => {
    const empty = buildNetwork({ hcpIds: [], links: [], relationships: [] });
    expect(empty.ties.offsets).toEqual(new Int32Array([0]));
    expect(degrees(empty)).toHaveLength(0);
  });
});
