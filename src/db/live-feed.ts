import { LIVE_OVERLAP_MS, LiveEvent, LiveEventStore } from './live-events';

/** How often each instance deletes records past their retention (one index seek, whoever else prunes too). */
const PRUNE_EVERY_MS = 60_000;

export type LiveListener = (event: LiveEvent) => void;

/**
 * One instance's view of the live event records (live-events.ts): while at least one subscriber
 * listens, one statement every `pollMs` reads the records newer than the previous poll (index seek
 * on `at`), plus the ids of the last LIVE_OVERLAP_MS to catch records that committed late; each
 * record is handed to the listeners once, in (`at`, id) order within a poll. Without listeners
 * nothing is polled, so an idle instance does no work here but the pruning once a minute.
 *
 * A listener added while polling runs hears the records committed after it was added (and
 * possibly a few from just before); records committed while nobody listened are never delivered.
 */
export class LiveFeed {
  private readonly listeners = new Set<LiveListener>();
  private timer?: NodeJS.Timeout;
  private pruner?: NodeJS.Timeout;
  /** Database time of the last poll; undefined until the first poll after a listener arrives. */
  private polledAt?: number;
  /** Ids of the records already handed out (or older than the first poll), with their time. */
  private readonly seen = new Map<string, number>();
  private stopped = false;
  /** Polls run so far (tests and the idle-cost measurement read it). */
  polls = 0;

  constructor(
    private readonly store: LiveEventStore,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Calls `listener` with every record committed from now on, until the returned function is called. */
  listen(listener: LiveListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && !this.timer && !this.stopped) this.schedule(0);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listening(): number {
    return this.listeners.size;
  }

  /** Deletes records past their retention now and then, listeners or not (records pile up otherwise). */
  startPruning(): void {
    this.pruner ??= setInterval(() => this.store.prune().catch(() => undefined), PRUNE_EVERY_MS).unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.pruner);
    this.listeners.clear();
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => void this.tick(), delay).unref();
  }

  private async tick(): Promise<void> {
    if (this.listeners.size === 0 || this.stopped) {
      // Nobody listens: stop polling, and start afresh when someone does.
      this.timer = undefined;
      this.polledAt = undefined;
      this.seen.clear();
      return;
    }
    try {
      await this.poll();
    } catch (error) {
      this.onError(error);
    }
    if (!this.stopped) this.schedule(this.pollMs);
  }

  private async poll(): Promise<void> {
    this.polls += 1;
    if (this.polledAt === undefined) {
      // First poll: what is already there (the overlap window) counts as seen, nothing is delivered.
      const { now, events } = await this.store.poll(null, Number.MAX_SAFE_INTEGER);
      this.markSeen(now, events);
      return;
    }
    const { now, events } = await this.store.poll(this.polledAt - LIVE_OVERLAP_MS, this.polledAt);
    const fresh = events.filter((event) => !this.seen.has(event.id!));
    const late = fresh.filter((event) => event.topic === undefined).map((event) => event.id!);
    const lateEvents = await this.store.byIds(late);
    const delivered = [...lateEvents, ...(fresh.filter((event) => event.topic !== undefined) as LiveEvent[])].sort(
      (a, b) => a.at - b.at || (a.id < b.id ? -1 : 1),
    );
    this.markSeen(now, delivered);
    for (const event of delivered)
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          this.onError(error);
        }
      }
  }

  private markSeen(now: number, events: readonly Partial<LiveEvent>[]): void {
    this.polledAt = now;
    for (const event of events) this.seen.set(event.id!, event.at!);
    const horizon = now - 2 * LIVE_OVERLAP_MS;
    for (const [id, at] of this.seen) if (at < horizon) this.seen.delete(id);
  }
}
