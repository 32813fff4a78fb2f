/**
 * Change records: how every writer tells every reader that the network changed, without a
 * node or counter that all writes would lock.
 *
 * Each transaction that changes what the network projection reads creates its own
 * `(:NetworkChange {id, at, hcps, msls, pairMsls, pairHcps, attrs, erased, reference, full})` node
 * (`at`: the database's clock, epoch ms; indexed). A record names the entities whose state
 * changed, not the new values:
 * - `hcps`: HCPs created, or whose links (any of LINK_TYPES, either direction) changed;
 * - `msls`: MSLs created or erased (readers re-read all their relationships);
 * - `pairMsls`, `pairHcps`: parallel lists, the i-th MSL and HCP naming one pair whose KNOWS
 *   relationship was created, deleted or re-weighted (a logged interaction): readers re-read that
 *   relationship alone. Records without them (older writers) name the MSL in `msls` instead;
 * - `attrs`: HCPs whose territory, areas, institutions, or publication/trial/interaction counts changed;
 * - `erased`: the store's internal node ids of HCPs erased (data-subject erasure), never their own
 *   ids, which must not outlive them (see below);
 * - `reference`: territories or therapeutic areas were created or erased;
 * - `full`: too much changed to name (a bulk import): readers rebuild.
 * Readers re-read the current state of the named entities (index seeks, cost independent of the
 * graph's size), so applying a record twice, or two records in either order, gives the same
 * network: replaying values instead would depend on commit order, which `at` does not give.
 *
 * An erased HCP is named by its internal node id, which says nothing about the person once the
 * node is gone. Each reader keeps the node id of every HCP it holds (projection `nodeIds`), maps
 * an erased node id to the HCP id it holds under it, and re-reads that HCP like any named one: it
 * no longer exists, so it leaves the network with its links and relationships (no rebuild). The
 * store reuses the ids of deleted nodes, so a node id may name another HCP by the time a reader
 * sees the record (a late record, or a reader that loaded the new node already): the re-read is
 * by the HCP id the reader held, and answers that HCP's current state whatever the node id names
 * now, so a reused id costs one needless re-read, never a wrong network. Records written before
 * the erasure that name the HCP's id lose it (FORGET_STATEMENT); readers that had not applied them
 * still re-read the HCP through the erasure's record.
 *
 * Who writes them: the API's mutations and the import (here), and - for Cypher typed by hand -
 * the embedded launcher's transaction listener (launcher/.../NetworkChangeListener.java), which
 * adds what a transaction touched to its record or creates one.
 */
import { randomUUID } from 'node:crypto';
import { Statement, Tx, runTogether } from '../db/database';
import { PREFETCH_STATES } from './entity-states';
import { HcpState, PairState } from './incremental';

export interface NetworkChange {
  /**
   * HCPs erased for good (data-subject erasure), each with its internal node id: their ids are
   * removed from the records that name them and this record names the node ids instead.
   */
  erasedHcps?: readonly ErasedHcp[];
  hcps?: readonly string[];
  msls?: readonly string[];
  /** MSL-HCP pairs whose relationship was created, deleted or re-weighted: [MSL id, HCP id]. */
  pairs?: readonly (readonly [mslId: string, hcpId: string])[];
  attrs?: readonly string[];
  reference?: boolean;
  full?: boolean;
}

export interface ErasedHcp {
  id: string;
  /** The store's internal id of its node (Cypher `id(h)`), read before the delete. */
  node: number;
}

/** A change record as read back (lists a record written by older code lacks read as empty). */
export interface StoredChange {
  id: string;
  at: number;
  hcps: string[];
  msls: string[];
  pairMsls: string[];
  pairHcps: string[];
  attrs: string[];
  erased: number[];
  reference: boolean;
  full: boolean;
}

/** What a kept transaction read after its writes, its HCPs locked: applied when its commit line shows (commit-log.ts). */
export interface KeptChange {
  /** The file's length read before the statement that locked its HCPs and read these states. */
  position: number;
  change: StoredChange;
  states: { attrs: HcpState[]; pairs: PairState[] };
}

/** A record's contents in a RETURN, as StoredChange (`c` names the record). */
export const STORED_CHANGE = `c {.id, .at, .hcps, .msls, .attrs, .reference, .full,
    pairMsls: coalesce(c.pairMsls, []), pairHcps: coalesce(c.pairHcps, []), erased: coalesce(c.erased, [])}`;

/** Records written within this many ms before the newest one seen are read again: see NetworkService. */
export const CHANGE_OVERLAP_MS = 10_000;

/** Change records older than this are deleted; a reader that has not synced for half of it rebuilds. */
export const CHANGE_RETENTION_MS = 60 * 60 * 1000;

export const RECORD_CHANGE_STATEMENT = `
  CREATE (:NetworkChange {id: $change.id, at: timestamp(), hcps: $change.hcps, msls: $change.msls,
    pairMsls: $change.pairMsls, pairHcps: $change.pairHcps, attrs: $change.attrs, erased: $change.erased,
    reference: $change.reference, full: $change.full})`;

/**
 * Removes erased HCPs' ids from the records, pairs naming them included (no index: the records of
 * the retention period are scanned; erasures are rare).
 */
const FORGET_STATEMENT = `
  MATCH (c:NetworkChange) WHERE any(id IN $ids WHERE id IN c.hcps OR id IN c.attrs OR id IN coalesce(c.pairHcps, []))
  WITH c, coalesce(c.pairMsls, []) AS pairMsls, coalesce(c.pairHcps, []) AS pairHcps
  WITH c, pairMsls, pairHcps, [i IN range(0, size(pairHcps) - 1) WHERE NOT pairHcps[i] IN $ids] AS kept
  SET c.hcps = [id IN c.hcps WHERE NOT id IN $ids], c.attrs = [id IN c.attrs WHERE NOT id IN $ids],
    c.pairMsls = [i IN kept | pairMsls[i]], c.pairHcps = [i IN kept | pairHcps[i]]`;

/**
 * After a record that names only HCPs' attributes and MSL-HCP pairs (a logged interaction), in its
 * statement: locks those HCPs (a property written and removed: Neo4j takes a node's exclusive lock
 * before any property write and holds it to the end of the transaction), then reads their states
 * as the sync's probe would (PREFETCH_STATES), and the record's `at` (timestamp() is the
 * statement's). Writers of one HCP thus read its states in commit order (commit-log.ts). The lock
 * is taken after the writes: two transactions that both hold a shared lock on one dense HCP from
 * their relationships deadlock, and Neo4j fails one, which the driver runs again.
 */
const KEEP_STATEMENT = `
  CALL () { MATCH (h:HCP) WHERE h.id IN $keep.hcps SET h.networkLock = true REMOVE h.networkLock }
  WITH [$change] AS changes${PREFETCH_STATES}
  RETURN timestamp() AS at, attrStates, pairStates`;

/** How a mutation keeps the states its record names for this instance's sync (commit-log.ts). */
export interface Keeper {
  /** The commit file's length now; undefined: not known (nothing is kept). */
  position(): number | undefined;
  keep(change: KeptChange): void;
}

/** The record of a bulk write (the import): every reader rebuilds. */
export const FULL_CHANGE = { hcps: [], msls: [], attrs: [], reference: true, full: true } as const;

/**
 * Writes the record of `change` inside the caller's transaction (nothing when it names nothing)
 * together with `alongside` (the transaction's other records, e.g. its audit event) in one
 * statement: each statement costs a round trip and the server's per-statement work. With `keeper`,
 * a record naming only attributes and pairs also has its states read in that statement (KEEP_STATEMENT)
 * and handed to the keeper.
 */
export async function recordNetworkChange(
  tx: Tx,
  change: NetworkChange,
  alongside: readonly (Statement | null)[] = [],
  keeper?: Keeper,
): Promise<void> {
  const erased = change.erasedHcps ?? [];
  if (erased.length > 0) await tx.run(FORGET_STATEMENT, { ids: unique(erased.map((hcp) => hcp.id)) });
  const pairs = uniquePairs(change.pairs);
  const record = {
    id: randomUUID(),
    hcps: unique(change.hcps),
    msls: unique(change.msls),
    pairMsls: pairs.map(([mslId]) => mslId),
    pairHcps: pairs.map(([, hcpId]) => hcpId),
    attrs: unique(change.attrs),
    erased: Array.from(new Set(erased.map((hcp) => hcp.node))),
    reference: change.reference ?? false,
    full: change.full ?? false,
  };
  const names =
    record.full ||
    record.reference ||
    record.hcps.length + record.msls.length + pairs.length + record.attrs.length + record.erased.length > 0;
  const parts = [names ? { cypher: RECORD_CHANGE_STATEMENT, params: { change: record } } : null, ...alongside];
  const kept = record.hcps.length + record.msls.length + record.erased.length === 0 && !record.reference && !record.full;
  const position = names && kept ? keeper?.position() : undefined;
  if (position === undefined) {
    await runTogether(tx, parts);
    return;
  }
  const hcps = unique([...record.attrs, ...record.pairHcps]);
  const [row] = await runTogether<{ at: number; attrStates: HcpState[]; pairStates: PairState[] }>(tx, parts, {
    cypher: KEEP_STATEMENT,
    params: { keep: { hcps } },
  });
  keeper!.keep({ position, change: { ...record, at: row.at }, states: { attrs: row.attrStates, pairs: row.pairStates } });
}

function uniquePairs(pairs: NetworkChange['pairs'] = []): (readonly [string, string])[] {
  return [...new Map(pairs.map((pair) => [pairKey(pair[0], pair[1]), pair])).values()];
}

/** One key per MSL-HCP pair (ids may hold any character: the MSL id's length keeps keys apart). */
export function pairKey(mslId: string, hcpId: string): string {
  return `${mslId.length}:${mslId}${hcpId}`;
}

function unique(ids: readonly string[] = []): string[] {
  return Array.from(new Set(ids));
}
