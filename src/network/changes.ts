/**
 * Change records: how every writer tells every reader that the network changed, without a
 * node or counter that all writes would lock.
 *
 * Each transaction that changes what the network projection reads creates its own
 * `(:NetworkChange {id, at, hcps, msls, attrs, reference, full})` node (`at`: the database's clock,
 * epoch ms; indexed). A record names the entities whose state changed, not the new values:
 * - `hcps`: HCPs created, erased, or whose links (any of LINK_TYPES, either direction) changed;
 * - `msls`: MSLs created or erased, or whose KNOWS relationships or strengths changed;
 * - `attrs`: HCPs whose territory, areas, institutions, or publication/trial/interaction counts changed;
 * - `reference`: territories or therapeutic areas were created or erased;
 * - `full`: too much changed to name (a bulk import), or an HCP was erased: readers rebuild.
 * Readers re-read the current state of the named entities (index seeks, cost independent of the
 * graph's size), so applying a record twice, or two records in either order, gives the same
 * network: replaying values instead would depend on commit order, which `at` does not give.
 *
 * Who writes them: the API's mutations and the import (here), and - for Cypher typed by hand -
 * the embedded launcher's transaction listener (launcher/.../NetworkChangeListener.java), which
 * adds what a transaction touched to its record or creates one.
 */
import { Statement, Tx, runTogether } from '../db/database';

export interface NetworkChange {
  /**
   * HCPs erased for good (data-subject erasure): their ids must not outlive them, so they are
   * removed from the records that name them and this record asks for a rebuild instead.
   */
  erasedHcps?: readonly string[];
  hcps?: readonly string[];
  msls?: readonly string[];
  attrs?: readonly string[];
  reference?: boolean;
  full?: boolean;
}

/** A change record as read back. */
export interface StoredChange {
  id: string;
  at: number;
  hcps: string[];
  msls: string[];
  attrs: string[];
  reference: boolean;
  full: boolean;
}

/** Records written within this many ms before the newest one seen are read again: see NetworkService. */
export const CHANGE_OVERLAP_MS = 10_000;

/** Change records older than this are deleted; a reader that has not synced for half of it rebuilds. */
export const CHANGE_RETENTION_MS = 60 * 60 * 1000;

export const RECORD_CHANGE_STATEMENT = `
  CREATE (:NetworkChange {id: randomUUID(), at: timestamp(), hcps: $change.hcps, msls: $change.msls, attrs: $change.attrs,
    reference: $change.reference, full: $change.full})`;

/** Removes erased HCPs' ids from the records (no index: the records of the retention period are scanned). */
const FORGET_STATEMENT = `
  MATCH (c:NetworkChange) WHERE any(id IN $ids WHERE id IN c.hcps OR id IN c.attrs)
  SET c.hcps = [id IN c.hcps WHERE NOT id IN $ids], c.attrs = [id IN c.attrs WHERE NOT id IN $ids]`;

/** The record of a bulk write (the import): every reader rebuilds. */
export const FULL_CHANGE = { hcps: [], msls: [], attrs: [], reference: true, full: true } as const;

/**
 * Writes the record of `change` inside the caller's transaction (nothing when it names nothing)
 * together with `alongside` (the transaction's other records, e.g. its audit event) in one
 * statement: each statement costs a round trip and the server's per-statement work.
 */
export async function recordNetworkChange(tx: Tx, change: NetworkChange, alongside: readonly (Statement | null)[] = []): Promise<void> {
  const erased = unique(change.erasedHcps);
  if (erased.length > 0) await tx.run(FORGET_STATEMENT, { ids: erased });
  const record = {
    hcps: unique(change.hcps),
    msls: unique(change.msls),
    attrs: unique(change.attrs),
    reference: change.reference ?? false,
    full: (change.full ?? false) || erased.length > 0,
  };
  const names = record.full || record.reference || record.hcps.length + record.msls.length + record.attrs.length > 0;
  await runTogether(tx, [names ? { cypher: RECORD_CHANGE_STATEMENT, params: { change: record } } : null, ...alongside]);
}

function unique(ids: readonly string[] = []): string[] {
  return Array.from(new Set(ids));
}
