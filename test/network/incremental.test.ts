import { EntityStates, HcpState, MslState, PairState, applyStates } from '../../src/network/incremental';
import { hcpsOfNodes } from '../../src/network/erasure';
import { buildNetwork } from '../../src/network/network';
import { LINK_TYPES } from '../../src/vocabulary';
import { NetworkProjection, countsOf } from '../../src/network/projection';
import { Random, seededRandom } from '../../src/network/random';
import { AFTER_EDIT_WAIT_MS, NetworkSnapshot } from '../../src/network/snapshot';
import { PageRankThread } from '../../src/network/pagerank-thread';
import { WeightedGraph } from '../../src/network/csr';

/** The stored base and recomputation time of a relationship of the model (some never recomputed), derived from its strength. */
function decayOf(strength: number): [number, number | null, number | null] {
  return strength > 0.5 ? [strength, strength / 2, 1_700_000_000_000 + Math.round(strength * 1e9)] : [strength, null, null];
}

/** The "database": what a cold load would read, and the entity states a change record leads to. */
class Truth {
  hcps = new Set<string>();
  msls = new Set<string>();
  /** "source|target|type code" -> weight */
  links = new Map<string, number>();
  /** "msl|hcp" -> strength */
  knows = new Map<string, number>();
  territory = new Map<string, string>();
  interactions = new Map<string, number>();
  /** HCP id -> its node id; node ids of erased HCPs are reused first, as the store does. */
  nodes = new Map<string, number>();
  private freed: number[] = [];
  private nextNode = 0;

  addHcp(id: string): void {
    this.hcps.add(id);
    this.nodes.set(id, this.freed.pop() ?? this.nextNode++);
  }

  cold(): NetworkProjection {
    const net = buildNetwork({
      hcpIds: [...this.hcps],
      links: [...this.links].map(([key, weight]) => {
        const [source, target, code] = key.split('|');
        return { source, target, type: LINK_TYPES[Number(code)], weight };
      }),
      relationships: [...this.knows].map(([key, strength]) => {
        const [mslId, hcpId] = key.split('|');
        const [, baseStrength, computedAt] = decayOf(strength);
        return { mslId, hcpId, strength, baseStrength, computedDay: computedAt === null ? null : Math.floor(computedAt / 86_400_000) };
      }),
      mslIds: [...this.msls],
    });
    const n = net.hcpIds.length;
    return {
      version: 'cold',
      time: 0,
      net,
      nodeIds: Float64Array.from(net.hcpIds, (id) => this.nodes.get(id)!),
      attributes: {
        territory: net.hcpIds.map((id) => this.territory.get(id) ?? null),
        areas: net.hcpIds.map(() => []),
        institutions: net.hcpIds.map(() => []),
        publications: new Int32Array(n),
        trials: new Int32Array(n),
        interactions: Int32Array.from(net.hcpIds, (id) => this.interactions.get(id) ?? 0),
        positiveInteractions: new Int32Array(n),
      },
      territoryIds: new Set(['t1', 't2']),
      therapeuticAreaIds: new Set(),
      counts: countsOf(net),
    };
  }

  hcpState(id: string): HcpState {
    const exists = this.hcps.has(id);
    const out: HcpState['out'] = [];
    const into: HcpState['in'] = [];
    for (const [key, weight] of this.links) {
      const [source, target, code] = key.split('|');
      if (source === id && this.hcps.has(target)) out.push([target, Number(code), weight]);
      if (target === id && this.hcps.has(source)) into.push([source, Number(code), weight]);
    }
    const knows = [...this.knows]
      .filter(([key]) => key.endsWith(`|${id}`))
      .map(([key, s]) => [key.split('|')[0], ...decayOf(s)] as HcpState['knows'][number]);
    return {
      id,
      exists,
      node: exists ? this.nodes.get(id)! : null,
      out: exists ? out : [],
      in: exists ? into : [],
      knows: exists ? knows : [],
      territory: this.territory.get(id) ?? null,
      areas: [],
      institutions: [],
      publications: 0,
      trials: 0,
      interactions: this.interactions.get(id) ?? 0,
      positiveInteractions: 0,
    };
  }

  mslState(id: string): MslState {
    const exists = this.msls.has(id);
    const knows = [...this.knows]
      .filter(([key]) => key.startsWith(`${id}|`))
      .map(([key, s]) => [key.split('|')[1], ...decayOf(s)] as MslState['knows'][number]);
    return { id, exists, knows: exists ? knows : [] };
  }

  pairState(msl: string, hcp: string): PairState {
    const strength = this.msls.has(msl) && this.hcps.has(hcp) ? this.knows.get(`${msl}|${hcp}`) : undefined;
    return { msl, hcp, knows: strength === undefined ? [] : [decayOf(strength)] };
  }

  eraseHcp(id: string): number {
    const node = this.nodes.get(id)!;
    this.nodes.delete(id);
    this.freed.push(node);
    this.hcps.delete(id);
    for (const key of [...this.links.keys()]) if (key.startsWith(`${id}|`) || key.split('|')[1] === id) this.links.delete(key);
    for (const key of [...this.knows.keys()]) if (key.endsWith(`|${id}`)) this.knows.delete(key);
    this.territory.delete(id);
    this.interactions.delete(id);
    return node;
  }
}

interface Touched {
  hcps: string[];
  msls: string[];
  attrs: string[];
  /** [MSL id, HCP id] of relationships re-read alone. */
  pairs?: [string, string][];
  /** Node ids of erased HCPs (their records do not name them). */
  erased?: number[];
}

/** One random edit of the kinds the API makes; returns what its change record names. */
function randomEdit(truth: Truth, random: Random, next: () => string): Touched {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const hcps = [...truth.hcps];
  const msls = [...truth.msls];
  const roll = random();
  if (roll < 0.3 && hcps.length > 1) {
    const [a, b] = [pick(hcps), pick(hcps)];
    truth.links.set(`${a}|${b}|${Math.floor(random() * LINK_TYPES.length)}`, Math.round(random() * 100) / 100 + 0.01);
    return { hcps: [a, b], msls: [], attrs: [] };
  }
  if (roll < 0.45 && truth.links.size > 0) {
    const key = pick([...truth.links.keys()]);
    const [a, b] = key.split('|');
    if (random() < 0.5) truth.links.delete(key);
    else truth.links.set(key, Math.round(random() * 100) / 100 + 0.01);
    return { hcps: [a, b], msls: [], attrs: [] };
  }
  if (roll < 0.55) {
    const id = next();
    truth.addHcp(id);
    if (hcps.length > 0) truth.links.set(`${id}|${pick(hcps)}|0`, 0.5);
    return { hcps: [id], msls: [], attrs: [] };
  }
  if (roll < 0.62 && hcps.length > 2) {
    // Data-subject erasure: the record names the node, not the HCP.
    return { hcps: [], msls: [], attrs: [], erased: [truth.eraseHcp(pick(hcps))] };
  }
  if (roll < 0.8 && msls.length > 0 && hcps.length > 0) {
    const [m, h] = [pick(msls), pick(hcps)];
    if (random() < 0.2) truth.knows.delete(`${m}|${h}`);
    else truth.knows.set(`${m}|${h}`, Math.round(random() * 100) / 100 + 0.01);
    // Records name the pair; older writers named the MSL.
    return random() < 0.7 ? { hcps: [], msls: [], attrs: [], pairs: [[m, h]] } : { hcps: [], msls: [m], attrs: [] };
  }
  if (roll < 0.85) {
    const id = `m-${next()}`;
    if (random() < 0.5 || msls.length === 0) truth.msls.add(id);
    else {
      const gone = pick(msls);
      truth.msls.delete(gone);
      for (const key of [...truth.knows.keys()]) if (key.startsWith(`${gone}|`)) truth.knows.delete(key);
      return { hcps: [], msls: [gone], attrs: [] };
    }
    return { hcps: [], msls: [id], attrs: [] };
  }
  // An interaction: the HCP's counts (COMPOSITE) and, as logInteraction does, the pair's strength.
  if (hcps.length === 0) return { hcps: [], msls: [], attrs: [] };
  const h = pick(hcps);
  truth.interactions.set(h, (truth.interactions.get(h) ?? 0) + 1);
  if (random() < 0.3) truth.territory.set(h, pick(['t1', 't2']));
  const pairs: [string, string][] = [];
  if (msls.length > 0 && random() < 0.7) {
    const m = pick(msls);
    truth.knows.set(`${m}|${h}`, Math.round(random() * 100) / 100 + 0.01);
    pairs.push([m, h]);
  }
  return { hcps: [], msls: [], attrs: [h], pairs };
}

/** The states a reader re-reads for a record (network.service.ts, entity-states.ts): erased nodes map to the HCPs it holds. */
function statesOf(truth: Truth, touched: Touched, projection?: NetworkProjection): EntityStates {
  const hcps = [...new Set([...touched.hcps, ...(projection ? hcpsOfNodes(projection, touched.erased ?? []) : [])])];
  const msls = [...new Set(touched.msls)];
  return {
    hcps: hcps.map((id) => truth.hcpState(id)),
    attrs: [...new Set(touched.attrs)].filter((id) => !hcps.includes(id)).map((id) => truth.hcpState(id)),
    msls: msls.map((id) => truth.mslState(id)),
    pairs: (touched.pairs ?? []).filter(([m, h]) => !msls.includes(m) && !hcps.includes(h)).map(([m, h]) => truth.pairState(m, h)),
  };
}

function seedTruth(random: Random, n: number): Truth {
  const truth = new Truth();
  for (let i = 0; i < n; i++) truth.addHcp(`h${String(i).padStart(3, '0')}`);
  for (let i = 0; i < 4; i++) truth.msls.add(`m${i}`);
  const ids = [...truth.hcps];
  for (let k = 0; k < n * 2; k++) {
    const a = ids[Math.floor(random() * n)];
    const b = ids[Math.floor(random() * n)];
    truth.links.set(`${a}|${b}|${Math.floor(random() * LINK_TYPES.length)}`, Math.round(random() * 100) / 100 + 0.01);
  }
  for (const id of ids) {
    if (random() < 0.3) truth.knows.set(`m${Math.floor(random() * 4)}|${id}`, 0.5);
    truth.territory.set(id, random() < 0.5 ? 't1' : 't2');
    truth.interactions.set(id, Math.floor(random() * 3));
  }
  return truth;
}

/** A network's links as sorted "source|target|type|weight" (by HCP id). */
function linkKeys(net: NetworkSnapshot['net']): string[] {
  const { source, target, type, weight } = net.links;
  return Array.from(source, (s, k) => `${net.hcpIds[s]}|${net.hcpIds[target[k]]}|${type[k]}|${weight[k]}`).sort();
}

/**
 * A graph's rows laid end to end, with the entries of `column` (a weight column parallel to its
 * targets): an edit moves rows (src/network/rows.ts), so graphs are compared row by row.
 */
function rowsOf(graph: WeightedGraph, column: ArrayLike<number> = graph.weights) {
  const offsets = [0];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let v = 0; v < graph.ends.length; v++) {
    for (let e = graph.offsets[v]; e < graph.ends[v]; e++) {
      targets.push(graph.targets[e]);
      weights.push(column[e]);
    }
    offsets.push(targets.length);
  }
  return { offsets, targets, weights: Float64Array.from(weights) };
}

function expectClose(actual: Float64Array, expected: Float64Array, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

describe('incremental network updates', () => {
  // Every graph, however small, on the thread: the path big networks take.
  const thread = new PageRankThread(0);
  afterAll(() => thread.close());

  it.each([
    [1, 'inline'],
    [2, 'inline'],
    [3, 'inline'],
    [4, 'on the PageRank thread'],
  ] as const)('match a cold build after every edit of a random sequence (seed %i, PageRank %s)', async (seed, where) => {
    const random = seededRandom(seed);
    const truth = seedTruth(random, 60);
    let counter = 0;
    const next = () => `h${900 + counter++}`;
    let snapshot = new NetworkSnapshot(truth.cold(), undefined, where === 'inline' ? undefined : thread);
    for (let step = 0; step < 60; step++) {
      // Compute scores on the current snapshot, so the next one has previous scores to start from and share.
      await snapshot.pagerank();
      await snapshot.scientificPagerank();
      await snapshot.referralPagerank();
      await snapshot.composite();
      const touched = randomEdit(truth, random, next);
      const states = statesOf(truth, touched, snapshot.projection);
      const previous = snapshot.net;
      const previousAttributes = snapshot.projection.attributes;
      const heldArrays = () =>
        [
          rowsOf(previous.ties).offsets,
          rowsOf(previous.ties).targets,
          rowsOf(previous.ties).weights,
          rowsOf(previous.directed).weights,
          previous.links.source,
          previousAttributes.territory,
          previousAttributes.interactions,
        ].map((a: ArrayLike<unknown>) => Array.from(a));
      const held = heldArrays();
      const applied = applyStates(snapshot.projection, states, `v${step}`, step);
      snapshot = snapshot.derive(applied.projection, applied);
      // The graphs are patched into new arrays: requests still holding the previous network see it unchanged.
      expect(heldArrays()).toEqual(held);

      const cold = new NetworkSnapshot(truth.cold());
      const [net, expected] = [snapshot.net, cold.net];
      expect(net.hcpIds).toEqual(expected.hcpIds);
      expect(net.mslIds).toEqual(expected.mslIds);
      for (const graph of ['ties', 'pairSums', 'directed', 'msl'] as const) {
        const [actual, wanted] = [rowsOf(net[graph]), rowsOf(expected[graph])];
        expect(actual.offsets).toEqual(wanted.offsets);
        expect(actual.targets).toEqual(wanted.targets);
        expectClose(actual.weights, wanted.weights, 1e-12);
      }
      expect(Array.from(net.mslStored.base)).toEqual(Array.from(expected.mslStored.base));
      expect(Array.from(net.mslStored.computedDay)).toEqual(Array.from(expected.mslStored.computedDay));
      expect(rowsOf(net.ties, net.tieTypes).weights).toEqual(rowsOf(expected.ties, expected.tieTypes).weights);
      expect(snapshot.projection.attributes.territory).toEqual(cold.projection.attributes.territory);
      expect(Array.from(snapshot.projection.attributes.interactions)).toEqual(Array.from(cold.projection.attributes.interactions));
      expect(snapshot.projection.counts).toEqual(cold.projection.counts);
      // The link log (appended, with dead entries, compacted every few edits at this size) read whole, now and then.
      if (step % 5 === 0) expect(linkKeys(net)).toEqual(linkKeys(expected));
      expect(Array.from(snapshot.projection.nodeIds)).toEqual(Array.from(cold.projection.nodeIds));
      // PageRank warm-started stops by the same rule as a cold run: both within 1e-9 of the fixed point.
      expectClose(await snapshot.pagerank(), await cold.pagerank(), 2e-9);
      // Ties (isolated HCPs, symmetric positions) rank by id whether PageRank was warm-started or not.
      expect(Array.from(await snapshot.order('PAGERANK'))).toEqual(Array.from(await cold.order('PAGERANK')));
      // The typed graphs are patched (or kept when the edit is of other link types), not built again.
      expectClose(await snapshot.scientificPagerank(), await cold.scientificPagerank(), 2e-9);
      expectClose(await snapshot.referralPagerank(), await cold.referralPagerank(), 2e-9);
      expectClose(await snapshot.betweenness(), await cold.betweenness(), 1e-12);
      expectClose(snapshot.degree(), cold.degree(), 0);
      expectClose(await snapshot.composite(), await cold.composite(), 1e-9);
    }
  });

  it.each([4, 5])(
    'match a cold build when several records are applied at once, erasures and reused node ids among them (seed %i)',
    async (seed) => {
      const random = seededRandom(seed);
      const truth = seedTruth(random, 40);
      let counter = 0;
      const next = () => `h${900 + counter++}`;
      let snapshot = new NetworkSnapshot(truth.cold(), undefined, seed === 5 ? thread : undefined);
      let erasures = 0;
      for (let step = 0; step < 40; step++) {
        await snapshot.pagerank();
        // A sync applies every record it has not seen: an erasure and an HCP created on the freed node id may come together.
        const batch: Touched[] = [];
        for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
          if (random() < 0.25 && truth.hcps.size > 2) {
            batch.push({
              hcps: [],
              msls: [],
              attrs: [],
              erased: [truth.eraseHcp([...truth.hcps][Math.floor(random() * truth.hcps.size)])],
            });
            erasures++;
          } else batch.push(randomEdit(truth, random, next));
        }
        const touched: Touched = {
          hcps: batch.flatMap((t) => t.hcps),
          msls: batch.flatMap((t) => t.msls),
          attrs: batch.flatMap((t) => t.attrs),
          pairs: batch.flatMap((t) => t.pairs ?? []),
          erased: batch.flatMap((t) => t.erased ?? []),
        };
        const applied = applyStates(snapshot.projection, statesOf(truth, touched, snapshot.projection), `v${step}`, step);
        snapshot = snapshot.derive(applied.projection, applied);
        const cold = new NetworkSnapshot(truth.cold());
        expect(snapshot.net.hcpIds).toEqual(cold.net.hcpIds);
        expect(Array.from(snapshot.projection.nodeIds)).toEqual(Array.from(cold.projection.nodeIds));
        for (const graph of ['ties', 'directed', 'msl'] as const) {
          const [actual, wanted] = [rowsOf(snapshot.net[graph]), rowsOf(cold.net[graph])];
          expect(actual.targets).toEqual(wanted.targets);
          expectClose(actual.weights, wanted.weights, 1e-12);
        }
        expect(snapshot.projection.counts).toEqual(cold.projection.counts);
        expectClose(await snapshot.pagerank(), await cold.pagerank(), 2e-9);
      }
      expect(erasures).toBeGreaterThan(5);
    },
  );

  it('maps an erased node id to the HCP the reader holds under it, whatever the id names by then', () => {
    const truth = new Truth();
    for (const id of ['a', 'b', 'c']) truth.addHcp(id);
    truth.links.set('a|b|0', 0.5);
    truth.links.set('b|c|0', 0.5);
    const before = new NetworkSnapshot(truth.cold());
    const node = truth.eraseHcp('a');
    truth.addHcp('d'); // the store reuses the erased node's id
    truth.links.set('d|c|1', 0.3);
    expect(truth.nodes.get('d')).toBe(node);
    // A reader that held "a": the node id names "a" to it; "a" re-read no longer exists, "d" (its own record) appears.
    expect(hcpsOfNodes(before.projection, [node])).toEqual(['a']);
    const applied = applyStates(
      before.projection,
      statesOf(truth, { hcps: ['d'], msls: [], attrs: [], erased: [node] }, before.projection),
      'v1',
      1,
    );
    const cold = truth.cold();
    expect(applied.projection.net.hcpIds).toEqual(['b', 'c', 'd']);
    expect(rowsOf(applied.projection.net.ties).targets).toEqual(rowsOf(cold.net.ties).targets);
    expect(Array.from(applied.projection.nodeIds)).toEqual(Array.from(cold.nodeIds));
    // A reader that loaded after the reuse and sees the erasure's record late: the node id names "d", re-read as it is.
    expect(hcpsOfNodes(cold, [node])).toEqual(['d']);
    const late = applyStates(cold, statesOf(truth, { hcps: [], msls: [], attrs: [], erased: [node] }, cold), 'v2', 2);
    expect(late.projection.net.hcpIds).toEqual(['b', 'c', 'd']);
    expect(rowsOf(late.projection.net.ties).targets).toEqual(rowsOf(cold.net.ties).targets);
    // A node id the reader never held names nothing to it.
    expect(hcpsOfNodes(cold, [999])).toEqual([]);
  });

  it('re-weighs a relationship named by its pair in copies of the value columns, and patches the rows when the pair gains or loses it', () => {
    const random = seededRandom(9);
    const truth = seedTruth(random, 30);
    const snapshot = new NetworkSnapshot(truth.cold());
    const [held] = [...truth.knows.keys()];
    const [m, h] = held.split('|');
    truth.knows.set(held, 0.77);
    const reweighed = applyStates(snapshot.projection, statesOf(truth, { hcps: [], msls: [], attrs: [], pairs: [[m, h]] }), 'v1', 1);
    const { msl } = reweighed.projection.net;
    expect(msl.offsets).toBe(snapshot.net.msl.offsets);
    expect(msl.targets).toBe(snapshot.net.msl.targets);
    expect(Array.from(msl.weights)).toEqual(Array.from(truth.cold().net.msl.weights));
    expect(snapshot.net.msl.weights).not.toEqual(msl.weights);
    // Unknown MSL or HCP (their own records re-read them), and a pair that has no relationship and gains none: nothing changes.
    const none = applyStates(
      snapshot.projection,
      statesOf(truth, {
        hcps: [],
        msls: [],
        attrs: [],
        pairs: [
          ['m-unknown', h],
          [m, 'h-unknown'],
        ],
      }),
      'v1',
      1,
    );
    expect(none.projection.net.msl).toBe(snapshot.net.msl);
    truth.knows.delete(held);
    const lost = applyStates(reweighed.projection, statesOf(truth, { hcps: [], msls: [], attrs: [], pairs: [[m, h]] }), 'v2', 2);
    const cold = truth.cold();
    expect(Array.from(lost.projection.net.msl.offsets)).toEqual(Array.from(cold.net.msl.offsets));
    expect(Array.from(lost.projection.net.msl.targets)).toEqual(Array.from(cold.net.msl.targets));
    expect(lost.projection.counts.knows).toBe(cold.counts.knows);
  });

  it('keeps betweenness when an edit leaves the tied pairs as they are (a re-weighted link)', async () => {
    const random = seededRandom(11);
    const truth = seedTruth(random, 40);
    const snapshot = new NetworkSnapshot(truth.cold());
    const before = await snapshot.betweennessResult();
    const [key] = truth.links.keys();
    truth.links.set(key, 0.42);
    const [a, b] = key.split('|');
    const applied = applyStates(snapshot.projection, statesOf(truth, { hcps: [a, b], msls: [], attrs: [] }), 'v1', 1);
    expect(applied.structure).toBe(true);
    const next = snapshot.derive(applied.projection, applied);
    expect(await next.betweennessResult()).toBe(before);
    expectClose(await next.betweenness(), await new NetworkSnapshot(truth.cold()).betweenness(), 1e-12);
    expect(await next.pagerank()).not.toBe(await snapshot.pagerank());
  });

  it("after an edit, answers the new network's betweenness estimate at once when the previous one was an estimate too", async () => {
    const random = seededRandom(12);
    const truth = seedTruth(random, 40);
    const snapshot = new NetworkSnapshot(truth.cold(), 60_000);
    // As if the previous network's betweenness had not been exact within the budget.
    (snapshot as unknown as { cache: Map<string, unknown> }).cache.set('betweenness-last', { exact: false });
    const [a, b] = ['h001', 'h002'];
    truth.links.set(`${a}|${b}|0`, 0.5);
    truth.links.set(`${b}|${a}|2`, 0.5);
    const applied = applyStates(snapshot.projection, statesOf(truth, { hcps: [a, b], msls: [], attrs: [] }), 'v1', 1);
    const next = snapshot.derive(applied.projection, applied);
    expect((next as unknown as { betweennessWaitMs: number }).betweennessWaitMs).toBe(AFTER_EDIT_WAIT_MS);
    // Without that, the budget applies as on a cold start.
    expect((new NetworkSnapshot(truth.cold(), 60_000) as unknown as { betweennessWaitMs: number }).betweennessWaitMs).toBe(60_000);
  });

  it('keeps the scores over the HCP graphs when only MSL relationships or interactions change', async () => {
    const random = seededRandom(7);
    const truth = seedTruth(random, 30);
    const snapshot = new NetworkSnapshot(truth.cold());
    const pagerank = await snapshot.pagerank();
    truth.knows.set('m1|h001', 0.9);
    truth.interactions.set('h002', 5);
    const states = statesOf(truth, { hcps: [], msls: ['m1'], attrs: ['h002'] });
    const applied = applyStates(snapshot.projection, states, 'v1', 1);
    expect(applied.structure).toBe(false);
    const next = snapshot.derive(applied.projection, { structure: false });
    expect(await next.pagerank()).toBe(pagerank);
    expect(next.net.ties).toBe(snapshot.net.ties);
    expect(next.net.msl).not.toBe(snapshot.net.msl);
  });

  it('shares the attribute columns a change leaves as they are, and copies only those it changes', () => {
    const truth = seedTruth(seededRandom(8), 30);
    const before = truth.cold();
    truth.links.set('h003|h017|2', 0.7);
    const linked = applyStates(before, statesOf(truth, { hcps: ['h003', 'h017'], msls: [], attrs: [] }), 'v1', 1).projection;
    // A link edit re-reads attributes equal to those held: every column is the old one.
    for (const key of Object.keys(before.attributes) as (keyof typeof before.attributes)[]) {
      expect(linked.attributes[key]).toBe(before.attributes[key]);
    }
    truth.interactions.set('h004', 9);
    const logged = applyStates(linked, statesOf(truth, { hcps: [], msls: [], attrs: ['h004'] }), 'v2', 2).projection;
    expect(logged.attributes.interactions).not.toBe(linked.attributes.interactions);
    expect(logged.attributes.interactions[logged.net.hcpIndex.get('h004')!]).toBe(9);
    expect(linked.attributes.interactions[linked.net.hcpIndex.get('h004')!]).not.toBe(9);
    expect(logged.attributes.territory).toBe(linked.attributes.territory);
  });
});
