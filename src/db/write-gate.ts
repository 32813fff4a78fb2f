/**
 * Bounds the write transactions of this instance that run at once; the others wait here, in
 * arrival order. Concurrent writes beyond what the database's CPUs can run do not finish sooner:
 * they compete for its CPU (and the API's event loop) with each other and with the reads, which
 * then queue behind them. Waiting in Node costs a promise; reads are never held.
 *
 * Two bounds (each <= 0: none):
 * - `limit`, always;
 * - `whileReading` (the lower of the two applies), while a read is in flight (`reading()`; the HTTP layer marks each GraphQL query
 *   from its start to its answer): writes then get fewer slots, so a read's statements and
 *   callbacks meet fewer writes ahead of them. With no read in flight writes use the whole
 *   machine. Slots are never taken back: a write already running finishes.
 *
 * A few dozen lines rather than p-limit (only a transitive dev dependency here, and it has one
 * fixed bound): the same first-in, first-out semaphore with a bound that moves.
 */
export class WriteGate {
  private running = 0;
  private readsInFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly whileReading = 0,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    // Behind waiters even when a slot is free (one is freed while they wake): arrival order.
    if (this.waiting.length > 0 || this.full()) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.admit();
    }
  }

  /** Marks a read in flight until the returned function is called (calling it again does nothing). */
  reading(): () => void {
    this.readsInFlight++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.readsInFlight--;
      this.admit();
    };
  }

  /** Write transactions waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** The bound in force now (0: none); while reading, the lower of the two. */
  get bound(): number {
    if (this.readsInFlight === 0 || this.whileReading <= 0) return this.limit;
    return this.limit > 0 ? Math.min(this.limit, this.whileReading) : this.whileReading;
  }

  private full(): boolean {
    return this.bound > 0 && this.running >= this.bound;
  }

  /** Wakes waiters while there are free slots; each woken write holds its slot from here. */
  private admit(): void {
    while (this.waiting.length > 0 && !this.full()) {
      this.running++;
      this.waiting.shift()!();
    }
  }
}
