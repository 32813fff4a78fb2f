/**
 * Timings of the in-memory network algorithms on a seeded random network shaped like a
 * large customer: 100k HCPs, 1M links, power-law-ish degrees, community structure.
 *
 *   npx ts-node --transpile-only bench/network-algorithms.ts [hcps] [links]
 *
 * Betweenness is O(n·m), so it is timed on a 10% network and extrapolated (×100).
 */
import { performance } from 'perf_hooks';
import { betweenness } from '../src/network/betweenness';
import { louvain } from '../src/network/louvain';
import { buildNetwork, NetworkInput, NetworkLink, MslRelationship } from '../src/network/network';
import { pageRank } from '../src/network/pagerank';
import { introductionPaths } from '../src/network/paths';
import { Random, seededRandom } from '../src/network/random';
import { networkReach } from '../src/network/reach';
import { LINK_TYPES } from '../src/vocabulary';

const COMMUNITY_SIZE = 100;
/** Share of links that stay inside the source's community. */
const LOCAL_SHARE = 0.7;
const MSLS = 500;
const RELATIONSHIPS_PER_MSL = 40;

function main(): void {
  const hcps = Number(process.argv[2] ?? 100_000);
  const links = Number(process.argv[3] ?? 1_000_000);
  const input = generate(seededRandom(2024), hcps, links);
  console.log(`network: ${hcps} HCPs, ${links} links, ${MSLS} MSLs × ${RELATIONSHIPS_PER_MSL} relationships`);

  const net = timed('buildNetwork', () => buildNetwork(input));
  timed('pageRank (all links)', () => pageRank(net.directed));
  const random = seededRandom(7);
  const pick = (ids: readonly string[]): string => ids[Math.floor(random() * ids.length)];
  timed('introductionPaths first call (builds cost table)', () => introductionPaths(net, pick(net.mslIds), pick(net.hcpIds), 4, 3));
  const found: number[] = [];
  report(
    'introductionPaths maxHops 4, first 3 (100 random)',
    sample(100, () => found.push(introductionPaths(net, pick(net.mslIds), pick(net.hcpIds), 4, 3).length)),
  );
  console.log(`  queries with 3 paths: ${found.filter((n) => n === 3).length}, with none: ${found.filter((n) => n === 0).length}`);
  report(
    'introductionPaths maxHops 4, first 10 (100 random)',
    sample(100, () => introductionPaths(net, pick(net.mslIds), pick(net.hcpIds), 4, 10)),
  );
  report(
    'networkReach maxHops 2 (100 random HCPs)',
    sample(100, () => networkReach(net, pick(net.hcpIds), 2)),
  );
  report(
    'networkReach maxHops 3 (100 random HCPs)',
    sample(100, () => networkReach(net, pick(net.hcpIds), 3)),
  );
  const communities = timed('louvain (default runs)', () => louvain(net.pairSums));
  console.log(`  modularity ${communities.modularity.toFixed(4)}, communities ${new Set(communities.membership).size}`);

  const small = buildNetwork(generate(seededRandom(99), hcps / 10, links / 10));
  const cpu = process.cpuUsage();
  timed(`betweenness on ${hcps / 10} HCPs / ${links / 10} links`, () => betweenness(small.ties));
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  console.log(`  → ~${((seconds * 100) / 60).toFixed(0)} min single-threaded at full size (O(n·m): ×100)`);
}

function generate(random: Random, hcps: number, links: number): NetworkInput {
  const hcpIds = Array.from({ length: hcps }, (_, i) => `hcp-${String(i).padStart(6, '0')}`);
  const popular = powerLawSampler(random, hcps);
  const rows: NetworkLink[] = [];
  for (let k = 0; k < links; k++) {
    const source = popular();
    const community = source - (source % COMMUNITY_SIZE);
    const target = random() < LOCAL_SHARE ? Math.min(hcps - 1, community + Math.floor(random() * COMMUNITY_SIZE)) : popular();
    rows.push({
      source: hcpIds[source],
      target: hcpIds[target],
      type: LINK_TYPES[Math.floor(random() * LINK_TYPES.length)],
      weight: Math.round((0.05 + 0.95 * random()) * 1000) / 1000,
    });
  }
  const mslIds = Array.from({ length: MSLS }, (_, i) => `msl-${String(i).padStart(4, '0')}`);
  const relationships: MslRelationship[] = mslIds.flatMap((mslId) =>
    Array.from({ length: RELATIONSHIPS_PER_MSL }, () => ({
      mslId,
      hcpId: hcpIds[popular()],
      strength: Math.round((0.1 + 0.9 * random()) * 1000) / 1000,
    })),
  );
  return { hcpIds, links: rows.filter((row) => row.source !== row.target), relationships, mslIds };
}

/** Node i drawn with probability ∝ (i + 10)^−0.8: a few hubs, a long tail (Chung–Lu style). */
function powerLawSampler(random: Random, n: number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative[i] = sum += (i + 10) ** -0.8;
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Wall and CPU time: on a shared machine the CPU time is the steadier figure. */
function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms)`);
  return result;
}

function sample(times: number, run: () => unknown): number[] {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b);
}

function report(label: string, sorted: number[]): void {
  const at = (q: number): string => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  console.log(`${label}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
}

main();
