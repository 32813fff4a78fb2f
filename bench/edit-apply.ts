/**
 * npx ts-node --transpile-only bench/edit-apply.ts [--hcps 100000] [--seed 7] [--edits 200]
 *
 * What a link edit costs the event loop once its HCPs are re-read, in memory: the generated network
 * (bench:live's generator, 100k HCPs / ~1M links by default), then `--edits` link edits one after
 * the other (half add a COLLEAGUE link between two random HCPs, half re-weigh a random HCP's
 * first outgoing link), each applied with applyStates (src/network/incremental.ts) and the
 * COAUTHOR+CO_INVESTIGATOR PageRank graph patched as the API's derive does. Also: PageRank's time
 * per step on the edited `directed` graph (rows moved) against a cold build of the same links
 * (contiguous rows), interleaved. Writes bench/results/edit-apply-<hcps>.json and .md; machine and
 * load stated in both.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateNetwork } from '../src/import/generate';
import { HcpState, LinkState, applyStates } from '../src/network/incremental';
import { buildNetwork, buildTypedDirectedGraph, typeFilter } from '../src/network/network';
import { NetworkProjection, countsOf } from '../src/network/projection';
import { pageRank } from '../src/network/pagerank';
import { WeightedGraph } from '../src/network/csr';
import { seededRandom } from '../src/network/random';
import { LINK_TYPES } from '../src/vocabulary';
import { writeResults } from './harness/results';
import { round, summarize } from './harness/stats';

const args = new Map<string, number>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), Number(process.argv[i + 1]));
const HCPS = args.get('hcps') ?? 100_000;
const SEED = args.get('seed') ?? 7;
const EDITS = args.get('edits') ?? 200;
const STEP_RUNS = 5;
const STEPS = 10;

/** Links of each HCP both ways, as re-read for its state: key "source|target|type" -> weight. */
class Links {
  readonly out: Map<string, number>[];
  readonly in: Map<string, number>[];
  constructor(n: number) {
    this.out = Array.from({ length: n }, () => new Map());
    this.in = Array.from({ length: n }, () => new Map());
  }
  set(s: number, t: number, code: number, weight: number): void {
    this.out[s].set(`${t}|${code}`, weight);
    this.in[t].set(`${s}|${code}`, weight);
  }
}

function stateOf(ids: readonly string[], links: Links, v: number): HcpState {
  const list = (map: Map<string, number>): LinkState[] =>
    [...map].map(([key, weight]) => {
      const [other, code] = key.split('|').map(Number);
      return [ids[other], code, weight];
    });
  return {
    id: ids[v],
    exists: true,
    node: v,
    out: list(links.out[v]),
    in: list(links.in[v]),
    knows: [],
    territory: null,
    areas: [],
    institutions: [],
    publications: 0,
    trials: 0,
    interactions: 0,
    positiveInteractions: 0,
  };
}

function msPerStep(graph: WeightedGraph): number {
  const began = performance.now();
  pageRank(graph, { maxIterations: STEPS, tolerance: 0 });
  return (performance.now() - began) / STEPS;
}

function main(): void {
  const loadBefore = os.loadavg().map((x) => round(x));
  const data = generateNetwork({ hcps: HCPS, seed: SEED });
  const ids = data.hcps.map((h) => h.id).sort();
  const index = new Map(ids.map((id, v) => [id, v]));
  const links = new Links(ids.length);
  const rows = data.hcpLinks.map((l) => ({ source: l.sourceId, target: l.targetId, type: l.type, weight: l.weight }));
  for (const l of rows) links.set(index.get(l.source)!, index.get(l.target)!, LINK_TYPES.indexOf(l.type), l.weight);
  const net = buildNetwork({ hcpIds: ids, links: rows, relationships: [] });
  const n = ids.length;
  let projection: NetworkProjection = {
    version: 'v0',
    time: 0,
    net,
    attributes: {
      territory: new Array<string | null>(n).fill(null),
      areas: Array.from({ length: n }, () => []),
      institutions: Array.from({ length: n }, () => []),
      publications: new Int32Array(n),
      trials: new Int32Array(n),
      interactions: new Int32Array(n),
      positiveInteractions: new Int32Array(n),
    },
    nodeIds: Float64Array.from(ids, (_, v) => v),
    territoryIds: new Set(),
    therapeuticAreaIds: new Set(),
    counts: countsOf(net),
  };
  const scientific = typeFilter(['COAUTHOR', 'CO_INVESTIGATOR']);
  let typed = buildTypedDirectedGraph(net, ['COAUTHOR', 'CO_INVESTIGATOR']);
  const random = seededRandom(SEED);
  const apply: number[] = [];
  const patchTyped: number[] = [];
  const colleague = LINK_TYPES.indexOf('COLLEAGUE');
  for (let k = 0; k < EDITS; k++) {
    const a = Math.floor(random() * n);
    let b = Math.floor(random() * n);
    if (k % 2 === 1 && links.out[a].size > 0) {
      const [key] = links.out[a].keys();
      const [t, code] = key.split('|').map(Number);
      b = t;
      links.set(a, t, code, Math.round(random() * 100) / 100 + 0.01);
    } else {
      links.set(a, b, colleague, Math.round(random() * 100) / 100 + 0.01);
    }
    const hcps = a === b ? [stateOf(ids, links, a)] : [stateOf(ids, links, a), stateOf(ids, links, b)];
    const began = performance.now();
    const applied = applyStates(projection, { hcps, attrs: [], msls: [] }, `v${k + 1}`, k + 1);
    const applied_at = performance.now();
    typed = applied.patchTyped!(typed, scientific);
    const patched_at = performance.now();
    apply.push(applied_at - began);
    patchTyped.push(patched_at - applied_at);
    projection = applied.projection;
  }
  const cold = buildNetwork({
    hcpIds: ids,
    links: links.out.flatMap((map, s) =>
      [...map].map(([key, weight]) => {
        const [t, code] = key.split('|').map(Number);
        return { source: ids[s], target: ids[t], type: LINK_TYPES[code], weight };
      }),
    ),
    relationships: [],
  });
  const moved: number[] = [];
  const contiguous: number[] = [];
  for (let run = 0; run < STEP_RUNS; run++) {
    moved.push(msPerStep(projection.net.directed));
    contiguous.push(msPerStep(cold.directed));
  }
  const loadAfter = os.loadavg().map((x) => round(x));
  const report = {
    hcps: n,
    links: cold.links.length,
    edits: EDITS,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadBefore, loadAfter },
    applyStatesMs: summarize(apply),
    patchTypedMs: summarize(patchTyped),
    pageRankMsPerStep: { movedRows: summarize(moved), contiguous: summarize(contiguous) },
  };
  const line = (name: string, s: ReturnType<typeof summarize>) =>
    `| ${name} | ${round(s.p50)} | ${round(s.p95)} | ${round(s.mean)} | ${round(s.max)} |`;
  const markdown = [
    `# A link edit applied in memory (${n} HCPs, ${cold.links.length} links, ${EDITS} edits)`,
    '',
    `Machine: ${report.machine.cpus} cores (${report.machine.model}), load ${loadBefore.join(' / ')} -> ${loadAfter.join(' / ')}.`,
    '',
    '| ms | p50 | p95 | mean | max |',
    '| --- | --- | --- | --- | --- |',
    line('applyStates per edit', report.applyStatesMs),
    line('typed PageRank graph patch per edit', report.patchTypedMs),
    line('PageRank step, edited (rows moved)', report.pageRankMsPerStep.movedRows),
    line('PageRank step, cold build (contiguous)', report.pageRankMsPerStep.contiguous),
    '',
  ].join('\n');
  writeResults(`edit-apply-${n}`, report, markdown);
  process.stdout.write(markdown);
}

main();
