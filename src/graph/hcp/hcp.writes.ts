import { Tx } from '../../db/database';
import { replaceRef, replaceRefs } from '../common/ref-writes';
import { LINK_TYPES } from '../../vocabulary';
import { ErasureReceipt } from './erasure.type';
import { HcpProps } from './hcp.repository';

/** Properties of an HCP node the API writes (null removes the property). */
export interface HcpFields {
  firstName: string;
  lastName: string;
  specialty: string | null;
  email: string | null;
  preferredChannel: string | null;
}

/** References of an HCP; `undefined` = leave as is, null / [] = none. */
export interface HcpRefs {
  institutionId?: string | null;
  territoryId?: string | null;
  therapeuticAreaIds?: string[];
}

const INSTITUTION = { label: 'HCP', rel: 'AFFILIATED_WITH', target: 'Institution' } as const;
const TERRITORY = { label: 'HCP', rel: 'IN_TERRITORY', target: 'Territory' } as const;
const AREAS = { label: 'HCP', rel: 'SPECIALIZES_IN', target: 'TherapeuticArea' } as const;
const FIELDS: readonly (keyof HcpFields)[] = ['firstName', 'lastName', 'specialty', 'email', 'preferredChannel'];

async function writeRefs(tx: Tx, id: string, refs: HcpRefs): Promise<void> {
  if (refs.institutionId !== undefined) await replaceRef(tx, INSTITUTION, id, refs.institutionId);
  if (refs.territoryId !== undefined) await replaceRef(tx, TERRITORY, id, refs.territoryId);
  if (refs.therapeuticAreaIds !== undefined) await replaceRefs(tx, AREAS, id, refs.therapeuticAreaIds);
}

async function read(tx: Tx, id: string): Promise<HcpProps> {
  const [row] = await tx.run<{ h: HcpProps }>('MATCH (h:HCP {id: $id}) RETURN h', { id });
  return row.h;
}

/** Writes of HCPs inside a caller's transaction (checks are the caller's). */
export const hcpWrites = {
  /** A new HCP; without a territory it takes its institution's. */
  async create(tx: Tx, id: string, fields: HcpFields, refs: HcpRefs): Promise<HcpProps> {
    await tx.run('CREATE (h:HCP {id: $id}) SET h += $fields', { id, fields });
    await writeRefs(tx, id, refs);
    if (refs.territoryId === undefined && refs.institutionId) {
      await tx.run(
        `MATCH (h:HCP {id: $id})-[:AFFILIATED_WITH]->(:Institution)-[:IN_TERRITORY]->(t:Territory)
         WITH h, t LIMIT 1 CREATE (h)-[:IN_TERRITORY]->(t)`,
        { id },
      );
    }
    return read(tx, id);
  },

  /** Sets the given fields (null removes), replaces the given references. */
  async update(tx: Tx, id: string, fields: Partial<HcpFields>, refs: HcpRefs): Promise<HcpProps> {
    const changes = Object.fromEntries(FIELDS.filter((name) => fields[name] !== undefined).map((name) => [name, fields[name]]));
    if (Object.keys(changes).length > 0) await tx.run('MATCH (h:HCP {id: $id}) SET h += $changes', { id, changes });
    await writeRefs(tx, id, refs);
    return read(tx, id);
  },

  /**
   * Data-subject erasure: the HCP node with every relationship it has, the interactions with it
   * (their notes are personal data), the insights captured from them and the interactions
   * planned with it. Publications and trials
   * stay (they are public records); only the HCP's authorship/investigator roles go. `node`: the
   * store's internal id of the deleted node, which its change record names instead of its id.
   */
  async erase(tx: Tx, id: string): Promise<{ receipt: ErasureReceipt; node: number }> {
    const [row] = await tx.run<{ receipt: ErasureReceipt; node: number }>(
      `MATCH (h:HCP {id: $id})
       WITH h, id(h) AS node
       CALL (h) {
         OPTIONAL MATCH (i:Interaction)-[:WITH]->(h)
         OPTIONAL MATCH (s:Insight)-[:FROM]->(i)
         RETURN collect(DISTINCT i) AS interactions, collect(DISTINCT s) AS insights
       }
       CALL (h) { OPTIONAL MATCH (p:PlannedInteraction)-[:WITH]->(h) RETURN collect(DISTINCT p) AS plans }
       WITH h, node, interactions, insights, plans,
            COUNT { (h)-[:${LINK_TYPES.join('|')}]-(:HCP) } AS links,
            COUNT { (:MSL)-[:KNOWS]->(h) } AS mslRelationships,
            COUNT { (h)-[:AUTHORED|INVESTIGATOR_ON]->() } AS scientificRoles,
            COUNT { (h)--() } AS relationships
       FOREACH (s IN insights | DETACH DELETE s)
       FOREACH (i IN interactions | DETACH DELETE i)
       FOREACH (p IN plans | DETACH DELETE p)
       DETACH DELETE h
       RETURN node, {hcpId: $id, interactions: size(interactions), insights: size(insights), plannedInteractions: size(plans), links: links,
              mslRelationships: mslRelationships, scientificRoles: scientificRoles, relationships: relationships, erasedAt: toString(datetime())} AS receipt`,
      { id },
    );
    return row;
  },
};
