import { LiveEvent } from '../../db/live-events';
import { LiveFeed } from '../../db/live-feed';

/**
 * Events a subscriber may fall behind by (it does not read its socket, or reads slower than events
 * come): past this its subscription completes, so one slow client cannot make the server buffer
 * without end. It should subscribe again and refetch what it shows.
 */
export const MAX_PENDING_EVENTS = 1000;

/**
 * The events of `feed` that `accept` lets through, as the async iterator a subscription resolver
 * returns. Written by hand rather than as an async generator: `return()` (the client completes,
 * or its socket closes) must stop listening at once, also while waiting for the next event,
 * which a suspended generator cannot do; and the buffer must be bounded.
 */
export class LiveStream implements AsyncIterableIterator<LiveEvent> {
  private pending: LiveEvent[] = [];
  private wake?: () => void;
  private done = false;
  private readonly unlisten: () => void;

  constructor(feed: LiveFeed, accept: (event: LiveEvent) => boolean) {
    this.unlisten = feed.listen((event) => {
      if (this.done || !accept(event)) return;
      this.pending.push(event);
      if (this.pending.length > MAX_PENDING_EVENTS) this.finish();
      this.wake?.();
    });
  }

  async next(): Promise<IteratorResult<LiveEvent>> {
    for (;;) {
      if (this.done) return { done: true, value: undefined };
      const event = this.pending.shift();
      if (event) return { done: false, value: event };
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  async return(): Promise<IteratorResult<LiveEvent>> {
    this.finish();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<LiveEvent> {
    return this;
  }

  private finish(): void {
    this.done = true;
    this.pending = [];
    this.unlisten();
    this.wake?.();
  }
}
