import { ValidationError } from '../../errors';
import { HcpFilter } from './hcp.input';

/** At most this many characters of search text (longer ones make Lucene fail): BAD_USER_INPUT beyond. */
export const MAX_SEARCH_LENGTH = 200;

/** Words of at least this many letters tolerate one typo (an edit: a letter added, missing, changed or swapped). */
export const FUZZY_FROM = 5;

/**
 * One Lucene query per word of the search: accents folded and lower case (as the folding index
 * stores the text), special characters escaped, matched as a prefix, or within one edit for words
 * of FUZZY_FROM letters or more: "Oncolgy Bostn" -> ["oncolgy* OR oncolgy~1", "bostn* OR bostn~1"].
 */
export function toFulltextQueries(search: string): string[] {
  if (search.length > MAX_SEARCH_LENGTH) throw new ValidationError('filter.search', `at most ${MAX_SEARCH_LENGTH} characters`);
  return search
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const escaped = word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
      return [...word].length >= FUZZY_FROM ? `${escaped}* OR ${escaped}~1` : `${escaped}*`;
    });
}

/** The search words of a filter: none when it has no search text (or only spaces). */
export const searchWords = (filter: HcpFilter): string[] => (filter.search?.trim() ? toFulltextQueries(filter.search) : []);

/** The filter criteria other than the search, each one dimension a filter UI offers. */
export type FilterCriterion = 'territoryId' | 'therapeuticAreaId' | 'institutionId' | 'specialty';

const CONDITIONS: Record<FilterCriterion, string> = {
  territoryId: 'EXISTS { (x)-[:IN_TERRITORY]->(:Territory {id: $territoryId}) }',
  therapeuticAreaId: 'EXISTS { (x)-[:SPECIALIZES_IN]->(:TherapeuticArea {id: $therapeuticAreaId}) }',
  institutionId: 'EXISTS { (x)-[:AFFILIATED_WITH]->(:Institution {id: $institutionId}) }',
  specialty: 'x.specialty = $specialty',
};

/**
 * The conditions on `x` of the criteria given, except `except` (absent ones add nothing, so the
 * planner sees the plain pattern): without filters the total comes from the count store and the
 * page from the id index in order, instead of scanning and sorting every HCP.
 */
export function filterConditions(filter: HcpFilter, except?: FilterCriterion): string[] {
  return (Object.keys(CONDITIONS) as FilterCriterion[])
    .filter((key) => key !== except && filter[key] != null)
    .map((key) => CONDITIONS[key]);
}

/** The parameters `filterConditions` and `searchMatch` use. */
export function filterParams(filter: HcpFilter, words: string[]) {
  return {
    territoryId: filter.territoryId ?? null,
    therapeuticAreaId: filter.therapeuticAreaId ?? null,
    institutionId: filter.institutionId ?? null,
    specialty: filter.specialty ?? null,
    words,
  };
}

/**
 * Cypher binding `x` (an HCP) and `score` for every HCP matching all the search words ($words)
 * and `conditions`: every word must match one of the five fields (an HCP's own in `hcp_search`,
 * its institution's in `institution_search`); relevance is the sum over the words of the best
 * Lucene score of each.
 */
export const searchMatch = (conditions: string[]) => `
  UNWIND range(0, size($words) - 1) AS w
  CALL (w) {
    CALL db.index.fulltext.queryNodes('hcp_search', $words[w]) YIELD node, score RETURN node AS h, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('institution_search', $words[w]) YIELD node, score
    MATCH (h:HCP)-[:AFFILIATED_WITH]->(node) RETURN h, score
  }
  WITH w, h, max(score) AS best
  WITH h AS x, count(w) AS matched, sum(best) AS score
  WHERE matched = size($words) ${conditions.length ? `AND ${conditions.join(' AND ')}` : ''}`;
