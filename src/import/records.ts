/**
 * The import's normalized records, one type per file of the CSV format, inferred from the
 * format's declaration (csv-schema.ts). These are what validation produces, what the writers
 * store, what the exporter reads back and what the generator makes. (The GraphQL types live
 * elsewhere.)
 *
 * Normalization: ids, references, enums, numbers and dates are trimmed; an empty optional cell
 * is `null`; `;`-lists are trimmed, de-duplicated and sorted (their order carries no meaning in
 * the graph); dates are `YYYY-MM-DD` (the date part of a date-time); a column the file may leave
 * out (hcps.csv preferredChannel, trials.csv startYear) is `undefined` when it did.
 */

import { isSymmetricLink } from '../vocabulary';
import { DatasetKey, NodeLabel, RecordOf, SCHEMA_FILE, SCHEMA_FILES } from './csv-schema';

export type { DatasetKey, NodeLabel } from './csv-schema';

export type TerritoryRecord = RecordOf<'territories'>;
export type TherapeuticAreaRecord = RecordOf<'therapeuticAreas'>;
export type InstitutionRecord = RecordOf<'institutions'>;
export type HcpRecord = RecordOf<'hcps'>;
export type HcpLinkRecord = RecordOf<'hcpLinks'>;
export type MslRecord = RecordOf<'msls'>;
export type MslRelationshipRecord = RecordOf<'mslRelationships'>;
export type InteractionRecord = RecordOf<'interactions'>;
export type PublicationRecord = RecordOf<'publications'>;
/** `position`: 1 = first author. */
export type AuthorshipRecord = RecordOf<'authorships'>;
export type TrialRecord = RecordOf<'trials'>;
export type TrialInvestigatorRecord = RecordOf<'trialInvestigators'>;

/** One import: every file of the format (absent files are empty arrays). */
export type NetworkData = { [K in DatasetKey]: RecordOf<K>[] };

export interface FileSpec {
  key: DatasetKey;
  file: string;
  /** Columns the header must have, in the order the exporter writes them. */
  columns: readonly string[];
  /** Columns the file may leave out (read when present, always written by the exporter). */
  optionalColumns: readonly string[];
}

/** The files of the format in dependency order, as header columns. */
export const FILES: readonly FileSpec[] = SCHEMA_FILES.map((spec) => ({
  key: spec.key,
  file: spec.file,
  columns: spec.columns.filter((c) => !c.omissible).map((c) => c.name),
  optionalColumns: spec.columns.filter((c) => c.omissible).map((c) => c.name),
}));

/** Neo4j labels of the entities that references point to. */
export const NODE_LABELS: readonly NodeLabel[] = SCHEMA_FILES.flatMap((spec) => (spec.graph.kind === 'node' ? [spec.graph.label] : []));

export function emptyNetwork(): NetworkData {
  return Object.fromEntries(SCHEMA_FILES.map((spec) => [spec.key, []])) as unknown as NetworkData;
}

/** The identity of a link: symmetric types by their unordered pair, REFERRAL by (source, target). */
export function linkKey(link: Pick<HcpLinkRecord, 'sourceId' | 'targetId' | 'type'>): string {
  const { sourceId: s, targetId: t, type } = link;
  if (!isSymmetricLink(type) || s <= t) return `${type}\u0000${s}\u0000${t}`;
  return `${type}\u0000${t}\u0000${s}`;
}

/** A link in its stored direction: symmetric links from the smaller id to the larger one. */
export function canonicalLink(link: HcpLinkRecord): HcpLinkRecord {
  if (!isSymmetricLink(link.type) || link.sourceId <= link.targetId) return link;
  return { sourceId: link.targetId, targetId: link.sourceId, type: link.type, weight: link.weight };
}

/** Record -> CSV cells in the file's column order. */
export function recordCells(key: DatasetKey, record: object): (string | number | null)[] {
  const row = record as Record<string, unknown>;
  return SCHEMA_FILE[key].columns.map(({ name }) => {
    const value = row[name];
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) return value.join(';');
    return value as string | number;
  });
}

/** The key of an (MSL, HCP) pair, or of any pair of ids. */
export function pairKey(a: unknown, b: unknown): string {
  return `${a}\u0000${b}`;
}

/** The latest interaction date of every (MSL, HCP) pair: what a new KNOWS gets as lastContact. */
export function latestContacts(interactions: readonly InteractionRecord[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const i of interactions) {
    const key = pairKey(i.mslId, i.hcpId);
    const seen = latest.get(key);
    if (seen === undefined || i.date > seen) latest.set(key, i.date);
  }
  return latest;
}
