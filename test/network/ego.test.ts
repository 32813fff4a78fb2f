import { buildNetwork, UnknownNodeError } from '../../src/network/network';
import { egoNetwork } from '../../src/network/ego';

// Star around c: a (0.9, two links), b (0.5), d (0.2); e behind a (0.8), f behind d (0.9).
const net = buildNetwork({
  hcpIds: ['a', 'b', 'c', 'd', 'e', 'f'],
  links: [
    { source: 'c', target: 'a', type: 'COAUTHOR', weight: 0.9 },
    { source: 'a', target: 'c', type: 'REFERRAL', weight: 0.3 },
    { source: 'c', target: 'b', type: 'COLLEAGUE', weight: 0.5 },
    { source: 'd', target: 'c', type: 'MENTOR', weight: 0.2 },
    { source: 'a', target: 'b', type: 'COLLEAGUE', weight: 0.1 },
    { source: 'a', target: 'e', type: 'CO_INVESTIGATOR', weight: 0.8 },
    { source: 'd', target: 'f', type: 'COAUTHOR', weight: 0.9 },
  ],
  relationships: [],
});

describe('egoNetwork', () => {
  it('lists nodes closest first, then by strongest tie, with the ties among them', () => {
    const ego = egoNetwork(net, 'c', 2, 0, 10);
    expect(ego.nodes.map((n) => `${n.id}@${n.hops}`)).toEqual(['c@0', 'a@1', 'b@1', 'd@1', 'f@2', 'e@2']);
    expect(ego.nodes[1].index).toBe(0);
    expect(ego.edges).toEqual([
      { source: 'a', target: 'b', weight: 0.1, types: ['COLLEAGUE'] },
      { source: 'a', target: 'c', weight: 0.9, types: ['COAUTHOR', 'REFERRAL'] },
      { source: 'a', target: 'e', weight: 0.8, types: ['CO_INVESTIGATOR'] },
      { source: 'b', target: 'c', weight: 0.5, types: ['COLLEAGUE'] },
      { source: 'c', target: 'd', weight: 0.2, types: ['MENTOR'] },
      { source: 'd', target: 'f', weight: 0.9, types: ['COAUTHOR'] },
    ]);
  });

  it('caps the node count, keeping the closest and strongest, and drops edges to cut nodes', () => {
    const ego = egoNetwork(net, 'c', 2, 0, 3);
    expect(ego.nodes.map((n) => n.id)).toEqual(['c', 'a', 'b']);
    expect(ego.edges.map((e) => `${e.source}-${e.target}`)).toEqual(['a-b', 'a-c', 'b-c']);
  });

  it('ignores ties below minWeight for edges and for reaching nodes', () => {
    const ego = egoNetwork(net, 'c', 2, 0.3, 10);
    expect(ego.nodes.map((n) => n.id)).toEqual(['c', 'a', 'b', 'e']);
    expect(ego.edges.map((e) => `${e.source}-${e.target}`)).toEqual(['a-c', 'a-e', 'b-c']);
  });

  it('handles hops 0, maxNodes < 1 and unknown ids', () => {
    expect(egoNetwork(net, 'c', 0, 0, 10)).toEqual({ nodes: [{ id: 'c', index: 2, hops: 0 }], edges: [] });
    expect(egoNetwork(net, 'c', 2, 0, 0)).toEqual({ nodes: [], edges: [] });
    expect(() => egoNetwork(net, 'zz', 1, 0, 10)).toThrow(UnknownNodeError);
  });
});
