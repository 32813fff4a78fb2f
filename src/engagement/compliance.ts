/**
 * Restricted-words compliance of free text. Pure: the word list is passed in.
 *
 * Contract:
 * - A restricted word (or phrase) matches case-insensitively as a whole word: not preceded or
 *   followed by a letter, digit or underscore ("off-label" matches "Off-Label use", "cure" does
 *   not match "cured" or "procure"). Whitespace inside a phrase matches any run of whitespace.
 * - `checkText` returns the words found, each once, in the order of the list given.
 * - `enforceCompliance` in mode REJECT throws BAD_USER_INPUT naming the field and the first
 *   word found (also as `extensions.field` and `extensions.word`); in mode FLAG it returns `{ flagged, flaggedWords }` to be stored with the text.
 */
import { ValidationError } from '../errors';

export type ComplianceMode = 'REJECT' | 'FLAG';

export interface ComplianceResult {
  flagged: boolean;
  flaggedWords: string[];
}

/** A restricted word as stored: trimmed, inner whitespace collapsed, lower case. */
export function normalizeWord(word: string): string {
  return word.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Why `word` cannot be a restricted word, or null when it can. */
export function invalidWordReason(word: string): string | null {
  const normalized = normalizeWord(word);
  if (normalized === '') return 'must not be empty';
  if (normalized.length > 100) return 'must be at most 100 characters';
  if (!/[\p{L}\p{N}]/u.test(normalized)) return 'must contain a letter or digit';
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordPattern(word: string): RegExp {
  const body = normalizeWord(word).split(' ').map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'iu');
}

/** The restricted words occurring in `text` (each once, in list order). */
export function checkText(text: string | null | undefined, words: readonly string[]): ComplianceResult {
  if (!text) return { flagged: false, flaggedWords: [] };
  const found: string[] = [];
  for (const word of words) {
    const normalized = normalizeWord(word);
    if (normalized === '' || found.includes(normalized)) continue;
    if (wordPattern(normalized).test(text)) found.push(normalized);
  }
  return { flagged: found.length > 0, flaggedWords: found };
}

/** Checks several fields at once; REJECT throws for the first field with a word, FLAG merges the findings. */
export function enforceCompliance(
  fields: Readonly<Record<string, string | null | undefined>>,
  words: readonly string[],
  mode: ComplianceMode,
): ComplianceResult {
  const all: string[] = [];
  for (const [field, text] of Object.entries(fields)) {
    const result = checkText(text, words);
    if (!result.flagged) continue;
    if (mode === 'REJECT') {
      const error = new ValidationError(field, `contains the restricted word "${result.flaggedWords[0]}"`);
      error.extensions.word = result.flaggedWords[0];
      throw error;
    }
    for (const word of result.flaggedWords) if (!all.includes(word)) all.push(word);
  }
  return { flagged: all.length > 0, flaggedWords: all };
}
