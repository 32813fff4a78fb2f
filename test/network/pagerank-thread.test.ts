import fs from 'node:fs';
import os from 'node:os';
import { pageRank } from '../../src/network/pagerank';
import { PageRankThread } from '../../src/network/pagerank-thread';
import { rankOrder } from '../../src/network/rank-order';
import { SharedTeam } from '../../src/network/pagerank-team';
import { spawnWorker } from '../../src/network/threads';
import { randomGraph } from './random-graph';

describe('PageRankThread', () => {
  const thread = new PageRankThread(0);
  afterAll(() => thread.close());

  it('answers exactly what pageRank and rankOrder answer on the calling thread, cold and from a start vector', async () => {
    const graph = randomGraph(2000, 12000, 3);
    const cold = pageRank(graph);
    const off = await thread.run(graph, {}, 1e-10);
    expect(Array.from(off.scores)).toEqual(Array.from(cold));
    expect(Array.from(off.order)).toEqual(Array.from(rankOrder(cold, 1e-10)));
    const start = Float64Array.from(cold, (x, v) => x * (1 + (v % 3) * 1e-3));
    const warm = await thread.run(graph, { start }, 1e-10);
    expect(Array.from(warm.scores)).toEqual(Array.from(pageRank(graph, { start })));
    // Sorted from the previous order: the same order.
    const resorted = await thread.run(graph, { start }, 1e-10, off.order);
    expect(Array.from(resorted.order)).toEqual(Array.from(rankOrder(warm.scores, 1e-10)));
  });

  it('runs jobs in order and computes on the calling thread what a dying thread had', async () => {
    const graphs = [1, 2, 3].map((seed) => randomGraph(500, 3000, seed));
    const answers = graphs.map((graph) => thread.run(graph, {}, 0));
    await thread.close();
    const results = await Promise.all(answers);
    results.forEach((result, i) => expect(Array.from(result.scores)).toEqual(Array.from(pageRank(graphs[i]))));
    // A new thread starts on the next job.
    expect(Array.from((await thread.run(graphs[0], {}, 0)).scores)).toEqual(Array.from(pageRank(graphs[0])));
  });

  it('computes small graphs at once on the calling thread', async () => {
    const inline = new PageRankThread(1_000_000);
    const graph = randomGraph(100, 300, 5);
    expect(inline.offThread(graph)).toBe(false);
    expect(Array.from((await inline.run(graph, {}, 0)).scores)).toEqual(Array.from(pageRank(graph)));
    await inline.close();
  });
});

describe('SharedTeam (two threads per step)', () => {
  const graph = randomGraph(3000, 20000, 8);
  const start = Float64Array.from(pageRank(graph), (x, v) => x * (1 + (v % 4) * 1e-4));

  it('with a helper thread: the vectors of the calling thread alone, bit for bit, cold and restarted', async () => {
    const helper = spawnWorker('pagerank-helper');
    const team = new SharedTeam(helper);
    const [cold, restarted] = [pageRank(graph), pageRank(graph, { start })];
    try {
      // Until the helper has taken halves (it starts in its own time).
      for (let run = 0; run < 200 && team.helped === 0; run++) {
        expect(Array.from(pageRank(graph, {}, team))).toEqual(Array.from(cold));
        expect(Array.from(pageRank(graph, { start }, team))).toEqual(Array.from(restarted));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(team.helped).toBeGreaterThan(0);
    } finally {
      await helper.terminate();
    }
  });

  it('runs the helper below normal priority (a free core only), the calling thread as it was', async () => {
    const niceValues = () =>
      fs
        .readdirSync('/proc/self/task')
        .map((tid) => Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]));
    const helper = spawnWorker('pagerank-helper');
    try {
      // The helper lowers its own thread as its module loads.
      for (let wait = 0; wait < 250 && !niceValues().includes(os.constants.priority.PRIORITY_BELOW_NORMAL); wait++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(niceValues()).toContain(os.constants.priority.PRIORITY_BELOW_NORMAL);
      expect(os.getPriority()).toBe(os.constants.priority.PRIORITY_NORMAL);
    } finally {
      await helper.terminate();
    }
  });

  it('with a helper that never takes a half (its core busy): the calling thread runs both, same vectors', () => {
    const silent = new SharedTeam({ postMessage: () => undefined });
    expect(Array.from(pageRank(graph, { start }, silent))).toEqual(Array.from(pageRank(graph, { start })));
    expect(silent.helped).toBe(0);
  });
});
