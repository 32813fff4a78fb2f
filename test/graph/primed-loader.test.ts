import { PrimedLoader } from '../../src/graph/common/loaders';

/** PrimedLoader.get answers a primed value without a promise, and otherwise exactly what load does. */
function loader() {
  const batches: string[][] = [];
  const primed = new PrimedLoader<{ id: string }, string | null, string>(
    async (keys) => {
      batches.push(keys.map((key) => key.id));
      return keys.map((key) => `loaded ${key.id}`);
    },
    (key) => key.id,
  );
  return { primed, batches };
}

describe('PrimedLoader', () => {
  it('answers a primed value (null included) synchronously, and load gives the same', async () => {
    const { primed, batches } = loader();
    primed.prime({ id: 'a' }, 'page a').prime({ id: 'b' }, null);
    expect(primed.get({ id: 'a' })).toBe('page a');
    expect(primed.get({ id: 'b' })).toBeNull();
    await expect(primed.load({ id: 'a' })).resolves.toBe('page a');
    expect(batches).toEqual([]);
  });

  it('keeps the first value of a key, as DataLoader does: a load before the prime wins', async () => {
    const { primed, batches } = loader();
    const loading = primed.load({ id: 'a' });
    primed.prime({ id: 'a' }, 'page a').prime({ id: 'c' }, 'first').prime({ id: 'c' }, 'second');
    const answer = primed.get({ id: 'a' });
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).resolves.toBe('loaded a');
    await expect(loading).resolves.toBe('loaded a');
    expect(primed.get({ id: 'c' })).toBe('first');
    expect(batches).toEqual([['a']]);
  });

  it('loads what was never primed, and what was primed with an error or a promise goes through load', async () => {
    const { primed, batches } = loader();
    primed.prime({ id: 'e' }, new Error('no')).prime({ id: 'p' }, Promise.resolve('later'));
    await expect(primed.get({ id: 'e' })).rejects.toThrow('no');
    await expect(primed.get({ id: 'p' })).resolves.toBe('later');
    await expect(primed.get({ id: 'x' })).resolves.toBe('loaded x');
    expect(batches).toEqual([['x']]);
  });

  it('forgets with clear and clearAll', async () => {
    const { primed } = loader();
    primed.prime({ id: 'a' }, 'page a').prime({ id: 'b' }, 'page b');
    primed.clear({ id: 'a' });
    await expect(primed.get({ id: 'a' })).resolves.toBe('loaded a');
    // Loaded again since the clear: a later prime changes nothing.
    primed.prime({ id: 'a' }, 'again');
    await expect(primed.get({ id: 'a' })).resolves.toBe('loaded a');
    primed.clearAll();
    await expect(primed.get({ id: 'b' })).resolves.toBe('loaded b');
  });
});
