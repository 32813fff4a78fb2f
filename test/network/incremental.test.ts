import { EntityStates, HcpState, MslState, applyStates } from '../../src/network/incremental';
import { buildNetwork } from '../../src/network/network';
import { LINK_TYPES } from '../../src/vocabulary';
import { NetworkProjection, countsOf } from '../../src/network/projection';
import { Random, seededRandom } from '../../src/network/random';
import { AFTER_EDIT_WAIT_MS, NetworkSnapshot } from '../../src/network/snapshot';

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

  eraseHcp(id: string): void {
    this.hcps.delete(id);
    for (const key of [...this.links.keys()]) if (key.startsWith(`${id}|`) || key.split('|')[1] === id) this.links.delete(key);
    for (const key of [...this.knows.keys()]) if (key.endsWith(`|${id}`)) this.knows.delete(key);
    this.territory.delete(id);
    this.interactions.delete(id);
  }
}

interface Touched {
  hcps: string[];
  msls: string[];
  attrs: string[];
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
    truth.hcps.add(id);
    if (hcps.length > 0) truth.links.set(`${id}|${pick(hcps)}|0`, 0.5);
    return { hcps: [id], msls: [], attrs: [] };
  }
  if (roll < 0.62 && hcps.length > 2) {
    const id = pick(hcps);
    truth.eraseHcp(id);
    return { hcps: [id], msls: [], attrs: [] };
  }
  if (roll < 0.8 && msls.length > 0 && hcps.length > 0) {
    const [m, h] = [pick(msls), pick(hcps)];
    if (random() < 0.2) truth.knows.delete(`${m}|${h}`);
    else truth.knows.set(`${m}|${h}`, Math.round(random() * 100) / 100 + 0.01);
    return { hcps: [], msls: [m], attrs: [] };
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
  return { hcps: [], msls: [], attrs: [h] };
}

function statesOf(truth: Truth, touched: Touched): EntityStates {
  return {
    hcps: [...new Set(touched.hcps)].map((id) => truth.hcpState(id)),
    attrs: [...new Set(touched.attrs)].filter((id) => !touched.hcps.includes(id)).map((id) => truth.hcpState(id)),
    msls: [...new Set(touched.msls)].map((id) => truth.mslState(id)),
  };
}

function seedTruth(random: Random, n: number): Truth {
  const truth = new Truth();
  for (let i = 0; i < n; i++) truth.hcps.add(`h${String(i).padStart(3, '0')}`);
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

function expectClose(actual: Float64Array, expected: Float64Array, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

describe('incremental network updates', () => {
  it.each([1, 2, 3])('match a cold build after every edit of a random sequence (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const truth = seedTruth(random, 60);
    let counter = 0;
    const next = () => `h${900 + counter++}`;
    let snapshot = new NetworkSnapshot(truth.cold());
    for (let step = 0; step < 60; step++) {
      // Compute scores on the current snapshot, so the next one has previous scores to start from and share.
      snapshot.pagerank();
      snapshot.scientificPagerank();
      snapshot.referralPagerank();
      await snapshot.composite();
      const touched = randomEdit(truth, random, next);
      const states = statesOf(truth, touched);
      const previous = snapshot.net;
      const held = [previous.ties.targets, previous.ties.weights, previous.directed.weights, previous.links.source].map((a) =>
        Array.from(a),
      );
      const applied = applyStates(snapshot.projection, states, `v${step}`, step);
      snapshot = snapshot.derive(applied.projection, applied);
      // The graphs are patched into new arrays: requests still holding the previous network see it unchanged.
      expect(
        [previous.ties.targets, previous.ties.weights, previous.directed.weights, previous.links.source].map((a) => Array.from(a)),
      ).toEqual(held);

      const cold = new NetworkSnapshot(truth.cold());
      const [net, expected] = [snapshot.net, cold.net];
      expect(net.hcpIds).toEqual(expected.hcpIds);
      expect(net.mslIds).toEqual(expected.mslIds);
      for (const graph of ['ties', 'pairSums', 'directed', 'msl'] as const) {
        expect(Array.from(net[graph].offsets)).toEqual(Array.from(expected[graph].offsets));
        expect(Array.from(net[graph].targets)).toEqual(Array.from(expected[graph].targets));
        expectClose(net[graph].weights, expected[graph].weights, 1e-12);
      }
      expect(Array.from(net.mslStored.base)).toEqual(Array.from(expected.mslStored.base));
      expect(Array.from(net.mslStored.computedDay)).toEqual(Array.from(expected.mslStored.computedDay));
      expect(Array.from(net.tieTypes)).toEqual(Array.from(expected.tieTypes));
      expect(snapshot.projection.attributes.territory).toEqual(cold.projection.attributes.territory);
      expect(Array.from(snapshot.projection.attributes.interactions)).toEqual(Array.from(cold.projection.attributes.interactions));
      expect(snapshot.projection.counts).toEqual(cold.projection.counts);
      // PageRank warm-started stops by the same rule as a cold run: both within 1e-9 of the fixed point.
      expectClose(snapshot.pagerank(), cold.pagerank(), 2e-9);
      // Ties (isolated HCPs, symmetric positions) rank by id whether PageRank was warm-started or not.
      expect(Array.from(await snapshot.order('PAGERANK'))).toEqual(Array.from(await cold.order('PAGERANK')));
      // The typed graphs are patched (or kept when the edit is of other link types), not built again.
      expectClose(snapshot.scientificPagerank(), cold.scientificPagerank(), 2e-9);
      expectClose(snapshot.referralPagerank(), cold.referralPagerank(), 2e-9);
      expectClose(await snapshot.betweenness(), await cold.betweenness(), 1e-12);
      expectClose(snapshot.degree(), cold.degree(), 0);
      expectClose(await snapshot.composite(), await cold.composite(), 1e-9);
    }
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
    expect(next.pagerank()).not.toBe(snapshot.pagerank());
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

  it('keeps the scores over the HCP graphs when only MSL relationships or interactions change', () => {
    const random = seededRandom(7);
    const truth = seedTruth(random, 30);
    const snapshot = new NetworkSnapshot(truth.cold());
    const pagerank = snapshot.pagerank();
    truth.knows.set('m1|h001', 0.9);
    truth.interactions.set('h002', 5);
    const states = statesOf(truth, { hcps: [], msls: ['m1'], attrs: ['h002'] });
    const applied = applyStates(snapshot.projection, states, 'v1', 1);
    expect(applied.structure).toBe(false);
    const next = snapshot.derive(applied.projection, { structure: false });
    expect(next.pagerank()).toBe(pagerank);
    expect(next.net.ties).toBe(snapshot.net.ties);
    expect(next.net.msl).not.toBe(snapshot.net.msl);
  });
});
