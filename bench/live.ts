/**
 * npm run bench:live -- [--hcps 30000] [--seed 7] [--writers 16] [--duration 20]
 *   [--data <folder>] [--prepare 1] [--steady 30] [--interactions-per-s 20] [--links-per-s 1] [--error-hcps 10000]
 *   [--next-runs 15] [--warmup 90]
 *
 * --data: an embedded database folder kept between runs; built offline (the bulk importer) when it
 * holds none, so a 100k/1M run can prepare its data (--prepare 1: only that) outside the timed run.
 * --steady: seconds of a steady write load (interactions and link edits through the API at the
 * given rates) with a reader, next to the idle latencies. --error-hcps: the betweenness estimate's
 * error against exact on a generated network of that size (in memory). --writers 0 skips the
 * concurrent writers. --next-runs: how many times the next answer after each kind of write is timed.
 * --warmup: seconds of the steady write load, untimed, after the cold rankings and before everything
 * else, so that what follows runs on a warm database (a JIT compiler can take minutes of load to
 * settle; docs/performance.md, "The database behind the event loop"). Default 90 s, as bench:writes;
 * 0 measures the idle reads within a minute of the start, on a database still compiling.
 *
 * Live analytics on the embedded Neo4j: network answers idle, the next answer after an
 * interaction, after a link edit and after an HCP's erasure (incremental updates), and N concurrent writers logging
 * interactions for different HCPs (20% of requests sent twice with the same id, as retrying
 * clients do) while a reader asks kolRanking / introductionPaths / networkReach. Writes
 * bench/results/live-<hcps>.json and .md; machine and dataset stated in both.
 */
process.env.NODE_ENV ??= 'production';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { generateNetwork } from '../src/import/generate';
import { importNetwork } from '../src/import/importer';
import { bulkImportNetwork, finishBulkImport, storeDirectory } from '../src/import/bulk';
import { connect } from '../src/db/connect';
import {
  Post,
  RankedAnswer,
  estimateError,
  linkEdit,
  pagerankRestartMs,
  projectionLoadMemory,
  projectionMemory,
  ranked,
  steadyLoad,
} from './live-analytics';
import { createLogger } from '../src/logger';
import { PageRankThread } from '../src/network/pagerank-thread';
import { PAGERANK_TIE_TOLERANCE } from '../src/network/snapshot';
import { seededRandom } from '../src/network/random';
import { machineInfo, processCpuMs } from './harness/machine';
import { writeResults } from './harness/results';
import { benchApiEnv, embeddedNice, postGraphql } from './harness/api';
import { Latency, round, summarize } from './harness/stats';
import { concurrentWriters } from './harness/writers';

const args = new Map<string, number>();
const texts = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), Number(process.argv[i + 1]));
  texts.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const DATA = texts.get('data');
const STEADY_MS = (args.get('steady') ?? 30) * 1000;
const WARMUP_MS = (args.get('warmup') ?? 90) * 1000;
/** The embedded Neo4j's niceness, as npm start reads it. */
const NICE = embeddedNice();
const ERROR_HCPS = args.get('error-hcps') ?? 0;
const HCPS = args.get('hcps') ?? 30000;
const SEED = args.get('seed') ?? 7;
const WRITERS = args.get('writers') ?? 16;
const DURATION_MS = (args.get('duration') ?? 20) * 1000;
const RUNS = args.get('runs') ?? 40;
const INTERACTIONS_PER_S = args.get('interactions-per-s') ?? 20;
const LINKS_PER_S = args.get('links-per-s') ?? 1;

const RANKING = 'query($m: InfluenceMetric) { kolRanking(metric: $m, first: 10) { rank score hcp { id name } } }';
const PATHS = 'query($msl: ID!, $hcp: ID!) { introductionPaths(fromMslId: $msl, toHcpId: $hcp, maxHops: 4, first: 3) { hops cost } }';
const REACH = 'query($id: ID!) { networkReach(fromId: $id, maxHops: 2) { total } }';
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }';
const CREATE_HCP = 'mutation($id: ID!) { createHcp(input: { id: $id, firstName: "Bench", lastName: "Erased" }) { id } }';
const ERASE = 'mutation($id: ID!) { deleteHcp(id: $id) { hcpId } }';
const NEXT_RUNS = args.get('next-runs') ?? 15;
const LINK = 'mutation($s: ID!, $t: ID!, $w: Float!) { linkHcps(sourceId: $s, targetId: $t, type: COLLEAGUE, weight: $w) { weight } }';

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const dataDir = DATA ? path.resolve(DATA) : fs.mkdtempSync(path.join(os.tmpdir(), 'msl-live-bench-'));
  const data = generateNetwork({ hcps: HCPS, seed: SEED });
  const prepared = DATA !== undefined && fs.existsSync(storeDirectory(dataDir, 'neo4j'));
  if (DATA && !prepared) {
    process.stderr.write(`[live-bench] building ${dataDir} offline: ${data.hcps.length} HCPs, ${data.hcpLinks.length} links ...\n`);
    await bulkImportNetwork(data, { dataDir, database: 'neo4j', log: (line) => process.stderr.write(`${line}\n`) });
  }
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 7600 + Math.floor(Math.random() * 300),
    heap: process.env.NEO4J_HEAP || '2g',
    nice: NICE,
    log: () => undefined,
  });
  const config = loadConfig(benchApiEnv(neo4j.uri, { NEO4J_QUERY_TIMEOUT_MS: '600000' }));
  const say = (line: string) => process.stderr.write(`[live-bench] ${line}\n`);
  if (DATA && !prepared) {
    const db = connect({ ...config, neo4jUri: neo4j.uri });
    await finishBulkImport(db).finally(() => db.close());
    if (args.get('prepare')) {
      await neo4j.stop();
      say(`prepared ${dataDir}`);
      return;
    }
  }
  // Ready = schema, then the warm-up: the projection with PageRank and communities built from the database.
  const startedAt = performance.now();
  const app = await startApp(config, createLogger('silent'));
  await app.prepared;
  const readyMs = Math.round(performance.now() - startedAt);
  say(`ready in ${readyMs} ms`);
  const db = app.services.db;
  // Ids unique per run: a kept database already holds the previous runs' interactions.
  const tag = `run${Date.now().toString(36)}`;
  try {
    if (!DATA) {
      say(`importing ${data.hcps.length} HCPs, ${data.hcpLinks.length} links ...`);
      await importNetwork(db, data);
    }
    const url = app.url;
    const hcps = data.hcps.map((h) => h.id);
    const msls = data.msls.map((m) => m.id);
    const random = seededRandom(SEED + 3);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const readers = {
      kolRanking: () => postGraphql(url, RANKING, { m: 'PAGERANK' }),
      introductionPaths: () => postGraphql(url, PATHS, { msl: pick(msls), hcp: pick(hcps) }),
      networkReach: () => postGraphql(url, REACH, { id: pick(hcps) }),
    };
    const gql: Post = (query, variables) => postGraphql(url, query, variables);
    // Asked right at ready: a network read whole starts its betweenness at once, in the background.
    say('BETWEENNESS and COMPOSITE cold ...');
    const cold = { betweenness: await ranked(gql, 'BETWEENNESS'), composite: await ranked(gql, 'COMPOSITE') };
    const firstMs = await timed(readers.kolRanking);
    // The steady write load: paced interactions and link edits through the API, with the reader.
    const load = { post: gql, hcps, msls, readers, interactionsPerSecond: INTERACTIONS_PER_S, linkEditsPerSecond: LINKS_PER_S };
    if (WARMUP_MS > 0) {
      say(`warm-up: the steady load for ${WARMUP_MS / 1000} s, untimed ...`);
      // Its link edits far past the timed ones' sequence, so that those still change the network.
      const firstEdit = 10_000_000 + (await app.services.network.snapshot()).net.links.source.length;
      await steadyLoad({ ...load, durationMs: WARMUP_MS, tag: `${tag}-warm`, firstEdit });
    }
    say('idle latencies ...');
    const latencies = async (): Promise<Record<string, Latency>> => {
      const out: Record<string, Latency> = {};
      for (const [name, read] of Object.entries(readers)) {
        const samples: number[] = [];
        for (let i = 0; i < RUNS + 5; i++) {
          const ms = await timed(read);
          if (i >= 5) samples.push(ms);
        }
        out[name] = summarize(samples);
      }
      return out;
    };
    const idle = await latencies();
    // Sources sampled by the end of the idle reads: more than at the cold answer = the pool worked meanwhile.
    const sampledAfterIdle = (await ranked(gql, 'BETWEENNESS')).sampleSize;
    say('projection memory ...');
    const memory = { ...(await projectionMemory(app.services.network)), loaded: await projectionLoadMemory(db) };

    say('next answer after one write ...');
    const service = app.services.network;
    const buildsBefore = service.builds;
    // Links that earlier runs on this kept database added: this run's link edits start past theirs,
    // so that they change the network again instead of setting the same weights a second time.
    const earlierLinks = (await service.snapshot()).net.links.source.length - data.hcpLinks.length;
    let n = 0;
    const afterInteraction: number[] = [];
    const afterLink: number[] = [];
    const updateAfterLink: number[] = [];
    const pagerankAfterLink: number[] = [];
    const linkMutation: number[] = [];
    const preparedBefore = service.prepared;
    // The restart timed as the API runs it: a job on a PageRank thread (with its helper), rank order included.
    const restartThread = new PageRankThread(0);
    await restartThread.run((await service.snapshot()).net.directed, {}, PAGERANK_TIE_TOLERANCE);
    for (let i = 0; i < NEXT_RUNS; i++) {
      await postGraphql(url, LOG, {
        input: {
          id: `${tag}-int-${i}`,
          mslId: msls[i % msls.length],
          hcpId: hcps[i],
          date: '2025-01-02',
          channel: 'EMAIL',
          sentiment: 'NEUTRAL',
        },
      });
      afterInteraction.push(await timed(readers.kolRanking));
      const previous = await service.snapshot();
      const e = i + earlierLinks;
      const link = { s: hcps[(e * 31) % hcps.length], t: hcps[(e * 57 + 11) % hcps.length], w: 0.3 + (n++ % 5) / 10 };
      // The mutation prepares the network its commit makes (PageRank included) before it answers.
      linkMutation.push(await timed(() => postGraphql(url, LINK, link)));
      // The sync alone (re-read + apply), then the ranking (PageRank restarted from the last vector).
      updateAfterLink.push(await timed(() => service.snapshot()));
      afterLink.push(await timed(readers.kolRanking));
      pagerankAfterLink.push(await pagerankRestartMs(previous, await service.snapshot(), restartThread));
    }
    await restartThread.close();
    const preparedAfterLinks = service.prepared - preparedBefore;
    // Data-subject erasure of an HCP with links (created by this run, so a kept database keeps its own).
    const afterErasure: number[] = [];
    const erasureMutation: number[] = [];
    let preparedAfterErasures = 0;
    for (let i = 0; i < NEXT_RUNS; i++) {
      const id = `${tag}-erased-${i}`;
      await postGraphql(url, CREATE_HCP, { id });
      await postGraphql(url, LINK, { s: id, t: hcps[(i * 43 + 1) % hcps.length], w: 0.5 });
      await postGraphql(url, LINK, { s: hcps[(i * 47 + 2) % hcps.length], t: id, w: 0.5 });
      await timed(readers.kolRanking);
      const taken = service.prepared;
      erasureMutation.push(await timed(() => postGraphql(url, ERASE, { id })));
      afterErasure.push(await timed(readers.kolRanking));
      preparedAfterErasures += service.prepared - taken;
    }
    // The next BETWEENNESS and COMPOSITE answers after a link edit (the previous network's betweenness asked first).
    const betweennessAfterLink: RankedAnswer[] = [];
    const compositeAfterLink: RankedAnswer[] = [];
    for (let i = earlierLinks; i < earlierLinks + 5; i++) {
      await ranked(gql, 'BETWEENNESS');
      await linkEdit(gql, hcps[(i * 89 + 7) % hcps.length], hcps[(i * 61 + 3) % hcps.length], 0.4);
      betweennessAfterLink.push(await ranked(gql, 'BETWEENNESS'));
      await linkEdit(gql, hcps[(i * 83 + 5) % hcps.length], hcps[(i * 67 + 9) % hcps.length], 0.6);
      compositeAfterLink.push(await ranked(gql, 'COMPOSITE'));
    }
    const rebuilds = service.builds - buildsBefore;

    say(`steady load: ${INTERACTIONS_PER_S} interactions/s + ${LINKS_PER_S} link edits/s for ${STEADY_MS / 1000} s ...`);
    const preparedBeforeSteady = service.prepared;
    const cpuBefore = { bench: processCpuMs(process.pid)!, neo4j: processCpuMs(neo4j.pid)!, at: Date.now() };
    const steady = await steadyLoad({ ...load, durationMs: STEADY_MS, tag, firstEdit: earlierLinks });
    const preparedDuringSteady = service.prepared - preparedBeforeSteady;
    // The cores each process kept busy during the steady load: what the reads there share.
    const steadyMs = Date.now() - cpuBefore.at;
    const coresBusy = {
      benchProcess: round((processCpuMs(process.pid)! - cpuBefore.bench) / steadyMs, 2),
      neo4j: round((processCpuMs(neo4j.pid)! - cpuBefore.neo4j) / steadyMs, 2),
      of: os.cpus().length,
    };
    const steadyRatioP95 = Object.fromEntries(
      Object.keys(idle).map((name) => [name, Math.round((steady.reads[name].p95 / idle[name].p95) * 100) / 100]),
    );

    say(`${WRITERS} writers for ${DURATION_MS / 1000} s with a reader ...`);
    const writes = await concurrentWriters({
      post: gql,
      hcps,
      msls,
      writers: WRITERS,
      durationMs: DURATION_MS,
      tag,
      readers,
      neo4jPid: neo4j.pid,
    });
    const [stored] = await db.read<{ n: number }>('MATCH (i:Interaction) WHERE i.id STARTS WITH $prefix RETURN count(i) AS n', {
      prefix: `${tag}-load-`,
    });
    const during = writes.reads;

    const machine = await machineInfo(db);
    const report = {
      dataset: { hcps: data.hcps.length, links: data.hcpLinks.length, msls: msls.length, seed: SEED },
      machine,
      loadAverage: os.loadavg(),
      neo4jNice: NICE,
      warmupSeconds: WARMUP_MS / 1000,
      readyMs,
      firstKolRankingMs: Math.round(firstMs),
      cold,
      sampledAfterIdle,
      projectionMemory: memory,
      idle,
      nextAnswer: {
        afterInteraction: summarize(afterInteraction),
        afterLinkEdit: summarize(afterLink),
        afterErasure: summarize(afterErasure),
        linkEditMutation: summarize(linkMutation),
        erasureMutation: summarize(erasureMutation),
        /** Syncs that took the PageRanks the writer prepared, of NEXT_RUNS link edits and NEXT_RUNS erasures. */
        preparedTaken: { linkEdits: preparedAfterLinks, erasures: preparedAfterErasures, of: NEXT_RUNS },
        incrementalUpdatePerLinkEdit: summarize(updateAfterLink),
        pagerankRestartPerLinkEdit: summarize(pagerankAfterLink),
        betweennessAfterLinkEdit: betweennessAfterLink,
        compositeAfterLinkEdit: compositeAfterLink,
        fullRebuilds: rebuilds,
      },
      steadyLoad: {
        interactionsPerSecond: INTERACTIONS_PER_S,
        linkEditsPerSecond: LINKS_PER_S,
        ...steady,
        preparedTaken: preparedDuringSteady,
        readRatioP95: steadyRatioP95,
        coresBusy,
      },
      estimateError: ERROR_HCPS > 0 ? estimateError(ERROR_HCPS, SEED, [100, 500, 2000]) : null,
      writes: { ...writes, reads: undefined, stored: stored.n },
      readsDuringWrites: during,
      readRatioP95: Object.fromEntries(
        Object.keys(idle).map((name) => [name, Math.round((during[name].p95 / idle[name].p95) * 100) / 100]),
      ),
    };
    writeResults(`live-${HCPS}`, report, markdown(report));
    console.log(markdown(report));
  } finally {
    await app.stop();
    await neo4j.stop();
    if (!DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdown(r: any): string {
  const l = (x: Latency) => `p50 ${Math.round(x.p50)} ms, p95 ${Math.round(x.p95)} ms (${x.runs} runs)`;
  const answer = (x: RankedAnswer) =>
    `${x.ms} ms (${x.exact ? 'exact' : `estimate, k=${x.sampleSize}, bound ${Number(x.errorBound).toFixed(3)}`})`;
  return [
    `# Live analytics: ${r.dataset.hcps} HCPs, ${r.dataset.links} links (embedded Neo4j)`,
    '',
    `Machine: ${JSON.stringify(r.machine)}; load average at the end ${r.loadAverage.map((x: number) => x.toFixed(1)).join(' / ')} (shared machine).${r.neo4jNice ? ` Embedded Neo4j at NEO4J_NICE=${r.neo4jNice}.` : ''}${r.warmupSeconds ? ` Warm-up: ${r.warmupSeconds} s of the steady load after the cold rankings, before the rest.` : ''}`,
    '',
    `- API start to ready (schema, warm-up: projection, PageRank, communities): ${r.readyMs} ms; first kolRanking after: ${r.firstKolRankingMs} ms`,
    `- First BETWEENNESS ranking, asked at ready: ${answer(r.cold.betweenness)}; COMPOSITE next: ${answer(r.cold.composite)}; from API start (ready + BETWEENNESS): ${r.readyMs + r.cold.betweenness.ms} ms`,
    `- Projection typed arrays: ${(r.projectionMemory.typedArrayBytes / 1e6).toFixed(1)} MB for ${r.projectionMemory.links} links (${r.projectionMemory.mbPerMillionLinks} MB per 1M links; id strings and maps not counted); a whole projection as loaded (heap + array buffers): ${(r.projectionMemory.loaded.bytes / 1e6).toFixed(1)} MB (${r.projectionMemory.loaded.mbPerMillionLinks} MB per 1M links)`,
    `- Idle reads below: betweenness ${r.sampledAfterIdle === null ? 'exact by their end' : `sampled in the background meanwhile (lowest priority), ${r.sampledAfterIdle} sources by their end`}`,
    ...Object.entries(r.idle).map(([name, x]) => `- Idle ${name}: ${l(x as Latency)}`),
    `- Next kolRanking after logInteraction: ${l(r.nextAnswer.afterInteraction)}`,
    `- Next kolRanking after a link edit: ${l(r.nextAnswer.afterLinkEdit)}; the sync alone (re-read + apply): ${l(r.nextAnswer.incrementalUpdatePerLinkEdit)}; PageRank restarted from the last vector, alone (a job on a PageRank thread of its own, two threads per step, rank order included): ${l(r.nextAnswer.pagerankRestartPerLinkEdit)}`,
    `- Next kolRanking after an HCP's erasure (deleteHcp of an HCP with 2 links): ${l(r.nextAnswer.afterErasure)}; full rebuilds over all of these: ${r.nextAnswer.fullRebuilds}`,
    `- The mutations themselves (each prepares the network its commit makes, PageRank included): linkHcps ${l(r.nextAnswer.linkEditMutation)}, deleteHcp ${l(r.nextAnswer.erasureMutation)}; the next sync took the prepared PageRanks after ${r.nextAnswer.preparedTaken.linkEdits} of ${r.nextAnswer.preparedTaken.of} link edits and ${r.nextAnswer.preparedTaken.erasures} of ${r.nextAnswer.preparedTaken.of} erasures`,
    `- Next BETWEENNESS after a link edit: ${r.nextAnswer.betweennessAfterLinkEdit.map(answer).join('; ')}`,
    `- Next COMPOSITE after a link edit: ${r.nextAnswer.compositeAfterLinkEdit.map(answer).join('; ')}`,
    `- Steady load ${r.steadyLoad.interactionsPerSecond} interactions/s + ${r.steadyLoad.linkEditsPerSecond} link edits/s (${r.steadyLoad.interactions} + ${r.steadyLoad.linkEdits} sent, ${r.steadyLoad.writeFailures} failed; writes ${l(r.steadyLoad.writeLatency)}; link edits alone ${l(r.steadyLoad.linkEditLatency)}; syncs that took a prepared PageRank: ${r.steadyLoad.preparedTaken}):`,
    ...Object.entries(r.steadyLoad.reads).map(
      ([name, x]) => `  - ${name}: ${l(x as Latency)} (p95 ${r.steadyLoad.readRatioP95[name]}x idle)`,
    ),
    `  - cores busy meanwhile: this process (the API, its threads and the bench's load) ${r.steadyLoad.coresBusy.benchProcess}, Neo4j ${r.steadyLoad.coresBusy.neo4j}, of ${r.steadyLoad.coresBusy.of}`,
    `  - the API's event loop meanwhile: delay p50 ${r.steadyLoad.eventLoop.delayP50} ms, p99 ${r.steadyLoad.eventLoop.delayP99} ms, max ${r.steadyLoad.eventLoop.delayMax} ms; garbage collection ${r.steadyLoad.eventLoop.gcMs} ms in ${r.steadyLoad.eventLoop.seconds} s (longest pause ${r.steadyLoad.eventLoop.gcMaxMs} ms)`,
    ...(r.estimateError
      ? [
          `- Betweenness estimate vs exact on ${r.estimateError.hcps} HCPs / ${r.estimateError.links} links (exact ${r.estimateError.exactMs} ms, one thread): ` +
            r.estimateError.samples
              .map(
                (x: any) =>
                  `k=${x.sampleSize}: max error ${x.maxError.toExponential(2)}, mean ${x.meanError.toExponential(2)}, bound ${x.errorBound.toFixed(3)}, top-10 overlap ${x.top10Overlap}/10`,
              )
              .join('; '),
        ]
      : []),
    `- ${r.writes.writers} writers, ${r.writes.seconds.toFixed(1)} s: ${r.writes.perSecond} writes/s, ${l(r.writes.latency)}; acknowledged ${r.writes.acknowledged}, stored ${r.writes.stored}, retries answering another id ${r.writes.retriesAnsweringAnotherId}, failures ${r.writes.failures}`,
    ...Object.entries(r.readsDuringWrites).map(
      ([name, x]) => `- ${name} during writes: ${l(x as Latency)} (p95 ${r.readRatioP95[name]}x idle)`,
    ),
    '',
  ].join('\n');
}

// Exits once done: nothing stops the betweenness job still sampling in the pool at shutdown, and a
// re-run once stayed up after writing its results (main thread and both pool threads busy).
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
