import { betweenness } from '../../src/network/betweenness';
import { accumulateSlice, parallelBetweenness } from '../../src/network/betweenness-parallel';
import { buildNetwork } from '../../src/network/network';
import { seededRandom } from '../../src/network/random';

function randomNetwork(n: number, links: number, seed: number) {
  const random = seededRandom(seed);
  const hcpIds = Array.from({ length: n }, (_, i) => `h${String(i).padStart(6, '0')}`);
  const list = Array.from({ length: links }, () => ({
    source: hcpIds[Math.floor(random() * n)],
    target: hcpIds[Math.floor(random() * n)],
    type: 'COAUTHOR' as const,
    weight: 0.5,
  })).filter((l) => l.source !== l.target);
  return buildNetwork({ hcpIds, links: list, relationships: [] });
}

describe('parallelBetweenness', () => {
  it('equals the single-threaded result when split into worker threads', async () => {
    const net = randomNetwork(3500, 9000, 7);
    const expected = betweenness(net.ties);
    const got = await parallelBetweenness(net.ties, 2);
    let maxError = 0;
    for (let v = 0; v < expected.length; v++) maxError = Math.max(maxError, Math.abs(got[v] - expected[v]));
    expect(maxError).toBeLessThan(1e-12);
  });

  it('slices cover every source exactly once', () => {
    const net = randomNetwork(200, 600, 3);
    const share = (a: Int32Array) => {
      const buffer = new SharedArrayBuffer(a.byteLength);
      new Int32Array(buffer).set(a);
      return buffer;
    };
    const job = { offsets: share(net.ties.offsets), targets: share(net.ties.targets) };
    const parts = [0, 1, 2].map((worker) => accumulateSlice({ ...job, worker, workers: 3 }));
    const whole = accumulateSlice({ ...job, worker: 0, workers: 1 });
    for (let v = 0; v < whole.length; v++) expect(parts[0][v] + parts[1][v] + parts[2][v]).toBeCloseTo(whole[v], 9);
  });

  it('computes small graphs inline', async () => {
    const net = randomNetwork(50, 120, 1);
    expect(Array.from(await parallelBetweenness(net.ties, 2))).toEqual(Array.from(betweenness(net.ties)));
  });
});
