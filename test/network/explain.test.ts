import { bridgedCommunities, danglingRank, explainPageRank, transpose } from '../../src/network/explain';
import { buildNetwork } from '../../src/network/network';
import { outWeights, pageRank } from '../../src/network/pagerank';
import { contiguous } from '../../src/network/csr';

function explain(net: ReturnType<typeof buildNetwork>, id: string) {
  const rank = pageRank(net.directed);
  const out = outWeights(net.directed);
  return { rank, parts: explainPageRank(transpose(net.directed), out, rank, danglingRank(rank, out), net.hcpIndex.get(id)!) };
}

describe('transpose', () => {
  it('lists in-neighbours with their edge weights, rows sorted', () => {
    const reverse = transpose(
      contiguous(Int32Array.from([0, 2, 3, 3]), Int32Array.from([1, 2, 2]), { weights: Float64Array.from([0.5, 1, 2]) }),
    );
    expect(Array.from(reverse.offsets)).toEqual([0, 0, 1, 3]);
    expect(Array.from(reverse.targets)).toEqual([0, 0, 1]);
    expect(Array.from(reverse.weights)).toEqual([0.5, 1, 2]);
  });
});

describe('explainPageRank', () => {
  it('two HCPs tied both ways: each brings 0.85 · 0.5, the jump 0.15 / 2 (by hand)', () => {
    const net = buildNetwork({
      hcpIds: ['a', 'b'],
      links: [{ source: 'a', target: 'b', type: 'COLLEAGUE', weight: 0.3 }],
      relationships: [],
    });
    const { parts } = explain(net, 'a');
    expect(parts.inflows).toHaveLength(1);
    expect(parts.inflows[0].index).toBe(1);
    expect(parts.inflows[0].fraction).toBe(1);
    expect(parts.inflows[0].amount).toBeCloseTo(0.425, 10);
    expect(parts.teleport).toBeCloseTo(0.075, 15);
    expect(parts.dangling).toBe(0);
    expect(parts.total).toBeCloseTo(0.5, 10);
  });

  it('parts add up to PageRank, with referrals, weights and dangling HCPs; largest inflow first', () => {
    const net = buildNetwork({
      hcpIds: ['a', 'b', 'c', 'd', 'e'],
      links: [
        { source: 'a', target: 'c', type: 'REFERRAL', weight: 1 },
        { source: 'b', target: 'c', type: 'REFERRAL', weight: 0.2 },
        { source: 'b', target: 'd', type: 'MENTOR', weight: 0.8 },
        { source: 'd', target: 'c', type: 'COAUTHOR', weight: 0.5 },
      ],
      relationships: [],
    });
    const { rank, parts } = explain(net, 'c');
    expect(parts.total).toBeCloseTo(rank[2], 9);
    expect(parts.inflows.map((inflow) => net.hcpIds[inflow.index]).sort()).toEqual(['a', 'b', 'd']);
    for (let i = 1; i < parts.inflows.length; i++) expect(parts.inflows[i - 1].amount).toBeGreaterThanOrEqual(parts.inflows[i].amount);
    // b sends 0.2 to c and 0.8 to d; d sends 0.5 to c and 0.8 to b.
    expect(parts.inflows.find((inflow) => inflow.index === 1)!.fraction).toBeCloseTo(0.2, 12);
    expect(parts.inflows.find((inflow) => inflow.index === 3)!.fraction).toBeCloseTo(0.5 / 1.3, 12);
    // e has no link at all: dangling.
    expect(parts.dangling).toBeCloseTo((0.85 * rank[4]) / 5, 12);
    const shares =
      [...parts.inflows.map((inflow) => inflow.amount), parts.teleport, parts.dangling].reduce((s, x) => s + x, 0) / parts.total;
    expect(shares).toBeCloseTo(1, 14);
  });
});

describe('bridgedCommunities', () => {
  it('other communities reached, most ties first, then weight, then community', () => {
    const net = buildNetwork({
      hcpIds: ['a', 'b', 'c', 'd', 'e', 'f'],
      links: [
        { source: 'a', target: 'b', type: 'COLLEAGUE', weight: 1 },
        { source: 'a', target: 'c', type: 'COLLEAGUE', weight: 0.2 },
        { source: 'a', target: 'd', type: 'COLLEAGUE', weight: 0.3 },
        { source: 'a', target: 'e', type: 'COLLEAGUE', weight: 0.4 },
        { source: 'a', target: 'e', type: 'REFERRAL', weight: 0.5 },
        { source: 'a', target: 'f', type: 'COLLEAGUE', weight: 0.1 },
      ],
      relationships: [],
    });
    const membership = Int32Array.from([0, 0, 1, 1, 2, 3]);
    expect(bridgedCommunities(net.pairSums, membership, 0)).toEqual([
      { community: 1, ties: 2, weight: 0.5 },
      { community: 2, ties: 1, weight: 0.9 },
      { community: 3, ties: 1, weight: 0.1 },
    ]);
    expect(bridgedCommunities(net.pairSums, membership, 1)).toEqual([]);
  });
});
