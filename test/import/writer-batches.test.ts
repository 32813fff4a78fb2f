import { Params, Tx } from '../../src/db/database';
import { writeInTransaction } from '../../src/import/write';
import { emptyNetwork } from '../../src/import/records';
import { bareHcp } from '../support/fixture';

/**
 * The import sends each file's batches one ahead of the one it waits for (writer.ts): the
 * server still gets them in order, and a failed batch fails the import with its own error,
 * whatever happens to the batch already sent behind it.
 */
function recordingTx(failAt?: number): { tx: Tx; sent: unknown[][]; maxInFlight: () => number } {
  const sent: unknown[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const tx: Tx = {
    run: async <T>(_cypher: string, params: Params = {}) => {
      const call = sent.push(params.ids as unknown[]);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      // A failed transaction fails every statement after it too.
      if (failAt !== undefined && call >= failAt) throw new Error(`batch ${call} failed`);
      return [] as T[];
    },
  };
  return { tx, sent, maxInFlight: () => maxInFlight };
}

function hcps(n: number) {
  const data = emptyNetwork();
  data.hcps = Array.from({ length: n }, (_, i) => bareHcp(`h${i}`, 'A', `B${i}`));
  return data;
}

describe('import batches', () => {
  it('are sent in order, at most one ahead of the one awaited', async () => {
    const { tx, sent, maxInFlight } = recordingTx();
    // A failure after the reads ends the import early: only the reads of the stored state are checked here.
    await writeInTransaction(tx, hcps(5), { batchSize: 2 }).catch(() => undefined);
    expect(sent.slice(0, 3)).toEqual([['h0', 'h1'], ['h2', 'h3'], ['h4']]);
    expect(maxInFlight()).toBe(2);
  });

  it('fail the import with the failed batch’s error, the batch sent behind it handled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { tx } = recordingTx(2);
      await expect(writeInTransaction(tx, hcps(6), { batchSize: 2 })).rejects.toThrow('batch 2 failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
