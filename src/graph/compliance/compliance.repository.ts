import { createHash } from 'node:crypto';
import { Database, Tx } from '../../db/database';
import { PageWindow } from '../common/cursor';
import { SortPart } from '../common/keyed-page';
import { readKeysetPage } from '../common/keyset-list';
import { Page } from '../common/pagination';
import { ComplianceMode, ComplianceResult, enforceCompliance, normalizeWord } from '../../engagement/compliance';

export interface RestrictedWordRow {
  id: string;
  word: string;
}

/** Restricted words alphabetically, then by id (as `restrictedWords`). */
export const WORD_ORDER: SortPart[] = [
  { kind: 'string', value: (x) => `${x}.word` },
  { kind: 'string', value: (x) => `${x}.id` },
];

/** The labels whose nodes carry compliance flags. */
export type FlaggedLabel = 'Interaction' | 'Insight';

/** A restricted word's id: derived from the normalized word, so adding it twice is one node. */
export function restrictedWordId(word: string): string {
  return `rw-${createHash('sha256').update(normalizeWord(word), 'utf8').digest('hex').slice(0, 16)}`;
}

/**
 * (:RestrictedWord {id, word}) managed by admins, and the compliance flags
 * (`flagged`, `flaggedWords`) stored on interactions and insights accepted in mode FLAG.
 */
export class ComplianceRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<RestrictedWordRow[]> {
    return this.db.read<RestrictedWordRow>('MATCH (w:RestrictedWord) RETURN w.id AS id, w.word AS word ORDER BY w.word, w.id');
  }

  /** One page of the words (WORD_ORDER), with the total. */
  page(window: PageWindow): Promise<Page<RestrictedWordRow>> {
    const list = { pattern: '(x:RestrictedWord)', conditions: [], sort: WORD_ORDER, project: (x: string) => `${x} {.id, .word}` };
    return readKeysetPage(this.db, list, window, {}, (row: RestrictedWordRow) => row);
  }

  /** The words with these ids (unknown ids are absent), for `node(id:)`. */
  byIds(ids: readonly string[]): Promise<RestrictedWordRow[]> {
    return this.db.read<RestrictedWordRow>('UNWIND $ids AS id MATCH (w:RestrictedWord {id: id}) RETURN w.id AS id, w.word AS word', {
      ids,
    });
  }

  /** Stored flags of the nodes of `label` with these ids (ids without a node are absent). */
  flags(label: FlaggedLabel, ids: readonly string[]): Promise<(ComplianceResult & { id: string })[]> {
    return this.db.read<ComplianceResult & { id: string }>(
      `UNWIND $ids AS id MATCH (n:${label} {id: id})
       RETURN id, coalesce(n.flagged, false) AS flagged, coalesce(n.flaggedWords, []) AS flaggedWords`,
      { ids },
    );
  }
}

/** Writes of the restricted-word list, inside the caller's transaction. */
export const restrictedWordWrites = {
  /** Adds the (normalized) word; adding an existing word changes nothing and returns it. */
  async add(tx: Tx, word: string): Promise<RestrictedWordRow> {
    const normalized = normalizeWord(word);
    const [row] = await tx.run<RestrictedWordRow>(
      'MERGE (w:RestrictedWord {id: $id}) ON CREATE SET w.word = $word, w.createdAt = datetime() RETURN w.id AS id, w.word AS word',
      { id: restrictedWordId(normalized), word: normalized },
    );
    return row;
  },

  /** Removes the word (by its text); true when it existed. */
  async remove(tx: Tx, word: string): Promise<boolean> {
    const [row] = await tx.run<{ removed: number }>(
      'OPTIONAL MATCH (w:RestrictedWord {id: $id}) WITH collect(w) AS found FOREACH (w IN found | DELETE w) RETURN size(found) AS removed',
      { id: restrictedWordId(word) },
    );
    return row.removed > 0;
  },
};

/** The restricted words, read inside the caller's transaction. */
export async function restrictedWords(tx: Tx): Promise<string[]> {
  const rows = await tx.run<{ word: string }>('MATCH (w:RestrictedWord) RETURN w.word AS word ORDER BY w.word');
  return rows.map((row) => row.word);
}

/**
 * Checks free-text fields against the restricted words inside the caller's transaction
 * (see compliance.ts): mode REJECT throws BAD_USER_INPUT naming the field and the word, mode
 * FLAG returns the words found. Store the result with `recordComplianceFlags`.
 */
export async function checkCompliance(
  tx: Tx,
  fields: Readonly<Record<string, string | null | undefined>>,
  mode: ComplianceMode,
): Promise<ComplianceResult> {
  if (Object.values(fields).every((text) => !text)) return { flagged: false, flaggedWords: [] };
  return enforceCompliance(fields, await restrictedWords(tx), mode);
}

/** Stores `flagged` and `flaggedWords` on the node (only when flagged: clean nodes carry no flag properties). */
export async function recordComplianceFlags(tx: Tx, label: FlaggedLabel, id: string, result: ComplianceResult): Promise<void> {
  if (!result.flagged) return;
  await tx.run(`MATCH (n:${label} {id: $id}) SET n.flagged = true, n.flaggedWords = $words`, { id, words: result.flaggedWords });
}
