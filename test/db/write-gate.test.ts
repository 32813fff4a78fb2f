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

describe('the write gate (MAX_CONCURRENT_WRITES, MAX_CONCURRENT_WRITES_WHILE_READING, MAX_WRITES_PER_SECOND_WHILE_READING, READ_PRIORITY_WINDOW_MS)', () => {
  it('runs at most `limit` tasks at once, the others in arrival order, and answers each its own result', async () => {
    const log = { running: 0, peak: 0, started: [] as number[] };
    const gate = new WriteGate({ limit: 2 });
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
    const gate = new WriteGate({ limit: 1 });
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });

  it('does not bound anything at 0', async () => {
    const log = { running: 0, peak: 0, started: [] as number[] };
    const gate = new WriteGate({});
    const tasks = [0, 1, 2, 3].map((n) => task(log, n));
    const results = tasks.map((t) => gate.run(t.work));
    await tick();
    expect(log.peak).toBe(4);
    for (const t of tasks) t.finish();
    await Promise.all(results);
  });

  it('admits fewer writes while a read is in flight, and the waiting ones when the last read ends', async () => {
    const log = { running: 0, peak: 0, started: [] as number[] };
    const gate = new WriteGate({ whileReading: 1 });
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
    expect(reading(new WriteGate({ limit: 4, whileReading: 2 }))).toBe(2);
    expect(reading(new WriteGate({ limit: 1, whileReading: 2 }))).toBe(1);
    expect(reading(new WriteGate({ limit: 3 }))).toBe(3);
    expect(reading(new WriteGate({}))).toBe(0);
    expect(new WriteGate({ limit: 4, whileReading: 2 }).bound).toBe(4);
  });

  describe('while queries come (fake clock)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** Lets woken writes run their first step (promise callbacks, no timers). */
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };

    it('paces write starts at MAX_WRITES_PER_SECOND_WHILE_READING while a query is in flight and for the window after it', async () => {
      const log = { running: 0, peak: 0, started: [] as number[] };
      const gate = new WriteGate({ perSecondWhileReading: 100, readWindowMs: 50 });
      const done = gate.reading();
      const tasks = [0, 1, 2, 3].map((n) => task(log, n));
      const results = tasks.map((t) => gate.run(t.work));
      for (const t of tasks) t.finish();
      await settle();
      expect(log.started).toEqual([0]);
      await jest.advanceTimersByTimeAsync(10);
      expect(log.started).toEqual([0, 1]);
      // The query ends: still paced for the 50 ms window after it.
      done();
      await jest.advanceTimersByTimeAsync(10);
      expect(log.started).toEqual([0, 1, 2]);
      await jest.advanceTimersByTimeAsync(10);
      expect(log.started).toEqual([0, 1, 2, 3]);
      expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
      // After the window, writes start at once.
      await jest.advanceTimersByTimeAsync(50);
      const more = [4, 5, 6].map((n) => task(log, n));
      for (const t of more) t.finish();
      expect(await Promise.all(more.map((t) => gate.run(t.work)))).toEqual([4, 5, 6]);
      expect(log.started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    it('keeps MAX_CONCURRENT_WRITES_WHILE_READING for READ_PRIORITY_WINDOW_MS after the last query, then admits the waiting writes', async () => {
      const log = { running: 0, peak: 0, started: [] as number[] };
      const gate = new WriteGate({ whileReading: 1, readWindowMs: 50 });
      gate.reading()();
      const tasks = [0, 1, 2].map((n) => task(log, n));
      const results = tasks.map((t) => gate.run(t.work));
      await settle();
      expect(log.started).toEqual([0]);
      expect(gate.bound).toBe(1);
      await jest.advanceTimersByTimeAsync(49);
      expect(log.started).toEqual([0]);
      await jest.advanceTimersByTimeAsync(2);
      expect(gate.bound).toBe(0);
      expect(log.started).toEqual([0, 1, 2]);
      for (const t of tasks) t.finish();
      expect(await Promise.all(results)).toEqual([0, 1, 2]);
    });

    it('wakes a paced write as soon as its turn comes even with a later window timer pending', async () => {
      const log = { running: 0, peak: 0, started: [] as number[] };
      const gate = new WriteGate({ whileReading: 1, perSecondWhileReading: 100, readWindowMs: 1000 });
      gate.reading()();
      const tasks = [0, 1].map((n) => task(log, n));
      const results = tasks.map((t) => gate.run(t.work));
      await settle();
      expect(log.started).toEqual([0]);
      tasks[0].finish();
      await results[0];
      await jest.advanceTimersByTimeAsync(10);
      expect(log.started).toEqual([0, 1]);
      tasks[1].finish();
      await Promise.all(results);
    });
  });

  it('refuses bounds that are not integers of 0 or more, naming the setting', () => {
    expect(loadConfig({}).maxConcurrentWritesWhileReading).toBe(3);
    expect(loadConfig({}).maxWritesPerSecondWhileReading).toBe(170);
    expect(loadConfig({}).readPriorityWindowMs).toBe(1000);
    expect(loadConfig({ MAX_WRITES_PER_SECOND_WHILE_READING: '0', READ_PRIORITY_WINDOW_MS: '0' })).toMatchObject({
      maxWritesPerSecondWhileReading: 0,
      readPriorityWindowMs: 0,
    });
    expect(loadConfig({ MAX_CONCURRENT_WRITES_WHILE_READING: '0' }).maxConcurrentWritesWhileReading).toBe(0);
    for (const name of [
      'MAX_CONCURRENT_WRITES',
      'MAX_CONCURRENT_WRITES_WHILE_READING',
      'MAX_WRITES_PER_SECOND_WHILE_READING',
      'READ_PRIORITY_WINDOW_MS',
    ]) {
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
