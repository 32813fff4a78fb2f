/**
 * PageRank and betweenness: our implementations (src/network) vs networkx on the same graphs.
 *
 * - PageRank: the PageRank graph of the projection (`net.directed`, symmetric links both ways,
 *   referrals source -> target, weights summed per ordered pair) exported as an edge list, so
 *   networkx computes on exactly our graph. Ours is timed with its production tolerance (L1
 *   change < 1e-10, much stricter) and with networkx's stopping rule (L1 change < n·1e-6).
 * - Betweenness is O(n·m): on the full network it is timed on `k` sampled sources (the k-source
 *   estimate networkx offers as `betweenness_centrality(G, k=...)`), the same sources on both
 *   sides, and the full computation extrapolated (× n / k).
 * Graph construction on either side is not timed. Both sides' scores are compared.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accumulateBetweenness } from '../../src/network/betweenness';
import { HcpNetwork } from '../../src/network/network';
import { pageRank } from '../../src/network/pagerank';
import { measure, round, seededRandom } from './stats';

export interface AlgorithmComparison {
  nodes: number;
  pagerank: {
    edges: number;
    oursMs: number;
    oursCpuMs: number;
    oursAtNetworkxToleranceMs: number;
    networkxMs: number | null;
    /** networkx time / our time (production tolerance). */
    speedup: number | null;
    speedupAtSameTolerance: number | null;
    /** networkx iterated to our tolerance (L1 change < 1e-10). */
    networkxConvergedMs: number | null;
    speedupConverged: number | null;
    /** Against networkx's default result (it stops at an L1 change below n·1e-6, far from converged at 100k nodes). */
    maxAbsDifference: number | null;
    /** Against networkx iterated to our tolerance: the correctness check. */
    maxAbsDifferenceConverged: number | null;
  };
  betweenness: {
    ties: number;
    sources: number;
    oursMs: number;
    oursCpuMs: number;
    networkxMs: number | null;
    speedup: number | null;
    oursFullEstimateSec: number;
    networkxFullEstimateSec: number | null;
    maxRelativeDifference: number | null;
  };
  networkx: { available: boolean; error?: string; python?: string; networkx?: string; scipy?: string | null };
}

export async function compareAlgorithms(net: HcpNetwork, sampleSources: number, seed: number): Promise<AlgorithmComparison> {
  const n = net.hcpIds.length;
  const random = seededRandom(seed);
  const k = Math.min(n, sampleSources);
  const sources = sampleOf(n, k, random);

  const ours = await measure(() => pageRank(net.directed));
  const oursLoose = await measure(() => pageRank(net.directed, { tolerance: n * 1e-6 }));
  const raw = new Float64Array(n);
  const brandes = await measure(() => {
    for (const s of sources) accumulateBetweenness(net.ties, s, s + 1, raw);
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-bench-nx-'));
  try {
    const job = {
      nodes: n,
      pagerankEdges: path.join(dir, 'directed.txt'),
      tieEdges: path.join(dir, 'ties.txt'),
      pagerankOut: path.join(dir, 'pagerank.json'),
      pagerankConvergedOut: path.join(dir, 'pagerank-converged.json'),
      betweennessOut: path.join(dir, 'betweenness.json'),
      sources,
    };
    writeEdges(job.pagerankEdges, net.directed.offsets, net.directed.targets, net.directed.weights, false);
    writeEdges(job.tieEdges, net.ties.offsets, net.ties.targets, null, true);
    fs.writeFileSync(path.join(dir, 'job.json'), JSON.stringify(job));
    const script = path.join(__dirname, 'networkx_bench.py');
    const python = spawnSync('python3', [script, path.join(dir, 'job.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    let nx: {
      python: string;
      networkx: string;
      scipy: string | null;
      pagerankMs: number;
      pagerankConvergedMs: number;
      betweennessMs: number;
    } | null = null;
    let error: string | undefined;
    if (python.error) error = `python3 not runnable: ${python.error.message}`;
    else if (python.status !== 0) error = (python.stderr || '').trim().split('\n').slice(-1)[0] || `exit ${python.status}`;
    else nx = JSON.parse(python.stdout.trim().split('\n').slice(-1)[0]);

    const nxRank = nx ? (JSON.parse(fs.readFileSync(job.pagerankOut, 'utf8')) as number[]) : null;
    const nxConverged = nx ? (JSON.parse(fs.readFileSync(job.pagerankConvergedOut, 'utf8')) as number[]) : null;
    const nxRaw = nx ? (JSON.parse(fs.readFileSync(job.betweennessOut, 'utf8')) as number[]) : null;
    return {
      nodes: n,
      pagerank: {
        edges: net.directed.targets.length,
        oursMs: ours.ms,
        oursCpuMs: ours.cpuMs,
        oursAtNetworkxToleranceMs: oursLoose.ms,
        networkxMs: nx ? round(nx.pagerankMs, 1) : null,
        speedup: nx ? round(nx.pagerankMs / ours.ms, 1) : null,
        speedupAtSameTolerance: nx ? round(nx.pagerankMs / oursLoose.ms, 1) : null,
        networkxConvergedMs: nx ? round(nx.pagerankConvergedMs, 1) : null,
        speedupConverged: nx ? round(nx.pagerankConvergedMs / ours.ms, 1) : null,
        maxAbsDifference: nxRank ? maxAbsDiff(ours.result, nxRank) : null,
        maxAbsDifferenceConverged: nxConverged ? maxAbsDiff(ours.result, nxConverged) : null,
      },
      betweenness: {
        ties: net.ties.targets.length / 2,
        sources: k,
        oursMs: brandes.ms,
        oursCpuMs: brandes.cpuMs,
        networkxMs: nx ? round(nx.betweennessMs, 1) : null,
        speedup: nx ? round(nx.betweennessMs / brandes.ms, 1) : null,
        oursFullEstimateSec: round(((brandes.ms / k) * n) / 1000, 1),
        networkxFullEstimateSec: nx ? round(((nx.betweennessMs / k) * n) / 1000, 1) : null,
        maxRelativeDifference: nxRaw ? maxRelDiff(raw, nxRaw) : null,
      },
      networkx: nx ? { available: true, python: nx.python, networkx: nx.networkx, scipy: nx.scipy } : { available: false, error },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function sampleOf(n: number, k: number, random: () => number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(Math.floor(random() * n));
  return [...chosen];
}

function writeEdges(file: string, offsets: Int32Array, targets: Int32Array, weights: Float64Array | null, undirectedOnce: boolean): void {
  const fd = fs.openSync(file, 'w');
  try {
    let chunk: string[] = [];
    for (let v = 0; v + 1 < offsets.length; v++) {
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const t = targets[e];
        if (undirectedOnce && t < v) continue;
        chunk.push(weights ? `${v} ${t} ${weights[e]}` : `${v} ${t}`);
      }
      if (chunk.length > 50000) {
        fs.writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length > 0) fs.writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    fs.closeSync(fd);
  }
}

function maxAbsDiff(a: Float64Array, b: number[]): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return Number(max.toExponential(2));
}

function maxRelDiff(a: Float64Array, b: number[]): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
    if (scale > 0) max = Math.max(max, Math.abs(a[i] - b[i]) / scale);
  }
  return Number(max.toExponential(2));
}
