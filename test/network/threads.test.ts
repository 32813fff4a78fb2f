import { share, spawnWorker } from '../../src/network/threads';

describe('worker thread helpers', () => {
  it('share copies exactly the view, also one with an offset into a larger buffer', () => {
    const whole = Float64Array.from([1, 2, 3, 4]);
    expect(Array.from(new Float64Array(share(whole.subarray(1, 3))))).toEqual([2, 3]);
    expect(Array.from(new Int32Array(share(Int32Array.from([7, -1]))))).toEqual([7, -1]);
  });

  it('share hands over an array that is already a whole SharedArrayBuffer as it is, without a copy', () => {
    const shared = new Int32Array(new SharedArrayBuffer(12));
    shared.set([5, 6, 7]);
    expect(share(shared)).toBe(shared.buffer);
    // Part of a shared buffer: copied, exactly the view.
    const part = share(shared.subarray(1));
    expect(part).not.toBe(shared.buffer);
    expect(Array.from(new Int32Array(part))).toEqual([6, 7]);
  });

  it('spawnWorker ends a thread whose module fails with an exit, not an uncaught error', async () => {
    const worker = spawnWorker('no-such-worker');
    const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
    expect(code).not.toBe(0);
  });
});
