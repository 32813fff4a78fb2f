/**
 * Live event records: how a write through one API instance reaches the subscribers of every
 * instance, with the database as the only thing they share (no broker).
 *
 * A mutation that front ends follow live (an insight captured, an interaction logged, a
 * scheduling conflict, a relationship strength changed) creates
 * `(:LiveEvent {id, at, topic, subject, msls, hcps, audience, related})` in its own transaction
 * (runMutation): the record commits, or rolls back, with the write it announces. `at` is the
 * database's clock (epoch ms, indexed). A record names what changed, not its values: instances
 * load the subject when they deliver it, through the subscriber's own field rules.
 *
 * Every instance with subscribers polls the records newer than what it saw (live-feed.ts): one
 * index seek per interval, whatever the number of subscribers. Records older than
 * LIVE_RETENTION_MS are deleted by whichever instance prunes first.
 *
 * Not recorded: writes by the import CLI and Cypher typed by hand (only the API's mutations
 * create records), so subscribers never hear of those.
 */
import { LiveTopic } from '../vocabulary';
import { Database, Statement } from './database';

/** What a mutation announces. */
export interface LiveEventRecord {
  topic: LiveTopic;
  /** The id of the object delivered: insight, interaction, planned interaction, or `<mslId>/<hcpId>` of a relationship. */
  subject: string;
  /** MSLs and HCPs the event concerns (subscription filters match them). */
  msls?: readonly string[];
  hcps?: readonly string[];
  /** An insight's audience. */
  audience?: string | null;
  /** Other objects of the event: the planned interactions a new plan conflicts with. */
  related?: readonly string[];
}

/** A record as read back. */
export interface LiveEvent {
  id: string;
  at: number;
  topic: LiveTopic;
  subject: string;
  msls: string[];
  hcps: string[];
  audience: string | null;
  related: string[];
}

/**
 * Records are read again for this long after the newest one seen: `at` is stamped before the
 * transaction commits, so a record can become visible after a later one. Only a transaction that
 * commits more than this after writing its record is missed.
 */
export const LIVE_OVERLAP_MS = 10_000;

/** Records older than this are deleted: they only need to outlive the overlap (no replay). */
export const LIVE_RETENTION_MS = 15 * 60 * 1000;

const RECORD = `
  UNWIND $live AS e
  CREATE (:LiveEvent {id: randomUUID(), at: timestamp(), topic: e.topic, subject: e.subject,
                      msls: e.msls, hcps: e.hcps, audience: e.audience, related: e.related})`;

/**
 * The database clock and the records since `since` (default: the overlap before now): whole
 * records for those after `after`, only id and time for older ones (already seen, unless late).
 */
const POLL = `
  WITH timestamp() AS now
  CALL (now) {
    MATCH (e:LiveEvent) WHERE e.at >= coalesce($since, now - $overlap)
    WITH e ORDER BY e.at, e.id
    RETURN collect(CASE WHEN $after IS NULL OR e.at > $after THEN e {.*} ELSE e {.id, .at} END) AS events
  }
  RETURN now, events`;

const BY_ID = 'MATCH (e:LiveEvent) WHERE e.id IN $ids RETURN e {.*} AS event ORDER BY e.at, e.id';

const PRUNE = `
  MATCH (e:LiveEvent) WHERE e.at < timestamp() - $retention
  WITH e LIMIT 10000 DELETE e`;

/**
 * The records as a statement over `$live` (null for an empty list): runMutation runs it in the
 * mutation's transaction together with its other records (runTogether).
 */
export function liveEventsStatement(events: readonly LiveEventRecord[]): Statement | null {
  if (events.length === 0) return null;
  const live = events.map((event) => ({
    topic: event.topic,
    subject: event.subject,
    msls: [...new Set(event.msls ?? [])],
    hcps: [...new Set(event.hcps ?? [])],
    audience: event.audience ?? null,
    related: [...(event.related ?? [])],
  }));
  return { cypher: RECORD, params: { live } };
}

/** The reads and the pruning of the records (live-feed.ts is their only user). */
export class LiveEventStore {
  constructor(private readonly db: Database) {}

  async poll(since: number | null, after: number | null): Promise<{ now: number; events: Partial<LiveEvent>[] }> {
    const [row] = await this.db.read<{ now: number; events: Partial<LiveEvent>[] }>(POLL, { since, after, overlap: LIVE_OVERLAP_MS });
    return row;
  }

  async byIds(ids: readonly string[]): Promise<LiveEvent[]> {
    if (ids.length === 0) return [];
    return (await this.db.read<{ event: LiveEvent }>(BY_ID, { ids })).map((row) => row.event);
  }

  async prune(): Promise<void> {
    await this.db.write(PRUNE, { retention: LIVE_RETENTION_MS });
  }
}
