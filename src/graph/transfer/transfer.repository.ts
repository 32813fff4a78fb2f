import { Database, Tx, int } from '../../db/database';
import { RelationshipTransfer, TransferredRelationship } from './transfer.type';

/** What KNOWS stores, read for the strength at a moment (relationship.strength.ts). */
export interface StoredKnows {
  hcpId: string;
  strength: number;
  baseStrength: number | null;
  computedAt: number | null;
}

const STORED =
  'h.id AS hcpId, coalesce(k.strength, k.baseStrength, 0.0) AS strength, k.baseStrength AS baseStrength, k.strengthComputedAt.epochMillis AS computedAt';

const PROJECTION = `x {.id, at: toString(x.at), by: x.sub,
  fromMslId: head([(x)-[:FROM]->(m:MSL) | m.id]), toMslId: head([(x)-[:TO]->(m:MSL) | m.id]),
  relationships: [(x)-[o:OF]->(h:HCP) | {hcpId: h.id, merged: o.merged, fromStrength: o.fromStrength, strength: o.strength}]}`;

/** Sorts the relationships of a transfer by HCP id (a pattern comprehension has no order). */
function ordered(transfer: RelationshipTransfer): RelationshipTransfer {
  return { ...transfer, relationships: [...transfer.relationships].sort((a, b) => (a.hcpId < b.hcpId ? -1 : 1)) };
}

export class TransferRepository {
  constructor(private readonly db: Database) {}

  /** Transfers from or to the MSL (every transfer when null), newest first, at most `limit`. */
  async list(mslId: string | null, limit: number): Promise<RelationshipTransfer[]> {
    const rows = await this.db.read<{ value: RelationshipTransfer }>(
      `MATCH (x:RelationshipTransfer)
       WHERE $mslId IS NULL OR EXISTS { (x)-[:FROM|TO]->(:MSL {id: $mslId}) }
       WITH x ORDER BY x.at DESC, x.id LIMIT $limit
       RETURN ${PROJECTION} AS value`,
      { mslId, limit: int(limit) },
    );
    return rows.map((row) => ordered(row.value));
  }
}

/**
 * Writes of a transfer inside the caller's transaction. The history of a relationship is every
 * interaction of the pair: those the MSL LOGGED, and those it INHERITED with a transferred
 * relationship (the interactions stay LOGGED by who had them).
 */
export const transferWrites = {
  /** The leaving MSL's KNOWS to each HCP, write-locked (so a concurrent change of them waits); absent HCPs are left out. */
  lockFrom(tx: Tx, fromMslId: string, hcpIds: readonly string[]): Promise<StoredKnows[]> {
    return tx.run<StoredKnows>(
      `UNWIND $hcpIds AS hid
       MATCH (:MSL {id: $from})-[k:KNOWS]->(h:HCP {id: hid})
       SET k.strength = k.strength
       RETURN ${STORED}`,
      { from: fromMslId, hcpIds },
    );
  },

  /**
   * Moves each relationship: the receiver inherits the pair's history (INHERITED, except
   * interactions it logged itself); without a relationship of its own it gets the leaving one
   * unchanged (strength, base, since, last contact, recomputation day), else the two merge (base
   * = the larger, since = the earlier, last contact = the later; the caller recomputes the
   * strength). The leaving MSL's KNOWS and inherited links to those interactions go. Returns the
   * HCPs merged.
   */
  async move(tx: Tx, fromMslId: string, toMslId: string, hcpIds: readonly string[]): Promise<string[]> {
    const rows = await tx.run<{ hcpId: string; merged: boolean }>(
      `MATCH (f:MSL {id: $from}) MATCH (t:MSL {id: $to})
       UNWIND $hcpIds AS hid
       MATCH (f)-[k:KNOWS]->(h:HCP {id: hid})
       CALL (f, t, h) {
         OPTIONAL MATCH (f)-[:LOGGED|INHERITED]->(i:Interaction)-[:WITH]->(h)
         WITH t, i WHERE i IS NOT NULL AND NOT (t)-[:LOGGED]->(i)
         MERGE (t)-[:INHERITED]->(i)
       }
       CALL (f, h) { OPTIONAL MATCH (f)-[old:INHERITED]->(:Interaction)-[:WITH]->(h) DELETE old }
       OPTIONAL MATCH (t)-[r:KNOWS]->(h)
       WITH f, t, h, k, r, r IS NOT NULL AS merged
       FOREACH (_ IN CASE WHEN merged THEN [] ELSE [1] END | CREATE (t)-[n:KNOWS]->(h) SET n = properties(k))
       FOREACH (x IN CASE WHEN merged THEN [r] ELSE [] END |
         SET x.baseStrength = CASE WHEN coalesce(k.baseStrength, k.strength, 0.0) > coalesce(x.baseStrength, x.strength, 0.0)
                                   THEN coalesce(k.baseStrength, k.strength) ELSE coalesce(x.baseStrength, x.strength) END,
             x.since = CASE WHEN x.since IS NULL OR (k.since IS NOT NULL AND k.since < x.since) THEN k.since ELSE x.since END,
             x.lastContact = CASE WHEN x.lastContact IS NULL OR (k.lastContact IS NOT NULL AND k.lastContact > x.lastContact) THEN k.lastContact ELSE x.lastContact END)
       DELETE k
       RETURN h.id AS hcpId, merged`,
      { from: fromMslId, to: toMslId, hcpIds },
    );
    return rows.filter((row) => row.merged).map((row) => row.hcpId);
  },

  /** The receiver's KNOWS to each HCP. */
  received(tx: Tx, toMslId: string, hcpIds: readonly string[]): Promise<StoredKnows[]> {
    return tx.run<StoredKnows>(
      `UNWIND $hcpIds AS hid
       MATCH (:MSL {id: $to})-[k:KNOWS]->(h:HCP {id: hid})
       RETURN ${STORED}`,
      { to: toMslId, hcpIds },
    );
  },

  /** The queryable record of the transfer. */
  async record(
    tx: Tx,
    transfer: { id: string; sub: string; fromMslId: string; toMslId: string; relationships: TransferredRelationship[] },
  ): Promise<RelationshipTransfer> {
    const [row] = await tx.run<{ value: RelationshipTransfer }>(
      `MATCH (f:MSL {id: $fromMslId}) MATCH (t:MSL {id: $toMslId})
       CREATE (x:RelationshipTransfer {id: $id, at: datetime(), sub: $sub})-[:FROM]->(f), (x)-[:TO]->(t)
       WITH x
       UNWIND $relationships AS r
       MATCH (h:HCP {id: r.hcpId})
       CREATE (x)-[:OF {merged: r.merged, fromStrength: r.fromStrength, strength: r.strength}]->(h)
       WITH DISTINCT x
       RETURN ${PROJECTION} AS value`,
      { ...transfer },
    );
    return ordered(row.value);
  },
};
