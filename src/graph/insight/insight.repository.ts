import { Database, Tx } from '../../db/database';
import { SortPart } from '../common/keyed-page';
import { Keyed } from '../reference/reference.repository';
import { Audience, Insight } from './insight.type';

/** An insight's properties with its interaction and area ids (`s`, or the variable given, bound to an :Insight). */
export const insightProjection = (s: string) => `${s} {.id, .text, .category, .audience, .createdAt,
  interactionId: head([(${s})-[:FROM]->(i:Interaction) | i.id]), therapeuticAreaId: head([(${s})-[:IN_AREA]->(a:TherapeuticArea) | a.id])}`;
export const INSIGHT_PROJECTION = insightProjection('s');

/** Newest first, then id: the order of `insights`. */
export const INSIGHT_ORDER: SortPart[] = [
  {
    kind: 'datetime',
    value: (x) => `${x}.createdAt`,
    desc: true,
    cursor: (x) => `toString(${x}.createdAt)`,
    fromCursor: (c) => `datetime(${c})`,
  },
  { kind: 'string', value: (x) => `${x}.id` },
];

type InsightRow = Omit<Insight, 'audience'> & { audience: string };

export function toInsight(row: InsightRow): Insight {
  return {
    id: row.id,
    text: row.text ?? '',
    category: row.category ?? '',
    audience: row.audience as Audience,
    createdAt: row.createdAt,
    interactionId: row.interactionId ?? null,
    therapeuticAreaId: row.therapeuticAreaId ?? null,
  };
}

export interface NewInsight {
  id: string;
  interactionId: string;
  text: string;
  category: string;
  audience: Audience;
  therapeuticAreaId: string | null;
}

export class InsightRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<Insight[]> {
    const rows = await this.db.read<{ value: InsightRow }>(
      `UNWIND $ids AS id MATCH (s:Insight {id: id}) RETURN ${INSIGHT_PROJECTION} AS value`,
      { ids },
    );
    return rows.map((row) => toInsight(row.value));
  }

  /** The insights of each interaction, oldest first (then id). */
  async ofInteractions(interactionIds: readonly string[]): Promise<Keyed<Insight>[]> {
    const rows = await this.db.read<Keyed<InsightRow>>(
      `UNWIND $ids AS key MATCH (s:Insight)-[:FROM]->(:Interaction {id: key})
       WITH key, s ORDER BY s.createdAt, s.id
       RETURN key, ${INSIGHT_PROJECTION} AS value`,
      { ids: interactionIds },
    );
    return rows.map((row) => ({ key: row.key, value: toInsight(row.value) }));
  }
}

/** Writes of insights inside a caller's transaction. */
export const insightWrites = {
  /** (:Insight {createdAt: now})-[:FROM]->(:Interaction), and -[:IN_AREA]->(:TherapeuticArea) when given. */
  async create(tx: Tx, input: NewInsight): Promise<Insight> {
    const [row] = await tx.run<{ value: InsightRow }>(
      `MATCH (i:Interaction {id: $interactionId})
       CREATE (s:Insight {id: $id, text: $text, category: $category, audience: $audience, createdAt: datetime()})-[:FROM]->(i)
       WITH s
       CALL (s) { MATCH (a:TherapeuticArea {id: $therapeuticAreaId}) CREATE (s)-[:IN_AREA]->(a) }
       RETURN ${INSIGHT_PROJECTION} AS value`,
      { ...input },
    );
    return toInsight(row.value);
  },

  /** The stored insight `id` (read in the caller's transaction), or null. */
  async stored(tx: Tx, id: string): Promise<Insight | null> {
    const [row] = await tx.run<{ value: InsightRow }>(`MATCH (s:Insight {id: $id}) RETURN ${INSIGHT_PROJECTION} AS value`, { id });
    return row ? toInsight(row.value) : null;
  },
};

/** True when `stored` holds what capturing `input` would write (a retry of the same request; createdAt is the first one's). */
export function sameInsight(stored: Insight, input: NewInsight): boolean {
  return (
    stored.interactionId === input.interactionId &&
    stored.text === input.text &&
    stored.category === input.category &&
    stored.audience === input.audience &&
    stored.therapeuticAreaId === input.therapeuticAreaId
  );
}
