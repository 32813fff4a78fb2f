import { contiguous } from '../../src/network/csr';
import { Rows, moveRows, writtenEntries } from '../../src/network/rows';
import { seededRandom } from '../../src/network/random';

/** Row v of a version: its targets and weights, read through offsets/ends. */
function read(rows: Rows): [number, number][][] {
  return Array.from(rows.ends, (end, v) => {
    const row: [number, number][] = [];
    for (let e = rows.offsets[v]; e < end; e++) row.push([rows.targets[e], rows.columns[0][e]]);
    return row;
  });
}

function build(model: [number, number][][]): Rows {
  const offsets = new Int32Array(model.length + 1);
  model.forEach((row, v) => (offsets[v + 1] = offsets[v] + row.length));
  const flat = model.flat();
  return contiguous(
    offsets,
    Int32Array.from(flat, ([t]) => t),
    { columns: [Float64Array.from(flat, ([, w]) => w)] },
  );
}

describe('movable rows', () => {
  it.each([1, 2, 3])('give every version its own rows, whichever version is edited next (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const n = 30;
    const randomRow = (): [number, number][] =>
      Array.from({ length: Math.floor(random() * 6) }, () => [Math.floor(random() * n), Math.round(random() * 100)] as [number, number]);
    const versions: { rows: Rows; model: [number, number][][] }[] = [];
    const first = Array.from({ length: n }, randomRow);
    versions.push({ rows: build(first), model: first });
    for (let step = 0; step < 200; step++) {
      // Mostly the newest version (a live network), sometimes an older one (an edit of a version a request still holds).
      const from = random() < 0.8 ? versions[versions.length - 1] : versions[Math.floor(random() * versions.length)];
      const changed = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * n)))].sort(
        (a, b) => a - b,
      );
      const model = from.model.slice();
      for (const j of changed) model[j] = randomRow();
      const rows = moveRows(
        from.rows,
        changed,
        changed.map((j) => model[j].length),
        (j, out) => {
          model[j].forEach(([t, w], i) => {
            out.targets[out.offsets[j] + i] = t;
            out.columns[0][out.offsets[j] + i] = w;
          });
        },
      );
      versions.push({ rows, model });
      expect(read(rows)).toEqual(model);
      // Every version still reads as it was made (checked now and then: deep comparisons are slow).
      if (step % 20 === 19) for (const version of versions) expect(read(version.rows)).toEqual(version.model);
      expect(writtenEntries(rows)).toBeLessThanOrEqual(rows.targets.length);
    }
    // Edits of the newest version append to its store; a store is compacted now and then (often at this size), not every edit.
    const stores = new Set(versions.map((version) => version.rows.targets));
    expect(stores.size).toBeGreaterThan(1);
    expect(stores.size).toBeLessThan(versions.length / 2);
  });

  it('moves only the edited rows: the others stay where they were, in the same arrays', () => {
    const model = Array.from({ length: 10 }, (_, v) => [[v, v] as [number, number]]);
    const compacted = moveRows(build(model), [2], [1], (j, out) => {
      out.targets[out.offsets[j]] = 5;
      out.columns[0][out.offsets[j]] = 0.5;
    });
    const next = moveRows(compacted, [7], [0], () => undefined);
    expect(next.targets).toBe(compacted.targets);
    expect(next.columns[0]).toBe(compacted.columns[0]);
    for (let v = 0; v < 10; v++) if (v !== 7) expect([next.offsets[v], next.ends[v]]).toEqual([compacted.offsets[v], compacted.ends[v]]);
    expect(next.ends[7] - next.offsets[7]).toBe(0);
    expect(next.targets.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('writes a second edit of one version past the first, in the same store: no copy of every row', () => {
    const model = Array.from({ length: 10 }, (_, v) => [[v, v] as [number, number]]);
    const base = moveRows(build(model), [2], [1], (j, out) => {
      out.targets[out.offsets[j]] = 5;
      out.columns[0][out.offsets[j]] = 0.5;
    });
    const writeRow = (target: number) => (j: number, out: Rows) => {
      out.targets[out.offsets[j]] = target;
      out.columns[0][out.offsets[j]] = target / 10;
    };
    // A writer prepares the next network on `base` while the sync patches `base` too.
    const first = moveRows(base, [4], [1], writeRow(8));
    const second = moveRows(base, [6], [1], writeRow(9));
    expect(second.targets).toBe(first.targets);
    expect(second.offsets[6]).toBeGreaterThanOrEqual(first.ends[4]);
    expect(read(first)[4]).toEqual([[8, 0.8]]);
    expect(read(first)[6]).toEqual([[6, 6]]);
    expect(read(second)[4]).toEqual([[4, 4]]);
    expect(read(second)[6]).toEqual([[9, 0.9]]);
    expect(read(base)[2]).toEqual([[5, 0.5]]);
  });
});
