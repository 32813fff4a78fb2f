import { KeptChange } from '../../src/network/changes';
import { CommitLog, latestStates } from '../../src/network/commit-log';
import { HcpState } from '../../src/network/incremental';

/**
 * Which lines of the embedded server's commit file let the sync apply the states its own
 * transactions kept (src/network/commit-log.ts), and which send it to its probe. Lines are written
 * as the launcher writes them (CommitCounter.java); positions are byte offsets in the file.
 */

const attrs = (id: string, interactions: number): HcpState => ({
  id,
  exists: true,
  node: 1,
  out: [],
  in: [],
  knows: [],
  territory: null,
  areas: [],
  institutions: [],
  publications: 0,
  trials: 0,
  interactions,
  positiveInteractions: 0,
});

/** A log and a file: `write` appends lines, `read` hands the log what is new, as a sync does. */
function setUp() {
  const log = new CommitLog();
  let file = '';
  const read = () => {
    const taken = log.take(7, file.slice(log.offset));
    return taken && taken.map((kept) => kept.change.id);
  };
  const write = (...lines: string[]) => (file += lines.map((line) => `${line}\n`).join(''));
  /** A transaction of this instance that kept its states, read with the file at its current length. */
  const keep = (hcp = 'hcp-1', interactions = 1) => {
    const { seq } = log.ticket();
    const kept: KeptChange = {
      position: file.length,
      change: {
        id: `r${seq}`,
        at: 1,
        hcps: [],
        msls: [],
        pairMsls: [],
        pairHcps: [],
        attrs: [hcp],
        erased: [],
        reference: false,
        full: false,
      },
      states: { attrs: [attrs(hcp, interactions)], pairs: [] },
    };
    log.keep(seq, kept);
    return { seq, own: `${log.origin} ${seq}` };
  };
  log.restart(7);
  read();
  return { log, read, write, keep };
}

describe('the commit log of the embedded server', () => {
  it('applies its own kept transactions in the order of their lines', () => {
    const { read, write, keep } = setUp();
    const a = keep();
    const b = keep('hcp-2');
    write(`b 1 ${b.own}`, `b 2 ${a.own}`, `c 1 ${b.own}`, `c 2 ${a.own}`);
    expect(read()).toEqual([`r${b.seq}`, `r${a.seq}`]);
    expect(read()).toEqual([]);
  });

  it('probes after the first file it reads, and after another file (a restarted server)', () => {
    const log = new CommitLog();
    expect(log.take(7, '')).toBeUndefined();
    expect(log.take(7, '')).toBeUndefined();
    expect(log.take(7, '')).toEqual([]);
    expect(log.take(8, '')).toBeUndefined();
  });

  it('probes for a commit of another writer, and for its own commits whose states are not kept', () => {
    const { read, write, keep, log } = setUp();
    write('b 1 - -', 'c 1 - -');
    expect(read()).toBeUndefined();
    const { seq } = log.ticket();
    write(`b 2 ${log.origin} ${seq}`, `c 2 ${log.origin} ${seq}`);
    expect(read()).toBeUndefined();
    const other = new CommitLog().ticket();
    write(`b 3 x${other.metadata.networkOrigin} ${other.seq}`, `c 3 x${other.metadata.networkOrigin} ${other.seq}`);
    expect(read()).toBeUndefined();
    const a = keep();
    write(`b 4 ${a.own}`, `c 4 ${a.own}`);
    expect(read()).toEqual([`r${a.seq}`]);
  });

  it('does not apply states read before another writer committed, whichever way the lines fall', () => {
    // Cypher typed by hand commits after the API transaction read its states: its lines come after `position`.
    const first = setUp();
    const a = first.keep();
    first.write('b 1 - -', 'c 1 - -');
    expect(first.read()).toBeUndefined();
    first.write(`b 2 ${a.own}`, `c 2 ${a.own}`);
    expect(first.read()).toBeUndefined();
    // The same with both in one read.
    const second = setUp();
    const b = second.keep();
    second.write('b 1 - -', `b 2 ${b.own}`, 'c 1 - -', `c 2 ${b.own}`);
    expect(second.read()).toBeUndefined();
    // Begun committing before `position`, committed after the kept transaction's line: open while it is read.
    const third = setUp();
    third.write('b 1 - -');
    const c = third.keep();
    third.write(`b 2 ${c.own}`, `c 2 ${c.own}`);
    expect(third.read()).toBeUndefined();
    third.write('c 1 - -');
    expect(third.read()).toBeUndefined();
    // Rolled back: it committed nothing, but its lines still come after `position`.
    const fourth = setUp();
    fourth.write('b 1 - -');
    const d = fourth.keep();
    fourth.write('a 1');
    fourth.write(`b 2 ${d.own}`, `c 2 ${d.own}`);
    expect(fourth.read()).toBeUndefined();
  });

  it('applies states read after every other writer had committed', () => {
    const { read, write, keep } = setUp();
    write('b 1 - -', 'c 1 - -');
    expect(read()).toBeUndefined();
    const a = keep();
    write(`b 2 ${a.own}`, `c 2 ${a.own}`);
    expect(read()).toEqual([`r${a.seq}`]);
  });

  it('waits for a line written in part', () => {
    const { log, keep } = setUp();
    const a = keep();
    const line = `c 1 ${a.own}\n`;
    expect(log.take(7, `b 1 ${a.own}\n${line.slice(0, 5)}`)).toEqual([]);
    expect(log.take(7, line)).toHaveLength(1);
  });

  it('takes the newest states of each HCP', () => {
    const kept = (interactions: number): KeptChange => ({
      position: 0,
      change: {
        id: 'r',
        at: 1,
        hcps: [],
        msls: [],
        pairMsls: [],
        pairHcps: [],
        attrs: ['hcp-1'],
        erased: [],
        reference: false,
        full: false,
      },
      states: { attrs: [attrs('hcp-1', interactions)], pairs: [{ msl: 'msl-1', hcp: 'hcp-1', knows: [[interactions, null, null]] }] },
    });
    const states = latestStates([kept(1), kept(2)]);
    expect(states.attrs.map((state) => state.interactions)).toEqual([2]);
    expect(states.pairs.map((pair) => pair.knows[0][0])).toEqual([2]);
  });
});
