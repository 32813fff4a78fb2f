/**
 * The import's normalized records, one type per file of the CSV format (docs/csv-format.md).
 * These are what validation produces, what the writer stores, what the exporter reads back and
 * what the generator makes. (The GraphQL types live elsewhere.)
 *
 * Normalization: ids, references, enums, numbers and dates are trimmed; an empty optional cell
 * is `null`; `;`-lists are trimmed, de-duplicated and sorted (their order carries no meaning in
 * the graph); dates are `YYYY-MM-DD` (the date part of a date-time).
 */

import { Channel, LinkType, Sentiment, TrialRole, isSymmetricLink } from '../vocabulary';

export interface TerritoryRecord {
  id: string;
  name: string;
  region: string | null;
}

export interface TherapeuticAreaRecord {
  id: string;
  name: string;
}

export interface InstitutionRecord {
  id: string;
  name: string;
  type: string | null;
  city: string | null;
  country: string | null;
  territoryId: string | null;
}

export interface HcpRecord {
  id: string;
  firstName: string;
  lastName: string;
  specialty: string | null;
  institutionId: string | null;
  territoryId: string | null;
  therapeuticAreaIds: string[];
  email: string | null;
  /**
   * Optional column of hcps.csv: null = empty cell (none); undefined = the file has no such
   * column (a re-import keeps the stored value).
   */
  preferredChannel?: Channel | null;
}

export interface HcpLinkRecord {
  sourceId: string;
  targetId: string;
  type: LinkType;
  weight: number;
}

export interface MslRecord {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  territoryId: string | null;
  therapeuticAreaIds: string[];
}

export interface MslRelationshipRecord {
  mslId: string;
  hcpId: string;
  strength: number;
  since: string | null;
}

export interface InteractionRecord {
  id: string;
  mslId: string;
  hcpId: string;
  date: string;
  channel: Channel;
  topic: string | null;
  sentiment: Sentiment;
  notes: string | null;
}

export interface PublicationRecord {
  id: string;
  title: string;
  year: number | null;
  journal: string | null;
  therapeuticAreaId: string | null;
}

export interface AuthorshipRecord {
  publicationId: string;
  hcpId: string;
  /** 1 = first author. */
  position: number;
}

export interface TrialRecord {
  id: string;
  title: string;
  phase: string | null;
  status: string | null;
  therapeuticAreaId: string | null;
  /** Optional column of trials.csv: null = empty cell; undefined = no such column (a re-import keeps the stored value). */
  startYear?: number | null;
}

export interface TrialInvestigatorRecord {
  trialId: string;
  hcpId: string;
  role: TrialRole;
}

/** One import: every file of the format (absent files are empty arrays). */
export interface NetworkData {
  territories: TerritoryRecord[];
  therapeuticAreas: TherapeuticAreaRecord[];
  institutions: InstitutionRecord[];
  hcps: HcpRecord[];
  hcpLinks: HcpLinkRecord[];
  msls: MslRecord[];
  mslRelationships: MslRelationshipRecord[];
  interactions: InteractionRecord[];
  publications: PublicationRecord[];
  authorships: AuthorshipRecord[];
  trials: TrialRecord[];
  trialInvestigators: TrialInvestigatorRecord[];
}

export type DatasetKey = keyof NetworkData;

export interface FileSpec {
  key: DatasetKey;
  file: string;
  /** Required columns, in the order the exporter writes them. */
  columns: readonly string[];
  /** Optional columns (read when present, always written by the exporter). */
  optionalColumns: readonly string[];
}

/** The files of the format, in dependency order (what the writer and exporter follow). */
export const FILES: readonly FileSpec[] = [
  { key: 'territories', file: 'territories.csv', columns: ['id', 'name', 'region'], optionalColumns: [] },
  { key: 'therapeuticAreas', file: 'therapeutic_areas.csv', columns: ['id', 'name'], optionalColumns: [] },
  {
    key: 'institutions',
    file: 'institutions.csv',
    columns: ['id', 'name', 'type', 'city', 'country', 'territoryId'],
    optionalColumns: [],
  },
  {
    key: 'hcps',
    file: 'hcps.csv',
    columns: ['id', 'firstName', 'lastName', 'specialty', 'institutionId', 'territoryId', 'therapeuticAreaIds', 'email'],
    optionalColumns: ['preferredChannel'],
  },
  { key: 'hcpLinks', file: 'hcp_links.csv', columns: ['sourceId', 'targetId', 'type', 'weight'], optionalColumns: [] },
  {
    key: 'msls',
    file: 'msls.csv',
    columns: ['id', 'firstName', 'lastName', 'email', 'territoryId', 'therapeuticAreaIds'],
    optionalColumns: [],
  },
  {
    key: 'mslRelationships',
    file: 'msl_relationships.csv',
    columns: ['mslId', 'hcpId', 'strength', 'since'],
    optionalColumns: [],
  },
  {
    key: 'interactions',
    file: 'interactions.csv',
    columns: ['id', 'mslId', 'hcpId', 'date', 'channel', 'topic', 'sentiment', 'notes'],
    optionalColumns: [],
  },
  {
    key: 'publications',
    file: 'publications.csv',
    columns: ['id', 'title', 'year', 'journal', 'therapeuticAreaId'],
    optionalColumns: [],
  },
  { key: 'authorships', file: 'authorships.csv', columns: ['publicationId', 'hcpId', 'position'], optionalColumns: [] },
  {
    key: 'trials',
    file: 'trials.csv',
    columns: ['id', 'title', 'phase', 'status', 'therapeuticAreaId'],
    optionalColumns: ['startYear'],
  },
  {
    key: 'trialInvestigators',
    file: 'trial_investigators.csv',
    columns: ['trialId', 'hcpId', 'role'],
    optionalColumns: [],
  },
];

export const FILE_BY_KEY: Readonly<Record<DatasetKey, FileSpec>> = Object.fromEntries(FILES.map((spec) => [spec.key, spec])) as Record<
  DatasetKey,
  FileSpec
>;

/** Neo4j labels of the entities that references point to. */
export type NodeLabel = 'Territory' | 'TherapeuticArea' | 'Institution' | 'HCP' | 'MSL' | 'Interaction' | 'Publication' | 'ClinicalTrial';

export const NODE_LABELS: readonly NodeLabel[] = [
  'Territory',
  'TherapeuticArea',
  'Institution',
  'HCP',
  'MSL',
  'Interaction',
  'Publication',
  'ClinicalTrial',
];

export function emptyNetwork(): NetworkData {
  return {
    territories: [],
    therapeuticAreas: [],
    institutions: [],
    hcps: [],
    hcpLinks: [],
    msls: [],
    mslRelationships: [],
    interactions: [],
    publications: [],
    authorships: [],
    trials: [],
    trialInvestigators: [],
  };
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

/** Record -> CSV cells in the FileSpec's column order (required then optional columns). */
export function recordCells(key: DatasetKey, record: object): (string | number | null)[] {
  const spec = FILE_BY_KEY[key];
  const row = record as Record<string, unknown>;
  return [...spec.columns, ...spec.optionalColumns].map((column) => {
    const value = row[column];
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) return value.join(';');
    return value as string | number;
  });
}
