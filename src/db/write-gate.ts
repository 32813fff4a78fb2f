/**
 * At most `limit` write transactions of this instance at a time; the others wait here, in arrival
 * order. Concurrent writes beyond what the database's CPUs can run do not finish sooner: they
 * compete for its CPU (and for locks) with each other and with the reads, which then queue behind
 * them. Waiting in Node costs a promise; reads are never held. A dozen lines rather than p-limit
 * (only a transitive dev dependency here): the same first-in, first-out semaphore.
 */
export class WriteGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /** `limit` <= 0: no bound. */
  constructor(readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.limit > 0 && this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter (running stays the same), else it frees.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Write transactions waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }
}
