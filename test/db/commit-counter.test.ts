import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CommitCounter, commitCounterFor, publishCommitCounter, withdrawCommitCounter } from '../../src/db/commit-counter';

describe('CommitCounter (the embedded server count read by the API)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-commit-counter-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the length of the file with its identity, and moves when the server extends it', () => {
    const file = path.join(dir, 'count');
    fs.writeFileSync(file, '');
    const counter = new CommitCounter(file);
    const empty = counter.read();
    expect(empty).toMatch(/^\d+:0$/);
    fs.truncateSync(file, 3);
    expect(counter.read()).toBe(empty!.replace(/:0$/, ':3'));
    // Another file of the same length at the same path is another count.
    fs.renameSync(file, `${file}.old`);
    fs.writeFileSync(file, 'abc');
    expect(counter.read()).not.toBe(empty!.replace(/:0$/, ':3'));
  });

  it('reads the lines from an offset with the file identity, and its length', () => {
    const file = path.join(dir, 'lines');
    fs.writeFileSync(file, 'b 1 - -\nc 1 - -\n');
    const counter = new CommitCounter(file);
    const all = counter.readFrom(0)!;
    expect(all.text).toBe('b 1 - -\nc 1 - -\n');
    expect(`${all.ino}:16`).toBe(counter.read());
    expect(counter.readFrom(8)!.text).toBe('c 1 - -\n');
    expect(counter.readFrom(16)!.text).toBe('');
    expect(counter.size()).toBe(16);
    counter.stop();
    expect(counter.readFrom(0)).toBeUndefined();
    expect(counter.size()).toBeUndefined();
    expect(new CommitCounter(path.join(dir, 'none')).readFrom(0)).toBeUndefined();
  });

  it('is unknown when the file is missing or not a file, and once stopped', () => {
    expect(new CommitCounter(path.join(dir, 'missing')).read()).toBeUndefined();
    expect(new CommitCounter(dir).read()).toBeUndefined();
    const file = path.join(dir, 'stopped');
    fs.writeFileSync(file, '');
    const counter = new CommitCounter(file);
    expect(counter.read()).toBeDefined();
    counter.stop();
    expect(counter.read()).toBeUndefined();
  });

  it('is handed only to connections to the server it counts for, until withdrawn', () => {
    const counter = new CommitCounter(path.join(dir, 'published'));
    publishCommitCounter('bolt://127.0.0.1:1', counter);
    expect(commitCounterFor('bolt://127.0.0.1:1')).toBe(counter);
    expect(commitCounterFor('bolt://127.0.0.1:2')).toBeUndefined();
    withdrawCommitCounter('bolt://127.0.0.1:1', counter);
    expect(commitCounterFor('bolt://127.0.0.1:1')).toBeUndefined();
  });
});
