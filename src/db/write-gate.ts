/** What the gate bounds (each <= 0: no bound); see WriteGate. */
export interface WriteBounds {
  /** Write transactions at once, always (MAX_CONCURRENT_WRITES). */
  limit: number;
  /** Write transactions at once while reading (MAX_CONCURRENT_WRITES_WHILE_READING). */
  whileReading: number;
  /** Write transactions started per second while reading (MAX_WRITES_PER_SECOND_WHILE_READING). */
  perSecondWhileReading: number;
  /** How long after a query's answer the instance still counts as reading (READ_PRIORITY_WINDOW_MS). */
  readWindowMs: number;
}

/**
 * Bounds the write transactions of this instance that run at once; the others wait here, in
 * arrival order. Concurrent writes beyond what the database's CPUs can run do not finish sooner:
 * they compete for its CPU (and the API's event loop) with each other and with the reads, which
 * then queue behind them. Waiting in Node costs a promise; reads are never held.
 *
 * Bounds (each <= 0: none):
 * - `limit`, always;
 * - while reading, `whileReading` (the lower of the two applies) and `perSecondWhileReading`
 *   (write starts spaced by 1/rate s). The instance is reading
 *   while a GraphQL query is in flight (`reading()`: the HTTP layer marks each query from its
 *   operation to its answer) and for `readWindowMs` after the last one ended: a client's next
 *   query follows its previous answer by a round trip, and bounding writes only while one is in
 *   flight let a burst of writes in between, whose work the next query then queued behind. So
 *   while queries keep coming, the writes take a bounded share of the machine and the reads find
 *   it nearly as idle as with no writes; with no query for `readWindowMs`, writes use all of it.
 *   Slots are never taken back: a write already running finishes.
 *
 * A few dozen lines rather than p-limit (only a transitive dev dependency here, and it has one
 * fixed bound): the same first-in, first-out semaphore with a bound and a pace that move.
 */
export class WriteGate {
  readonly limit: number;
  readonly whileReading: number;
  readonly perSecondWhileReading: number;
  readonly readWindowMs: number;
  private running = 0;
  private readsInFlight = 0;
  /** When the last query ended (or started), in performance.now() ms. */
  private lastReadAt = -Infinity;
  /** Earliest start of the next write while reading, when paced. */
  private nextStartAt = -Infinity;
  private timer?: { handle: NodeJS.Timeout; at: number };
  private readonly waiting: (() => void)[] = [];

  constructor(bounds: Partial<WriteBounds> = {}) {
    this.limit = bounds.limit ?? 0;
    this.whileReading = bounds.whileReading ?? 0;
    this.perSecondWhileReading = bounds.perSecondWhileReading ?? 0;
    this.readWindowMs = bounds.readWindowMs ?? 0;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    // Behind waiters even when a slot is free (one is freed while they wake): arrival order.
    if (this.waiting.length === 0 && this.mayStart(performance.now())) this.started();
    else
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        this.wakeLater();
      });
    try {
      return await work();
    } finally {
      this.running--;
      this.admit();
    }
  }

  /** Marks a query in flight until the returned function is called (calling it again does nothing). */
  reading(): () => void {
    this.readsInFlight++;
    this.lastReadAt = performance.now();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.readsInFlight--;
      this.lastReadAt = performance.now();
      this.admit();
    };
  }

  /** Write transactions waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** The bound on writes at once in force now (0: none); while reading, the lower of the two. */
  get bound(): number {
    if (!this.isReading(performance.now()) || this.whileReading <= 0) return this.limit;
    return this.limit > 0 ? Math.min(this.limit, this.whileReading) : this.whileReading;
  }

  private isReading(now: number): boolean {
    return this.readsInFlight > 0 || now - this.lastReadAt < this.readWindowMs;
  }

  private paced(now: number): boolean {
    return this.perSecondWhileReading > 0 && this.isReading(now);
  }

  private mayStart(now: number): boolean {
    const bound = this.bound;
    if (bound > 0 && this.running >= bound) return false;
    return !this.paced(now) || now >= this.nextStartAt;
  }

  private started(): void {
    this.running++;
    const now = performance.now();
    if (!this.paced(now)) return;
    const interval = 1000 / this.perSecondWhileReading;
    // A start late by less than an interval (a timer fired late) keeps the schedule, so the pace
    // holds on a busy event loop; after a longer pause the schedule starts again from now.
    this.nextStartAt = (now - this.nextStartAt < interval ? this.nextStartAt : now) + interval;
  }

  /** Wakes waiters while they may start; each woken write holds its slot from here. */
  private admit(): void {
    while (this.waiting.length > 0 && this.mayStart(performance.now())) {
      this.started();
      this.waiting.shift()!();
    }
    if (this.waiting.length > 0) this.wakeLater();
  }

  /**
   * Waiters held by time rather than by slots (the pace, or a read window that will close) need
   * a timer: nothing else happens when that time comes. Those held by slots wake when one frees.
   */
  private wakeLater(): void {
    if (this.waiting.length === 0) return;
    const now = performance.now();
    const waits: number[] = [];
    if (this.readsInFlight === 0 && this.isReading(now)) waits.push(this.lastReadAt + this.readWindowMs - now);
    const bound = this.bound;
    if (this.paced(now) && (bound <= 0 || this.running < bound)) waits.push(this.nextStartAt - now);
    if (waits.length === 0) return;
    const at = now + Math.max(0, Math.min(...waits));
    if (this.timer && this.timer.at <= at) return;
    if (this.timer) clearTimeout(this.timer.handle);
    const handle = setTimeout(() => {
      this.timer = undefined;
      this.admit();
    }, at - now);
    this.timer = { handle, at };
  }
}
