import { loadConfig } from '../../src/config';
import { connect } from '../../src/db/connect';
import { WriteGate } from '../../src/db/write-gate';

/** A task that runs until `finish()` is called, recording how many tasks were running at its start. */
function task(log: { running: number; peak: number; started: number[] }, n: number) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const work = async () => {
    log.running++;
    log.peak = Math.max(log.peak, log.running);
    log.started.push(n);
    await done;
    log.running--;
    return n;
  };
  return { work, finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the write gate (MAX_CONCURRENT_WRITES, MAX_CONCURRENT_WRITES_WHILE_READING)', () => {
  it('runs at most `limit` tasks at once, the others in arrival order, and answers each its own result', async () => {
    const log = { running: 0, peak: 0, started: [] as number[] };
    const gate = new WriteGate(2);
    const tasks = [0, 1, 2, 3, 4].map((n) => task(log, n));
    const results = tasks.map((t) => gate.run(t.work));
    await tick();
    expect(log.started).toEqual([0, 1]);
    expect(gate.queued).toBe(3);
    tasks[1].finish();
    await tick();
    expect(log.started).toEqual([0, 1, 2]);
    for (const t of tasks) t.finish();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(log.started).toEqual([0, 1, 2, 3, 4]);
    expect(log.peak).toBe(2);
    expect(gate.queued).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const gate = new WriteGate(1);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });

  it('does not bound anything at 0', async () => {
    const log = { running: 0, peak: 0, started: [] as number[] };
    const gate = new WriteGate(0);
    const tasks = [0, 1, 2, 3].map((n) => task(log, n));
    const results = tasks.map((t) => gate.run(t.work));
    await tick();
    expect(log.peak).toBe(4);
    for (const t of tasks) t.finish();
    await Promise.all(results);
  });

  it('admits fewer writes while a read is in flight, and the waiting ones when the last read ends', async () => {
    const log = { running: 0, peak: 0, started: [] as number[] };
    const gate = new WriteGate(0, 1);
    const first = [0, 1].map((n) => task(log, n));
    const firstResults = first.map((t) => gate.run(t.work));
    await tick();
    expect(log.started).toEqual([0, 1]);
    const doneReading = gate.reading();
    const otherRead = gate.reading();
    expect(gate.bound).toBe(1);
    const later = [2, 3, 4].map((n) => task(log, n));
    const laterResults = later.map((t) => gate.run(t.work));
    // Writes already running keep their slots; none starts while two run against a bound of 1.
    first[0].finish();
    await tick();
    expect(log.started).toEqual([0, 1]);
    first[1].finish();
    await tick();
    expect(log.started).toEqual([0, 1, 2]);
    doneReading();
    doneReading();
    await tick();
    expect(log.started).toEqual([0, 1, 2]);
    otherRead();
    await tick();
    expect(gate.bound).toBe(0);
    expect(log.started).toEqual([0, 1, 2, 3, 4]);
    for (const t of later) t.finish();
    expect(await Promise.all([...firstResults, ...laterResults])).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes the lower of the two bounds while reading, and `limit` alone when the other is 0', () => {
    const reading = (gate: WriteGate) => (gate.reading(), gate.bound);
    expect(reading(new WriteGate(4, 2))).toBe(2);
    expect(reading(new WriteGate(1, 2))).toBe(1);
    expect(reading(new WriteGate(3, 0))).toBe(3);
    expect(reading(new WriteGate(0, 0))).toBe(0);
    expect(new WriteGate(4, 2).bound).toBe(4);
  });

  it('refuses bounds that are not integers of 0 or more, naming the setting', () => {
    expect(loadConfig({}).maxConcurrentWritesWhileReading).toBe(2);
    expect(loadConfig({ MAX_CONCURRENT_WRITES_WHILE_READING: '0' }).maxConcurrentWritesWhileReading).toBe(0);
    for (const name of ['MAX_CONCURRENT_WRITES', 'MAX_CONCURRENT_WRITES_WHILE_READING']) {
      expect(() => loadConfig({ [name]: 'many' })).toThrow(`${name} must be an integer, got "many"`);
      expect(() => loadConfig({ [name]: '1.5' })).toThrow(`${name} must be an integer, got "1.5"`);
      expect(() => loadConfig({ [name]: '-1' })).toThrow(`${name} must be 0 (no bound) or more, got "-1"`);
    }
  });

  it('is read from MAX_CONCURRENT_WRITES (default 0: no bound) and holds write transactions, not reads', async () => {
    expect(loadConfig({}).maxConcurrentWrites).toBe(0);
    const db = connect(loadConfig({ NEO4J_URI: process.env.TEST_NEO4J_URI, NEO4J_PASSWORD: 'x', MAX_CONCURRENT_WRITES: '1' }));
    try {
      expect(db.writeGate.limit).toBe(1);
      // Wait until the first transaction's work runs: opening it is a round trip, longer than a tick
      // on a busy machine.
      let release!: () => void;
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const held = db.transaction(
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
            started();
          }),
      );
      await running;
      const second = db.write('RETURN 1 AS ok');
      await tick();
      expect(db.writeGate.queued).toBe(1);
      // A read does not wait for the write slot.
      expect(await db.read<{ ok: number }>('RETURN 1 AS ok')).toEqual([{ ok: 1 }]);
      expect(db.writeGate.queued).toBe(1);
      release();
      await held;
      expect(await second).toEqual([{ ok: 1 }]);
    } finally {
      await db.close();
    }
  });
});
