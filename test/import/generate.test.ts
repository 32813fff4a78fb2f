import { networkToCsv } from '../../src/import/export';
import { generateNetwork, seededRandom } from '../../src/import/generate';
import { linkKey } from '../../src/import/records';
import { validateTexts } from '../../src/import/validate';
import { CHANNELS, LINK_TYPES, SENTIMENTS } from '../../src/vocabulary';

describe('generateNetwork', () => {
  it('is deterministic: the same seed gives the same records, another seed others', () => {
    const a = generateNetwork({ hcps: 500, seed: 7 });
    const b = generateNetwork({ hcps: 500, seed: 7 });
    const c = generateNetwork({ hcps: 500, seed: 8 });
    expect(b).toEqual(a);
    expect(networkToCsv(b)).toEqual(networkToCsv(a));
    expect(c.hcpLinks).not.toEqual(a.hcpLinks);
    expect(c.hcps.map((h) => h.id)).toEqual(a.hcps.map((h) => h.id));
  });

  it('pins a few values so that a change of the algorithm is noticed', () => {
    const r = seededRandom(1);
    expect([r(), r(), r()].map((x) => x.toFixed(6))).toEqual(['0.627074', '0.002736', '0.527447']);
  });

  it('produces valid import data (it passes the CSV validation unchanged)', async () => {
    const data = generateNetwork({ hcps: 2000, seed: 3 });
    const { data: validated } = await validateTexts(networkToCsv(data));
    expect(validated).toEqual(data);
  });

  it('has the demo scale: every kind of record, every link type, channel and sentiment', () => {
    const data = generateNetwork({ hcps: 2000, seed: 42 });
    expect(data.hcps).toHaveLength(2000);
    expect(data.msls.length).toBeGreaterThanOrEqual(20);
    expect(data.hcpLinks.length).toBe(20000);
    expect(new Set(data.hcpLinks.map((l) => l.type))).toEqual(new Set(LINK_TYPES));
    expect(new Set(data.interactions.map((i) => i.channel))).toEqual(new Set(CHANNELS));
    expect(new Set(data.interactions.map((i) => i.sentiment))).toEqual(new Set(SENTIMENTS));
    expect(new Set(data.territories.map((t) => t.region))).toEqual(new Set(['US', 'EU']));
    expect(new Set(data.institutions.map((i) => i.type))).toEqual(new Set(['ACADEMIC_MEDICAL_CENTER', 'COMMUNITY_HOSPITAL', 'CLINIC']));
    for (const key of ['mslRelationships', 'interactions', 'publications', 'authorships', 'trials', 'trialInvestigators'] as const) {
      expect(data[key].length).toBeGreaterThan(0);
    }
    // No duplicate links, no self-links, weights in (0, 1].
    expect(new Set(data.hcpLinks.map(linkKey)).size).toBe(data.hcpLinks.length);
    expect(data.hcpLinks.every((l) => l.sourceId !== l.targetId && l.weight > 0 && l.weight <= 1)).toBe(true);
    // Some interactions happen without a relationship (first contacts).
    const known = new Set(data.mslRelationships.map((r) => `${r.mslId}/${r.hcpId}`));
    expect(data.interactions.some((i) => !known.has(`${i.mslId}/${i.hcpId}`))).toBe(true);
  });

  it('concentrates links, authorships and trials on a few KOL hubs (heavy tail)', () => {
    const data = generateNetwork({ hcps: 5000, seed: 11 });
    const degree = new Map<string, number>();
    for (const l of data.hcpLinks) {
      degree.set(l.sourceId, (degree.get(l.sourceId) ?? 0) + 1);
      degree.set(l.targetId, (degree.get(l.targetId) ?? 0) + 1);
    }
    const degrees = data.hcps.map((h) => degree.get(h.id) ?? 0).sort((a, b) => b - a);
    const mean = degrees.reduce((s, d) => s + d, 0) / degrees.length;
    expect(mean).toBeCloseTo(20, 0); // 10 links per HCP, two ends each
    expect(degrees[0]).toBeGreaterThan(10 * mean); // hubs
    const top1 = degrees.slice(0, 50).reduce((s, d) => s + d, 0) / degrees.reduce((s, d) => s + d, 0);
    expect(top1).toBeGreaterThan(0.07); // the top 1% hold far more than 1% of link ends

    const firstAuthors = new Map<string, number>();
    for (const a of data.authorships) if (a.position === 1) firstAuthors.set(a.hcpId, (firstAuthors.get(a.hcpId) ?? 0) + 1);
    expect(Math.max(...firstAuthors.values())).toBeGreaterThan(5);
  });

  it('scales down to tiny networks and to none', () => {
    expect(generateNetwork({ hcps: 0, seed: 1 }).hcps).toEqual([]);
    const tiny = generateNetwork({ hcps: 3, seed: 1 });
    expect(tiny.hcps).toHaveLength(3);
    expect(tiny.msls).toHaveLength(1);
    expect(new Set(tiny.hcpLinks.map(linkKey)).size).toBe(tiny.hcpLinks.length);
  });

  it('generates 100k HCPs and ~1M links in a few seconds', () => {
    // CPU time, not wall time: the machine may be shared with other test runs.
    const started = process.cpuUsage();
    const data = generateNetwork({ hcps: 100_000, seed: 5 });
    const used = process.cpuUsage(started);
    const cpuMs = (used.user + used.system) / 1000;
    expect(data.hcps).toHaveLength(100_000);
    expect(data.hcpLinks).toHaveLength(1_000_000);
    expect(data.msls).toHaveLength(1000);
    // ~2-3 s of CPU on this 2-core machine (GC included).
    expect(cpuMs).toBeLessThan(15_000);
  });
});
