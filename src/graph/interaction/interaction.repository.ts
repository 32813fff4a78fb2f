import { Database, Tx } from '../../db/database';
import { KeyedPage, PageRequest, SortPart, pagesStatement, requestParams } from '../common/keyed-page';
import { INITIAL_STRENGTH } from '../relationship/relationship.repository';
import { Channel, Interaction, Sentiment } from './interaction.type';

/** An interaction's properties with the ids of its MSL and HCP (`i`, or the variable given, bound to an :Interaction). */
const interactionProjection = (i: string) => `${i} {.id, .date, .channel, .topic, .sentiment, .notes,
  mslId: head([(m:MSL)-[:LOGGED]->(${i}) | m.id]), hcpId: head([(${i})-[:WITH]->(other:HCP) | other.id])}`;
export const INTERACTION_PROJECTION = interactionProjection('i');

type InteractionRow = Omit<Interaction, 'channel' | 'sentiment'> & { channel: string; sentiment: string };

export function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    date: row.date,
    channel: row.channel as Channel,
    topic: row.topic ?? null,
    sentiment: row.sentiment as Sentiment,
    notes: row.notes ?? null,
    mslId: row.mslId ?? null,
    hcpId: row.hcpId ?? null,
  };
}

/** Newest first; same-day interactions by id: a stable order for cursors. */
export const INTERACTION_ORDER: SortPart[] = [
  { kind: 'date', value: (x) => `${x}.date`, desc: true, cursor: (x) => `toString(${x}.date)`, fromCursor: (c) => `date(${c})` },
  { kind: 'string', value: (x) => `${x}.id` },
];

const OF_HCP = pagesStatement('(x:Interaction)-[:WITH]->(:HCP {id: r.key})', INTERACTION_ORDER, interactionProjection);
const OF_MSL = pagesStatement('(:MSL {id: r.key})-[:LOGGED]->(x:Interaction)', INTERACTION_ORDER, interactionProjection);

export interface NewInteraction {
  id: string;
  mslId: string;
  hcpId: string;
  date: string;
  channel: Channel;
  topic: string | null;
  sentiment: Sentiment;
  notes: string | null;
}

export class InteractionRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<Interaction[]> {
    const rows = await this.db.read<{ value: InteractionRow }>(
      `UNWIND $ids AS id MATCH (i:Interaction {id: id}) RETURN ${INTERACTION_PROJECTION} AS value`,
      { ids },
    );
    return rows.map((row) => toInteraction(row.value));
  }

  pagesOfHcps(requests: readonly PageRequest[]): Promise<KeyedPage<Interaction>[]> {
    return this.pages(OF_HCP, requests);
  }

  pagesOfMsls(requests: readonly PageRequest[]): Promise<KeyedPage<Interaction>[]> {
    return this.pages(OF_MSL, requests);
  }

  private async pages(statement: string, requests: readonly PageRequest[]): Promise<KeyedPage<Interaction>[]> {
    const rows = await this.db.read<KeyedPage<InteractionRow>>(statement, { requests: requestParams(requests) });
    return rows.map((row) => ({ ...row, rows: row.rows.map(toInteraction) }));
  }
}

/** Writes of interactions inside a caller's transaction. */
export const interactionWrites = {
  /**
   * (:MSL)-[:LOGGED]->(:Interaction)-[:WITH]->(:HCP), and the pair's KNOWS: its `lastContact`
   * becomes the later of itself and the interaction's date; when the MSL did not know the HCP
   * yet, KNOWS is created with strength INITIAL_STRENGTH, since = lastContact = the date.
   */
  async create(tx: Tx, input: NewInteraction): Promise<{ interaction: Interaction; relationshipCreated: boolean }> {
    const [row] = await tx.run<{ value: InteractionRow; created: boolean }>(
      `MATCH (m:MSL {id: $mslId}) MATCH (h:HCP {id: $hcpId})
       CREATE (m)-[:LOGGED]->(i:Interaction {id: $id, date: date($date), channel: $channel, topic: $topic, sentiment: $sentiment, notes: $notes})-[:WITH]->(h)
       WITH m, h, i, [(m)-[k:KNOWS]->(h) | k] AS olds
       FOREACH (k IN olds | SET k.lastContact = CASE WHEN k.lastContact IS NULL OR k.lastContact < i.date THEN i.date ELSE k.lastContact END)
       FOREACH (_ IN CASE WHEN size(olds) = 0 THEN [1] ELSE [] END |
         CREATE (m)-[:KNOWS {strength: $initial, baseStrength: $initial, since: i.date, lastContact: i.date}]->(h))
       RETURN ${INTERACTION_PROJECTION} AS value, size(olds) = 0 AS created`,
      { ...input, initial: INITIAL_STRENGTH },
    );
    return { interaction: toInteraction(row.value), relationshipCreated: row.created };
  },
};
