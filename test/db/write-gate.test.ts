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

describe('the write gate (MAX_CONCURRENT_WRITES)', () => {
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

  it('is read from MAX_CONCURRENT_WRITES (default 0: no bound) and holds write transactions, not reads', async () => {
    expect(loadConfig({}).maxConcurrentWrites).toBe(0);
    expect(() => loadConfig({ MAX_CONCURRENT_WRITES: 'many' })).toThrow('MAX_CONCURRENT_WRITES must be an integer');
    const db = connect(loadConfig({ NEO4J_URI: process.env.TEST_NEO4J_URI, NEO4J_PASSWORD: 'x', MAX_CONCURRENT_WRITES: '1' }));
    try {
      expect(db.writeGate.limit).toBe(1);
      let release!: () => void;
      const held = db.transaction(() => new Promise<void>((resolve) => (release = resolve)));
      await tick();
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
