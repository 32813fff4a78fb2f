/**
 * The process-wide owner of the network projection.
 *
 * Contract: `snapshot()` returns scores over the network as committed before the call, by
 * anyone (this API, the import CLI, another instance, Cypher typed by hand), at a cost that does
 * not grow with the graph:
 * - one statement per sync reads the change records (changes.ts) newer than the last sync, by
 *   an index seek, and the count store's counts of HCPs, links per type and MSL relationships;
 * - named entities are re-read and applied in memory (incremental.ts); scores a change cannot
 *   affect are kept, PageRank restarts from the previous vector (snapshot.ts);
 * - a full rebuild happens on first use, for a bulk import, and when the counts differ from the
 *   projection's after applying the records (a writer that wrote no record: an external Neo4j
 *   without the launcher's listener), or after a long idle period (records are pruned).
 * Commit order: a record's `at` is stamped before its transaction commits, so one can become
 * visible after a later one. While writers run nearly every sync finds such a late commit, a few
 * ms to a few hundred after the previous sync. So the probe returns, besides the records newer
 * than the previous sync, those of the RECENT_MS before it that were not applied (their ids are
 * a parameter: a few dozen), with their states, in the same statement. Beyond that, it counts
 * the records of the rest of the CHANGE_OVERLAP_MS before the previous sync by age (LATE_AGES) and
 * compares that with the records of that window it has applied; where they differ (a commit
 * later still) it reads the window's records back to the oldest age that differs and applies the
 * ones it lacks: reading the whole window on every sync cost each read one map per record,
 * thousands while writers run. A record is missed only if its transaction committed more than
 * CHANGE_OVERLAP_MS after stamping it (the count check still catches those that add or remove something).
 * With the embedded Neo4j this process started, a sync first reads the server's commit counter
 * (src/db/commit-counter.ts: one stat(), no round trip), which the launcher moves after every
 * commit that wrote a change record or changed the counts, before acknowledging it. Where it stands
 * as it stood before the previous sync's probe, nothing the probe reads has committed since, and the
 * sync returns the current network without a statement. Where it moved, the sync reads the lines
 * added (src/network/commit-log.ts): when they are all commits of this instance whose states its
 * transactions kept (logged interactions: the states the probe would read, read in their own
 * transaction with their HCPs locked), it applies those and sends no statement either; anything
 * else, a probe. External servers: no counter, a probe per sync.
 * Concurrent callers share syncs: a call joins the sync started after it, never an earlier one
 * (which might not see the caller's own write). Nothing here is client state, so any number of
 * API instances can serve one database.
 */
import { performance } from 'node:perf_hooks';
import { Database } from '../db/database';
import { CHANGE_OVERLAP_MS, CHANGE_RETENTION_MS, KeptChange, Keeper, NetworkChange, STORED_CHANGE, StoredChange, pairKey } from './changes';
import { CommitLog, CommitTicket, latestStates } from './commit-log';
import { hcpsOfNodes } from './erasure';
import { ChangedEntities, PREFETCH_STATES, StateReader, readStates } from './entity-states';
import { EntityStates, HcpState, LinkState, PairState, applyStates } from './incremental';
import { HcpNetwork } from './network';
import { LINK_TYPES } from '../vocabulary';
import { NetworkCounts, loadProjection } from './projection';
import { DEFAULT_BETWEENNESS_BUDGET_MS, NetworkSnapshot } from './snapshot';

/**
 * Records stamped up to this many ms before the last sync come back with the probe when they were
 * not applied (late commits: measured with 16 writers, a few to a few hundred ms late).
 */
const RECENT_MS = 256;

/**
 * Ages (ms before the last sync) that split the rest of the overlap window, older than RECENT_MS,
 * into buckets: bucket i holds the records younger than LATE_AGES[i] and not younger than the
 * previous age (RECENT_MS for the first); the last, the rest.
 */
const LATE_AGES = [1024, 4096];

const bucketOf = (age: number): number => LATE_AGES.filter((edge) => age >= edge).length;

/** Each bucket's range of ages [youngest, oldest): counted apart, by an index range seek on `at` (no expression per record). */
const BUCKETS = [RECENT_MS, ...LATE_AGES].map((youngest, i) => [youngest, LATE_AGES[i] ?? Infinity] as const);

/** The probe's parameters $from<i>/$to<i>: bucket i's `at` range in the overlap window since..after (none yet: null, nothing counted). */
function bucketRanges(since: number | null, after: number | null): Record<string, number | null> {
  const ranges: Record<string, number | null> = {};
  BUCKETS.forEach(([youngest, oldest], i) => {
    ranges[`from${i}`] = after === null || since === null ? null : Math.max(since, after - oldest + 1);
    ranges[`to${i}`] = after === null ? null : after - youngest;
  });
  return ranges;
}

/**
 * Counts from the count store (O(1) each), the records newer than $recent (RECENT_MS before the
 * last sync; none yet: those of the overlap window) but those in $applied, and how many records
 * $since..$recent holds per age bucket (one index range seek on `at` each, whose values the
 * index holds: counting the window record by record with an expression each cost each read
 * several ms of database CPU with thousands of records in it), and the states of the attributes and pairs the records returned name
 * (nothing to read when there are none): the sync after logged interactions, late commits among
 * them, costs this one statement. Run by every request: `replan=skip` keeps its plan when the
 * statistics drift (entity-states.ts).
 */
const PROBE = `CYPHER replan=skip
  CALL () { MATCH (h:HCP) RETURN count(h) AS hcps }
  ${LINK_TYPES.map((type, code) => `CALL () { MATCH (:HCP)-[r:${type}]->() RETURN count(r) AS link${code} }`).join('\n  ')}
  CALL () { MATCH (:MSL)-[k:KNOWS]->() RETURN count(k) AS knows }
  WITH timestamp() AS now, hcps, [${LINK_TYPES.map((_, code) => `link${code}`).join(', ')}] AS links, knows
  CALL (now) {
    MATCH (c:NetworkChange) WHERE c.at > coalesce($recent, now - $overlap - 1) AND NOT c.id IN $applied
    RETURN collect(${STORED_CHANGE}) AS changes
  }${PREFETCH_STATES}
  ${BUCKETS.map((_, i) => `CALL () { MATCH (c:NetworkChange) WHERE c.at >= $from${i} AND c.at <= $to${i} RETURN count(c) AS earlier${i} }`).join('\n  ')}
  RETURN now, hcps, links, knows, changes, [${BUCKETS.map((_, i) => `earlier${i}`).join(', ')}] AS earlier, attrStates, pairStates`;

/** Records of the overlap window, read when its counts say one committed late. */
const CHANGES_BETWEEN = `CYPHER replan=skip
  MATCH (c:NetworkChange) WHERE c.at >= $since AND c.at <= $after
  RETURN ${STORED_CHANGE} AS change`;

const PRUNE = `
  MATCH (c:NetworkChange) WHERE c.at < timestamp() - $retention
  WITH c LIMIT 10000 DELETE c`;

const PRUNE_EVERY_MS = 5 * 60 * 1000;

/**
 * A network a writer prepared before its commit (prepare): what it was prepared on, what it
 * applied, and the snapshot with its PageRanks computed.
 */
interface Offer {
  /** The HCP graph and ids it was prepared on: the network the sync applies the record to must hold these very arrays. */
  directed: HcpNetwork['directed'];
  hcpIds: HcpNetwork['hcpIds'];
  /** The changed HCPs' states as read in the writer's transaction. */
  hcps: HcpState[];
  snapshot: NetworkSnapshot;
  expiry: NodeJS.Timeout;
}

/** A writer's handle on its offer: a transaction that did not commit withdraws it. */
export interface PreparedNetwork {
  withdraw(): void;
}

/** Offers kept at once (concurrent network mutations on this instance), the oldest dropped first. */
const MAX_OFFERS = 4;
/** An offer no sync took within this long is dropped (its writer's record was applied elsewhere, or never committed). */
const OFFER_TTL_MS = 30_000;

/** One sync's times (benches): when it started, whether it sent a probe, and where its ms went. */
export interface SyncTimes {
  /** Epoch ms (fractional) when it started. */
  startedAt: number;
  probed: boolean;
  /** Applied the states this instance's transactions kept (no statement). */
  kept: boolean;
  /** Waiting for the probe's answer (the round trip, the database's work, the event loop's turn). */
  probeMs: number;
  /** Reading states the probe did not bring (statements of their own). */
  statesMs: number;
  /** Applying the states to the network in memory (the event loop's CPU). */
  applyMs: number;
  totalMs: number;
}

interface Probe {
  now: number;
  counts: NetworkCounts;
  /** Records newer than the last sync, and late ones of the RECENT_MS before it (all of the overlap window for a first probe). */
  changes: StoredChange[];
  /** How many records the overlap window holds, but its RECENT_MS before the last sync: [age bucket, count] pairs. */
  earlier: [number, number][];
  /** The states of the attributes and pairs `changes` name. */
  prefetched: { attrs: HcpState[]; pairs: PairState[] };
}

export class NetworkService {
  private current?: NetworkSnapshot;
  private running?: Promise<NetworkSnapshot>;
  private queued?: Promise<NetworkSnapshot>;
  /** Database time of the last sync; records from CHANGE_OVERLAP_MS before it are read again. */
  private syncedAt = 0;
  /** Ids of the records applied whose `at` is within the overlap window. */
  private seen = new Map<string, number>();
  /** Count store minus projection counts, measured when both were stable (links to non-HCPs...). */
  private countOffset?: NetworkCounts;
  private prunedAt = 0;
  /** Set by stop(): a network read after it starts no background work. */
  private stopped = false;
  /** Networks writers prepared before their commits, waiting for the sync that applies their records. */
  private offers: Offer[] = [];
  /** Full projections built so far, and incremental updates applied (tests and /metrics read them). */
  builds = 0;
  updates = 0;
  /** Updates that took a writer's prepared PageRanks instead of restarting them. */
  prepared = 0;
  /** Probe statements sent, and syncs the commit counter answered without one (tests and benches read them). */
  probes = 0;
  skipped = 0;
  /** Syncs that applied the states this instance's transactions kept, without a statement. */
  keptSyncs = 0;
  /** The embedded server's commit lines as read so far, and the states this instance's transactions kept. */
  private readonly log = new CommitLog();
  /** The commit counter as read before the last sync that completed (undefined: none, or unknown). */
  private syncedCount?: string;
  /** When (this machine's clock, which the embedded server shares) the counter last said nothing had committed since. */
  private quietAt = 0;
  /** Told of every sync's times (benches); syncs run one at a time, so `times` is the running one's. */
  observer?: (times: SyncTimes) => void;
  private times?: SyncTimes;

  constructor(
    private readonly db: Database,
    private readonly betweennessBudgetMs = DEFAULT_BETWEENNESS_BUDGET_MS,
  ) {}

  /**
   * Cancels the current network's betweenness sampling (shutdown). The pool's threads are shared by
   * the process and stay; without this a stopped app kept them sampling for a network nobody reads.
   */
  stop(): void {
    this.stopped = true;
    this.current?.dispose();
  }

  snapshot(): Promise<NetworkSnapshot> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  /**
   * Runs what a sync does after a write once, on entities that exist, and drops the result: the
   * first execution of the entity-state statements on real data costs the database up to seconds
   * (and the patching code is not compiled yet), which the first answer after the first write
   * would otherwise pay. Nothing changes: the states read are those the projection holds.
   */
  async warmUp(): Promise<void> {
    const { projection } = await this.snapshot();
    const { hcpIds, mslIds, msl } = projection.net;
    const [linked, attributes] = hcpIds;
    const related = mslIds.findIndex((_, m) => msl.ends[m] > msl.offsets[m]);
    const changed = {
      hcps: new Set(linked === undefined ? [] : [linked]),
      attrs: new Set(attributes === undefined ? [] : [attributes]),
      msls: new Set(mslIds.slice(0, 1)),
      pairs: related < 0 ? [] : [{ msl: mslIds[related], hcp: hcpIds[msl.targets[msl.offsets[related]]] }],
      reference: true,
    };
    const [states] = await Promise.all([readStates(this.read, changed), this.db.read(CHANGES_BETWEEN, { since: 1, after: 0 })]);
    applyStates(projection, states, projection.version, projection.time);
  }

  /**
   * Prepares, inside a writer's transaction after its writes, the network its commit makes: reads
   * the states of the HCPs `change` names through `read` (the transaction sees its own writes),
   * applies them to the current network and computes the PageRanks it had, on their thread. The
   * sync that applies the record takes its HCP graphs and PageRanks instead of patching and restarting them when its network
   * still holds the HCP graph this was prepared on and the states it reads are these (takeOffer):
   * the graphs are then equal, and so are the scores. Anything else (another edit in between, a
   * writer elsewhere, a transaction that did not commit) does not match, and the sync restarts
   * PageRank as without it: the preparation decides speed, never the answer. Only changes to the
   * HCP graphs are prepared (links; HCPs created or erased): other changes restart nothing.
   * The offer is made before the commit, so that no sync can read the record before it.
   */
  async prepare(read: StateReader, change: NetworkChange): Promise<PreparedNetwork | undefined> {
    const current = this.current;
    const erased = (change.erasedHcps ?? []).map((hcp) => hcp.id);
    if (!current || this.stopped || change.full || (change.hcps?.length ?? 0) + erased.length === 0) return undefined;
    // An erasure's record also names, by the launcher's listener, the HCPs whose links to it were deleted.
    const hcps = new Set([...(change.hcps ?? []), ...erased, ...erased.flatMap((id) => tiedTo(current.net, id))]);
    const states = await readStates(read, { hcps, msls: new Set(), pairs: [], attrs: new Set(), reference: false });
    const base = this.tip();
    const applied = applyStates(base.projection, states, base.projection.version, base.projection.time);
    const snapshot = base.derive(applied.projection, applied, { preparing: true });
    // Offered before its PageRanks are done, so that a writer preparing meanwhile builds on it (tip).
    const { directed, hcpIds } = base.net;
    const offer: Offer = { directed, hcpIds, hcps: states.hcps, snapshot, expiry: setTimeout(() => this.withdraw(offer), OFFER_TTL_MS) };
    offer.expiry.unref();
    this.offers.push(offer);
    if (this.offers.length > MAX_OFFERS) this.withdraw(this.offers[0]);
    await snapshot.computePageRanks(base);
    // The network it was prepared on is gone (another edit applied first, a writer before it withdrew): it cannot match.
    if (!this.offers.includes(offer)) return undefined;
    return { withdraw: () => this.withdraw(offer) };
  }

  /**
   * The network the next preparation builds on: the current one, or the newest offer prepared on
   * it, or on that one, and so on. Writers on one instance usually commit in the order they
   * prepared (their PageRanks run one at a time, in order), so an edit prepared while another's
   * transaction is still open builds on the network that one's commit makes, and both syncs can
   * take their offers. A different order only costs the later offer its match.
   */
  private tip(): NetworkSnapshot {
    let tip = this.current!;
    // Each step moves to a newer offer (one is made after its base): at most one step per offer.
    for (let steps = 0; steps < this.offers.length; steps++) {
      const on = (offer: Offer) => offer.directed === tip.net.directed && offer.hcpIds === tip.net.hcpIds && offer.snapshot !== tip;
      const next = [...this.offers].reverse().find(on);
      if (!next) break;
      tip = next.snapshot;
    }
    return tip;
  }

  private withdraw(offer: Offer): void {
    clearTimeout(offer.expiry);
    this.offers = this.offers.filter((held) => held !== offer);
    this.pruneOffers();
  }

  /** The offer prepared on `current`'s HCP graph from exactly these changed HCPs' states, if any (prepare). */
  private takeOffer(current: NetworkSnapshot, hcps: readonly HcpState[]): NetworkSnapshot | undefined {
    const { directed, hcpIds } = current.net;
    const offer = this.offers.find((held) => held.directed === directed && held.hcpIds === hcpIds && sameLinks(held.hcps, hcps));
    return offer?.snapshot;
  }

  /**
   * After the HCP graph changed, or an offer was withdrawn: keeps the offers prepared on the
   * current network, or on an offer kept (offers are in the order they were made, so an offer's
   * base comes before it); the others can no longer match.
   */
  private pruneOffers(): void {
    if (!this.current) return this.dropOffers();
    const reachable = new Set<HcpNetwork['directed']>([this.current.net.directed]);
    const kept: Offer[] = [];
    for (const offer of this.offers) {
      if (reachable.has(offer.directed)) {
        kept.push(offer);
        reachable.add(offer.snapshot.net.directed);
      } else {
        clearTimeout(offer.expiry);
      }
    }
    this.offers = kept;
  }

  /** After a rebuild: no offer prepared on an earlier network can match. */
  private dropOffers(): void {
    for (const offer of this.offers) clearTimeout(offer.expiry);
    this.offers = [];
  }

  private readonly read: StateReader = (cypher, params) => this.db.read(cypher, params);

  /** A write transaction's ticket (its metadata names it in the commit lines), when this instance reads them. */
  ticket(): CommitTicket | undefined {
    return this.db.commits ? this.log.ticket() : undefined;
  }

  /** Where the transaction of `ticket` keeps the states its record names (changes.ts recordNetworkChange). */
  keeper(ticket: CommitTicket): Keeper {
    return { position: () => this.db.commits?.size(), keep: (change) => this.log.keep(ticket.seq, change) };
  }

  private start(): Promise<NetworkSnapshot> {
    const running = this.sync().finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  /**
   * Exact by the counter's order (launcher CommitCounter.java): a commit acknowledged before this
   * call moved it before this read; one that moved it after the read taken before the previous
   * probe was either visible to that probe or moves it past that value now. Equal: no commit the
   * probe reads since then, the network is current.
   */
  private async sync(): Promise<NetworkSnapshot> {
    const started = performance.now();
    this.times = this.observer && {
      startedAt: performance.timeOrigin + started,
      probed: false,
      kept: false,
      probeMs: 0,
      statesMs: 0,
      applyMs: 0,
      totalMs: 0,
    };
    const commits = this.db.commits;
    const count = commits?.read();
    if (this.current && count !== undefined && count === this.syncedCount) {
      this.skipped += 1;
      this.quietAt = Date.now();
      this.observed(started);
      return this.current;
    }
    this.syncedCount = undefined;
    const at = Date.now();
    let lines = this.current ? commits?.readFrom(this.log.offset) : undefined;
    if (lines && !this.log.reads(lines.ino)) lines = commits!.readFrom(this.log.restart(lines.ino));
    const kept = lines && this.log.take(lines.ino, lines.text);
    // The count the lines read end at: where the file stood before this sync's probe, if any.
    const read = lines ? `${lines.ino}:${this.log.offset}` : count;
    if (kept) {
      await this.applyKept(kept, at);
      this.syncedCount = read;
      this.observed(started);
      return this.current!;
    }
    const synced = await (this.current ? this.probeAndApply() : this.rebuild());
    this.syncedCount = read;
    this.observed(started);
    return synced;
  }

  /**
   * Applies the states kept for `kept` (in the lines' order; the newest per HCP and pair), but for
   * records a probe applied already (it read after their commits). Every commit acknowledged
   * before `at` is applied then (commit-log.ts): as after a probe at `at`, records stamped since
   * the overlap window and not applied are late commits, which the next probe looks for.
   */
  private async applyKept(kept: readonly KeptChange[], at: number): Promise<void> {
    const fresh = kept.filter(({ change }) => !this.seen.has(change.id));
    if (fresh.length > 0)
      await this.apply(
        fresh.map(({ change }) => change),
        latestStates(fresh),
      );
    this.keptSyncs += 1;
    if (this.times) this.times.kept = true;
    this.markSynced(
      Math.max(at, this.syncedAt),
      fresh.map(({ change }) => change),
    );
    this.quietAt = at;
    this.pruneNowAndThen(at);
  }

  private observed(started: number): void {
    if (!this.times) return;
    this.times.totalMs = performance.now() - started;
    this.observer?.(this.times);
    this.times = undefined;
  }

  /** Adds the ms `step` takes to the running sync's `field` (when observed). */
  private async timed<T>(field: 'probeMs' | 'statesMs', step: () => Promise<T>): Promise<T> {
    if (!this.times) return step();
    const start = performance.now();
    try {
      return await step();
    } finally {
      if (this.times) this.times[field] += performance.now() - start;
    }
  }

  private async probeAndApply(): Promise<NetworkSnapshot> {
    for (let attempt = 0; ; attempt++) {
      const since = this.syncedAt - CHANGE_OVERLAP_MS;
      const probe = await this.probe(since, this.syncedAt);
      // Records older than the retention are pruned: after half of it without knowing the network
      // current (a probe, or the counter where it stood), some may be gone unread.
      if (probe.now - Math.max(this.syncedAt, this.quietAt) > CHANGE_RETENTION_MS / 2) return this.rebuild();
      const fresh = await this.unseen(probe, since, this.syncedAt);
      if (fresh.some((change) => change.full)) return this.rebuild();
      const prefetched = new Set(probe.changes.map((change) => change.id));
      if (fresh.length > 0) await this.apply(fresh, fresh.every((change) => prefetched.has(change.id)) ? probe.prefetched : undefined);
      this.markSynced(probe.now, fresh);
      this.pruneNowAndThen(probe.now);
      if (this.countsMatch(probe.counts)) return this.current!;
      // A commit between the counts and the records (or a writer that wrote no record): look once more.
      if (attempt >= 1) return this.rebuild();
    }
  }

  private async rebuild(): Promise<NetworkSnapshot> {
    const before = await this.probe(null, null);
    const projection = await loadProjection(this.db, `full-${before.now}`, before.now);
    const after = await this.probe(null, null);
    this.countOffset = sameCounts(before.counts, after.counts) ? difference(after.counts, projection.counts) : undefined;
    this.seen.clear();
    this.markSynced(before.now, before.changes);
    this.current?.dispose();
    this.dropOffers();
    this.current = new NetworkSnapshot(projection, this.betweennessBudgetMs);
    // A network read whole (first use, an import, a rebuild) has its betweenness sampled at once,
    // at the lowest priority: at 100k HCPs the first ranking asked after a start is not cold.
    // After an edit the job starts on first use, as each edit would supersede it again.
    if (!this.stopped) this.current.startBetweenness();
    this.builds += 1;
    return this.current;
  }

  /** `prefetched`: the probe's states, when every one of `changes` came with the probe. */
  private async apply(changes: StoredChange[], prefetched?: Probe['prefetched']): Promise<void> {
    const current = this.current!;
    const erased = hcpsOfNodes(
      current.projection,
      changes.flatMap((change) => change.erased),
    );
    const pairs = new Map<string, { msl: string; hcp: string }>();
    for (const change of changes) {
      change.pairMsls.forEach((msl, i) => {
        const hcp = change.pairHcps[i];
        if (hcp !== undefined) pairs.set(pairKey(msl, hcp), { msl, hcp });
      });
    }
    const changed: ChangedEntities = {
      // An erased HCP, named by its node id, is re-read like one named by id: it no longer exists (erasure.ts).
      hcps: new Set([...changes.flatMap((change) => change.hcps ?? []), ...erased]),
      msls: new Set(changes.flatMap((change) => change.msls ?? [])),
      pairs: [...pairs.values()],
      attrs: new Set(changes.flatMap((change) => change.attrs ?? [])),
      reference: changes.some((change) => change.reference),
    };
    const states = prefetchedStates(changed, prefetched) ?? (await this.timed('statesMs', () => readStates(this.read, changed)));
    const applying = performance.now();
    const newest = changes.reduce((latest, change) => (change.at > latest.at ? change : latest));
    const prepared = states.hcps.length > 0 ? this.takeOffer(current, states.hcps) : undefined;
    const time = Math.max(newest.at, current.projection.time);
    const applied = applyStates(current.projection, states, newest.id, time, prepared?.projection);
    this.current = current.derive(applied.projection, applied, { prepared });
    if (this.times) this.times.applyMs += performance.now() - applying;
    if (applied.structure) this.pruneOffers();
    if (prepared) this.prepared += 1;
    this.updates += 1;
  }

  /** since/after null: a first probe (a rebuild), which returns every record of the overlap window. */
  private async probe(since: number | null, after: number | null): Promise<Probe> {
    const recent = after === null ? null : after - RECENT_MS;
    const applied = recent === null ? [] : [...this.seen].filter(([, at]) => at > recent).map(([id]) => id);
    this.probes += 1;
    if (this.times) this.times.probed = true;
    const [row] = await this.timed('probeMs', () =>
      this.db.read<{
        now: number;
        hcps: number;
        links: number[];
        knows: number;
        changes: StoredChange[];
        earlier: number[];
        attrStates: HcpState[];
        pairStates: PairState[];
      }>(PROBE, { recent, overlap: CHANGE_OVERLAP_MS, applied, ...bucketRanges(since, after) }),
    );
    return {
      now: row.now,
      counts: { hcps: row.hcps, links: row.links, knows: row.knows },
      changes: row.changes,
      earlier: row.earlier.map((records, bucket) => [bucket, records]),
      prefetched: { attrs: row.attrStates, pairs: row.pairStates },
    };
  }

  /**
   * The records not applied yet: the probe's (new ones and late ones of the RECENT_MS before the
   * last sync), and those of the rest of the overlap window since..after - RECENT_MS that
   * committed after the last sync read it. An age bucket holds some exactly when it holds more
   * records than were applied from it (records are not removed within the window: pruning takes
   * hour-old ones); the window is read back to the oldest such bucket.
   */
  private async unseen(probe: Probe, since: number, after: number): Promise<StoredChange[]> {
    const fresh = probe.changes.filter((change) => !this.seen.has(change.id));
    const recent = after - RECENT_MS;
    const applied = new Array<number>(LATE_AGES.length + 1).fill(0);
    for (const at of this.seen.values()) if (at >= since && at <= recent) applied[bucketOf(after - at)]++;
    const late = probe.earlier.filter(([bucket, records]) => records !== applied[bucket]).map(([bucket]) => bucket);
    if (late.length === 0) return fresh;
    const oldest = Math.max(...late);
    const from = oldest < LATE_AGES.length ? Math.max(since, after - LATE_AGES[oldest] + 1) : since;
    const rows = await this.db.read<{ change: StoredChange }>(CHANGES_BETWEEN, { since: from, after: recent });
    return [...rows.map((row) => row.change).filter((change) => !this.seen.has(change.id)), ...fresh];
  }

  private markSynced(now: number, applied: readonly StoredChange[]): void {
    this.syncedAt = now;
    for (const change of applied) this.seen.set(change.id, change.at);
    const horizon = now - 2 * CHANGE_OVERLAP_MS;
    for (const [id, at] of this.seen) if (at < horizon) this.seen.delete(id);
  }

  private countsMatch(counts: NetworkCounts): boolean {
    if (!this.countOffset) return true;
    const expected = this.current!.projection.counts;
    const offset = this.countOffset;
    return (
      counts.hcps === expected.hcps + offset.hcps &&
      counts.knows === expected.knows + offset.knows &&
      counts.links.every((count, code) => count === expected.links[code] + offset.links[code])
    );
  }

  /** Deletes records past their retention, at most every few minutes, without holding up the caller. */
  private pruneNowAndThen(now: number): void {
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    this.db.write(PRUNE, { retention: CHANGE_RETENTION_MS }).catch(() => undefined);
  }
}

/** The states of `changed` from the probe's, when they are all there: only attributes and pairs named. */
function prefetchedStates(changed: ChangedEntities, prefetched: Probe['prefetched'] | undefined): EntityStates | undefined {
  if (!prefetched || changed.hcps.size > 0 || changed.msls.size > 0 || changed.reference) return undefined;
  const pairs = new Set(changed.pairs.map((pair) => pairKey(pair.msl, pair.hcp)));
  return {
    hcps: [],
    attrs: prefetched.attrs.filter((state) => changed.attrs.has(state.id)),
    msls: [],
    pairs: prefetched.pairs.filter((pair) => pairs.has(pairKey(pair.msl, pair.hcp))),
  };
}

/** The ids of the HCPs linked to `id` either way. */
function tiedTo(net: HcpNetwork, id: string): string[] {
  const v = net.hcpIndex.get(id);
  if (v === undefined) return [];
  const { offsets, ends, targets } = net.ties;
  return Array.from(targets.subarray(offsets[v], ends[v]), (u) => net.hcpIds[u]);
}

/** Whether two lists of HCP states name the same HCPs in the same order, with the same existence and links (what the HCP graphs are built from). */
function sameLinks(a: readonly HcpState[], b: readonly HcpState[]): boolean {
  const same = (x: LinkState[], y: LinkState[]) =>
    x.length === y.length && x.every((link, i) => link.every((value, j) => value === y[i][j]));
  return (
    a.length === b.length &&
    a.every((state, i) => state.id === b[i].id && state.exists === b[i].exists && same(state.out, b[i].out) && same(state.in, b[i].in))
  );
}

function sameCounts(a: NetworkCounts, b: NetworkCounts): boolean {
  return a.hcps === b.hcps && a.knows === b.knows && a.links.every((count, code) => count === b.links[code]);
}

function difference(a: NetworkCounts, b: NetworkCounts): NetworkCounts {
  return { hcps: a.hcps - b.hcps, knows: a.knows - b.knows, links: a.links.map((count, code) => count - b.links[code]) };
}
