import { Database, Tx } from '../../db/database';
import { KeyedPage, PageRequest, SortPart, pagesStatement, requestParams } from '../common/keyed-page';
import { INITIAL_STRENGTH } from '../relationship/relationship.repository';
import { PAIR_EVIDENCE, PairEvidence, lockAndReadPair } from '../relationship/strength.repository';
import { Channel, Interaction, Sentiment } from './interaction.type';
import { CheckRow, ReferenceChecks } from '../common/references';

/** An interaction's properties with the ids of its MSL and HCP (`i`, or the variable given, bound to an :Interaction). */
const interactionProjection = (i: string) => `${i} {.id, .date, .channel, .topic, .sentiment, .notes,
  mslId: head([(m:MSL)-[:LOGGED]->(${i}) | m.id]), hcpId: head([(${i})-[:WITH]->(other:HCP) | other.id])}`;
export const INTERACTION_PROJECTION = interactionProjection('i');
/** The projection of a stored interaction `n` as a mutation's checks return it (CreatedRef.storedAs): read with toInteraction. */
export const STORED_INTERACTION = interactionProjection('n');

export type InteractionRow = Omit<Interaction, 'channel' | 'sentiment'> & { channel: string; sentiment: string };

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

/** The create of interactionWrites.create, from the variables `m` and `h` on. */
const CREATE_BODY = `
  CREATE (m)-[:LOGGED]->(i:Interaction {id: $id, date: date($date), channel: $channel, topic: $topic, sentiment: $sentiment, notes: $notes})-[:WITH]->(h)
  WITH m, h, i, [(m)-[k:KNOWS]->(h) | k] AS olds
  FOREACH (k IN olds | SET k.lastContact = CASE WHEN k.lastContact IS NULL OR k.lastContact < i.date THEN i.date ELSE k.lastContact END)
  FOREACH (_ IN CASE WHEN size(olds) = 0 THEN [1] ELSE [] END |
    CREATE (m)-[:KNOWS {strength: $initial, baseStrength: $initial, since: i.date, lastContact: i.date}]->(h))
  WITH m, h, i
  MATCH (m)-[k:KNOWS]->(h)
  WITH m, h, i, k LIMIT 1
  ${lockAndReadPair(', i')}
  RETURN ${INTERACTION_PROJECTION} AS value, ${PAIR_EVIDENCE}`;

const CREATE = `MATCH (m:MSL {id: $mslId}) MATCH (h:HCP {id: $hcpId}) ${CREATE_BODY}`;

/**
 * The create behind a mutation's checks (ReferenceChecks): it writes only when they pass, and
 * the row says what they found either way. One statement per set of checks (they differ only in
 * the labels named, which come from the code), built once.
 */
const checkedCreates = new Map<string, string>();
function checkedCreate(clause: string): string {
  let statement = checkedCreates.get(clause);
  if (statement === undefined) {
    statement = `${clause}
      OPTIONAL CALL (checks) {
        WITH checks WHERE checks.ok
        MATCH (m:MSL {id: $mslId}) MATCH (h:HCP {id: $hcpId})
        ${CREATE_BODY}
      }
      RETURN checks, value, base, strength, interactions`;
    checkedCreates.set(clause, statement);
  }
  return statement;
}

/** Writes of interactions inside a caller's transaction. */
export const interactionWrites = {
  /**
   * (:MSL)-[:LOGGED]->(:Interaction)-[:WITH]->(:HCP), and the pair's KNOWS: its `lastContact`
   * becomes the later of itself and the interaction's date; when the MSL did not know the HCP
   * yet, KNOWS is created with strength INITIAL_STRENGTH, since = lastContact = the date. In the
   * same statement, the pair's KNOWS is locked and its evidence read for the strength recompute
   * (writeStrength), `now` being the recompute's moment.
   *
   * With `checks` (a mutation's, see runMutation's `checksInWrite`) the statement starts with
   * them and writes only when they pass: NOT_FOUND is thrown as they say; null when the id is
   * taken (nothing written).
   */
  async create(
    tx: Tx,
    input: NewInteraction,
    now: Date,
    checks?: ReferenceChecks,
  ): Promise<{ interaction: Interaction; evidence: PairEvidence } | null> {
    const [row] = await tx.run<PairEvidence & { value: InteractionRow; checks: CheckRow }>(checks ? checkedCreate(checks.clause) : CREATE, {
      ...input,
      ...checks?.params,
      initial: INITIAL_STRENGTH,
      now: now.toISOString(),
    });
    if (checks && checks.read(row.checks)) return null;
    const { value, base, strength, interactions } = row;
    return { interaction: toInteraction(value), evidence: { base, strength, interactions } };
  },
};

/** True when `stored` holds what logging `input` would write (a retry of the same request). */
export function sameInteraction(stored: Interaction, input: NewInteraction): boolean {
  return (
    stored.mslId === input.mslId &&
    stored.hcpId === input.hcpId &&
    stored.date === input.date &&
    stored.channel === input.channel &&
    stored.topic === input.topic &&
    stored.sentiment === input.sentiment &&
    stored.notes === input.notes
  );
}
