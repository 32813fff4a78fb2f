import os from 'node:os';

/**
 * Memory defaults of the embedded Neo4j, derived from the machine like Neo4j derives its own,
 * but split for this project: half of the machine's memory for the heap, an eighth for the page
 * cache, the rest (three eighths) for the API process, the JVM's own memory and the system.
 *
 * Why not Neo4j's split (`neo4j-admin server memory-recommendation`: 2 GB heap + 512 MB page cache
 * on 4 GB, 3.5 GB + 2 GB on 8 GB): the transactional import is one transaction, held on the heap
 * until its commit (3.1 GB of transaction memory at 100k HCPs / 1M links), while the whole store
 * of that network is 0.45 GB on disk, so a page cache beyond about 1 GB would sit idle. On 4 GB
 * this rule gives Neo4j's own figures; on 8 GB a 4 GB heap and 1 GB of page cache, which serve
 * 100k HCPs with 3 GB left for the API (0.67 GB) and the system. Measured figures:
 * docs/performance.md (Memory).
 */
export interface MemoryDefaults {
  /** The memory the defaults were derived from, MB. */
  machineMb: number;
  heapMb: number;
  pageCacheMb: number;
}

/** A heap beyond 31 GB loses compressed object pointers (Neo4j's recommendation stops there too). */
const MAX_HEAP_MB = 31 * 1024;
/** Below this the embedded Neo4j does not start reliably. */
const MIN_HEAP_MB = 512;
const MIN_PAGE_CACHE_MB = 128;

export function memoryDefaults(machineMb: number): MemoryDefaults {
  return {
    machineMb,
    heapMb: Math.min(MAX_HEAP_MB, Math.max(MIN_HEAP_MB, Math.floor(machineMb / 2))),
    pageCacheMb: Math.max(MIN_PAGE_CACHE_MB, Math.floor(machineMb / 8)),
  };
}

/**
 * The memory this process may count on, MB: the machine's, or the container's limit when lower
 * (as the JVM does for its own default heap).
 */
export function machineMemoryMb(): number {
  const total = os.totalmem();
  // 0 or undefined: no limit known; a limit above the machine's memory means none either.
  const limit = process.constrainedMemory?.() ?? 0;
  return Math.floor((limit > 0 ? Math.min(limit, total) : total) / (1024 * 1024));
}
