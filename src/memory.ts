import os from 'node:os';

/**
 * Memory defaults of the embedded Neo4j, derived from the machine like Neo4j derives its own,
 * but split for this project: five eighths of the machine's memory for the heap, a sixteenth for
 * the page cache, the rest (five sixteenths) for the API process, the JVM's own memory and the
 * system.
 *
 * Why not Neo4j's split (`neo4j-admin server memory-recommendation`: 2 GB heap + 512 MB page cache
 * on 4 GB, 3.5 GB + 2 GB on 8 GB): the transactional import is one transaction, held on the heap
 * until its commit (about 3 KB of heap per link written: 3.1-3.3 GB at 100k HCPs / 1M links,
 * measured both as Neo4j's transaction memory and as the live heap after a collection), while
 * the whole store of that network is 0.45 GB on disk, so a page cache beyond that would sit idle.
 * On 8 GB this gives a 5 GB heap (the import's transaction fits under the 70% cap, see
 * launcher/) and 512 MB of page cache, leaving about 2.5 GB for the API (0.67 GB serving 100k
 * HCPs), the JVM's own memory and the system; on 4 GB (the demo) 2.5 GB and 256 MB. Measured
 * figures: docs/performance.md (Memory).
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
    heapMb: Math.min(MAX_HEAP_MB, Math.max(MIN_HEAP_MB, Math.floor((machineMb * 5) / 8))),
    pageCacheMb: Math.max(MIN_PAGE_CACHE_MB, Math.floor(machineMb / 16)),
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
