import { loadConfig } from '../src/config';
import { machineMemoryMb, memoryDefaults } from '../src/memory';

describe('embedded Neo4j memory defaults', () => {
  it('on a 4 GB machine: a 2.5 GB heap and a 256 MB page cache (the demo)', () => {
    expect(memoryDefaults(4096)).toEqual({ machineMb: 4096, heapMb: 2560, pageCacheMb: 256 });
  });

  it('on an 8 GB machine: a 5 GB heap and a 512 MB page cache (100k HCPs imported in one transaction and served)', () => {
    expect(memoryDefaults(8192)).toEqual({ machineMb: 8192, heapMb: 5120, pageCacheMb: 512 });
  });

  it('keeps a heap Neo4j starts with on tiny machines and stops at 31 GB on large ones', () => {
    expect(memoryDefaults(512)).toMatchObject({ heapMb: 512, pageCacheMb: 128 });
    expect(memoryDefaults(256 * 1024)).toMatchObject({ heapMb: 31 * 1024, pageCacheMb: 16 * 1024 });
  });

  it('derives from this machine unless MACHINE_MEMORY_MB says otherwise; explicit settings win', () => {
    const here = memoryDefaults(machineMemoryMb());
    expect(machineMemoryMb()).toBeGreaterThan(0);
    expect(loadConfig({})).toMatchObject({ neo4jHeap: `${here.heapMb}m`, neo4jPageCacheMb: here.pageCacheMb });
    expect(loadConfig({ MACHINE_MEMORY_MB: '8192' })).toMatchObject({ neo4jHeap: '5120m', neo4jPageCacheMb: 512, machineMemoryMb: 8192 });
    expect(loadConfig({ MACHINE_MEMORY_MB: '8192', NEO4J_HEAP: '3g', NEO4J_PAGECACHE_MB: '700' })).toMatchObject({
      neo4jHeap: '3g',
      neo4jPageCacheMb: 700,
    });
    expect(() => loadConfig({ MACHINE_MEMORY_MB: 'lots' })).toThrow('MACHINE_MEMORY_MB must be an integer');
  });
});
