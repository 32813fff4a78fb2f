import { LinkLog, NewLink } from '../../src/network/link-log';
import { LinkTable } from '../../src/network/network';
import { LINK_TYPES } from '../../src/vocabulary';
import { Random, seededRandom } from '../../src/network/random';

const NODES = 30;

function tableOf(links: readonly NewLink[]): LinkTable {
  return {
    source: Int32Array.from(links, (link) => link.source),
    target: Int32Array.from(links, (link) => link.target),
    type: Uint8Array.from(links, (link) => link.type),
    weight: Float64Array.from(links, (link) => link.weight),
  };
}

function linksOf(table: LinkTable): NewLink[] {
  return Array.from(table.source, (source, k) => ({ source, target: table.target[k], type: table.type[k], weight: table.weight[k] }));
}

/** A canonical order, to compare link multisets. */
function sorted(links: readonly NewLink[]): string[] {
  return links.map((link) => `${link.source}|${link.target}|${link.type}|${link.weight}`).sort();
}

function randomLink(random: Random, source = Math.floor(random() * NODES)): NewLink {
  return {
    source,
    target: Math.floor(random() * NODES),
    type: Math.floor(random() * LINK_TYPES.length),
    weight: Math.round(random() * 100) / 100,
  };
}

function countsOf(links: readonly NewLink[]): number[] {
  const counts = LINK_TYPES.map(() => 0);
  for (const link of links) counts[link.type]++;
  return counts;
}

/** The model's edit: every link touching a changed node replaced by new ones from those nodes. */
function edit(random: Random, links: NewLink[]): { changed: number[]; fresh: NewLink[]; next: NewLink[] } {
  const changed = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * NODES)))];
  const kept = links.filter((link) => !changed.includes(link.source) && !changed.includes(link.target));
  const fresh = Array.from({ length: Math.floor(random() * 6) }, () => randomLink(random, changed[Math.floor(random() * changed.length)]));
  return { changed, fresh, next: [...kept, ...fresh] };
}

describe('link log', () => {
  it.each([
    [1, 0, 'compacting every few edits'],
    [2, 64, 'compacting now and then'],
    [3, 1_000_000, 'never compacting'],
  ])('holds the same links as a copy after every edit of a random sequence (seed %i, compactMin %i: %s)', (seed, compactMin) => {
    const random = seededRandom(seed);
    let links = Array.from({ length: 80 }, () => randomLink(random));
    let log = LinkLog.of(tableOf(links), NODES, compactMin);
    const versions: [LinkLog, string[]][] = [];
    for (let step = 0; step < 200; step++) {
      const { changed, fresh, next } = edit(random, links);
      const counts = countsOf(links);
      log = log.edit(changed, fresh, counts);
      links = next;
      expect(counts).toEqual(countsOf(links));
      expect(log.length).toBe(links.length);
      // Read whole now and then only: most versions are never materialized, as in the service.
      if (step % 7 === 0) expect(sorted(linksOf(log))).toEqual(sorted(links));
      if (step % 20 === 0) versions.push([log, sorted(links)]);
    }
    expect(sorted(linksOf(log))).toEqual(sorted(links));
    // Older versions are unchanged by the edits made after them (they share the store).
    for (const [version, expected] of versions) expect(sorted(linksOf(version))).toEqual(expected);
  });

  it('edits one version twice without either edit seeing the other (the second appends to a copy)', () => {
    const random = seededRandom(9);
    const links = Array.from({ length: 40 }, () => randomLink(random));
    const start = LinkLog.of(tableOf(links), NODES, 1_000_000).edit([1], [{ source: 1, target: 2, type: 0, weight: 0.5 }], countsOf(links));
    const held = sorted(linksOf(start));
    const a = start.edit([3], [{ source: 3, target: 4, type: 1, weight: 0.25 }], countsOf(links));
    const b = start.edit([5], [{ source: 5, target: 6, type: 2, weight: 0.75 }], countsOf(links));
    expect(sorted(linksOf(start))).toEqual(held);
    expect(sorted(linksOf(a))).toContain('3|4|1|0.25');
    expect(sorted(linksOf(a))).not.toContain('5|6|2|0.75');
    expect(sorted(linksOf(b))).toContain('5|6|2|0.75');
    expect(sorted(linksOf(b))).not.toContain('3|4|1|0.25');
  });
});
