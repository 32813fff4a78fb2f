import { Database, Tx } from '../../db/database';
import { InteractionEvidence } from '../../engagement/strength';
import { Keyed } from '../reference/reference.repository';
import { MslRelationship } from './relationship.type';

/** A relationship created by logging an interaction with an HCP the MSL did not know yet starts at this strength. */
export const INITIAL_STRENGTH = 0.2;

const PROJECTION = `k {strength: coalesce(k.strength, k.baseStrength, 0.0), .baseStrength, .since, .lastContact,
  computedAt: k.strengthComputedAt.epochMillis, mslId: m.id, hcpId: h.id}`;

/** Reads of (:MSL)-[:KNOWS]->(:HCP), keyed by one end, by descending stored strength then the other end's id. */
export class RelationshipRepository {
  constructor(private readonly db: Database) {}

  ofHcps(hcpIds: readonly string[]): Promise<Keyed<MslRelationship>[]> {
    return this.db.read<Keyed<MslRelationship>>(
      `UNWIND $ids AS key MATCH (m:MSL)-[k:KNOWS]->(h:HCP {id: key})
       WITH key, m, k, h ORDER BY k.strength DESC, m.id
       RETURN key, ${PROJECTION} AS value`,
      { ids: hcpIds },
    );
  }

  ofMsls(mslIds: readonly string[]): Promise<Keyed<MslRelationship>[]> {
    return this.db.read<Keyed<MslRelationship>>(
      `UNWIND $ids AS key MATCH (m:MSL {id: key})-[k:KNOWS]->(h:HCP)
       WITH key, m, k, h ORDER BY k.strength DESC, h.id
       RETURN key, ${PROJECTION} AS value`,
      { ids: mslIds },
    );
  }

  /** The interactions of each MSL–HCP pair (key = pairKey), as the strength formula reads them. */
  histories(pairs: readonly string[]): Promise<Keyed<InteractionEvidence[]>[]> {
    return this.db.read<Keyed<InteractionEvidence[]>>(
      `UNWIND $pairs AS p
       MATCH (:MSL {id: p.m})-[:LOGGED|INHERITED]->(i:Interaction)-[:WITH]->(:HCP {id: p.h})
       RETURN p.key AS key, collect({date: toString(i.date), channel: i.channel, sentiment: i.sentiment}) AS value`,
      { pairs: pairs.map((key) => ({ key, ...pairOf(key) })) },
    );
  }
}

/** The key of an MSL–HCP pair for per-pair loaders. */
export function pairKey(mslId: string, hcpId: string): string {
  return JSON.stringify([mslId, hcpId]);
}

function pairOf(key: string): { m: string; h: string } {
  const [m, h] = JSON.parse(key) as [string, string];
  return { m, h };
}

/** Writes of KNOWS inside a caller's transaction. */
export const relationshipWrites = {
  /**
   * Creates or updates the relationship: `strength` and `baseStrength` set to `strength`, `since`
   * to the given date (kept when null on update; today on create). A new relationship's
   * `lastContact` is the latest interaction of the pair, if any.
   */
  async set(tx: Tx, mslId: string, hcpId: string, strength: number, since: string | null): Promise<MslRelationship> {
    const [row] = await tx.run<{ value: MslRelationship }>(
      `MATCH (m:MSL {id: $mslId}) MATCH (h:HCP {id: $hcpId})
       WITH m, h, [(m)-[k:KNOWS]->(h) | k] AS olds
       CALL (m, h, olds) {
         WITH m, h, olds WHERE size(olds) = 0
         OPTIONAL MATCH (m)-[:LOGGED]->(i:Interaction)-[:WITH]->(h)
         WITH m, h, max(i.date) AS latest
         CREATE (m)-[k:KNOWS {strength: $strength, baseStrength: $strength, since: coalesce(date($since), date())}]->(h)
         SET k.lastContact = latest
       }
       FOREACH (o IN olds | SET o.strength = $strength, o.baseStrength = $strength, o.since = coalesce(date($since), o.since))
       WITH m, h
       MATCH (m)-[k:KNOWS]->(h)
       RETURN ${PROJECTION} AS value LIMIT 1`,
      { mslId, hcpId, strength, since },
    );
    return row.value;
  },
};
