import { CHANNELS, LINK_TYPES, SENTIMENTS, TRIAL_ROLES } from '../vocabulary';

/**
 * The CSV format of docs/csv-format.md, declared once. Every file: its name, its columns (in the
 * order the exporter writes them and validation reads them) with their cell type, its identity,
 * and how its rows become graph elements (docs/domain.md). Row parsing and validation, the record
 * types (records.ts, inferred from here), the transactional writer, the bulk importer's files and
 * the export all read this table; test/import/csv-schema.test.ts checks the docs' tables against it.
 */

/** Neo4j labels of the nodes that files declare and references point to. */
export type NodeLabel = 'Territory' | 'TherapeuticArea' | 'Institution' | 'HCP' | 'MSL' | 'Interaction' | 'Publication' | 'ClinicalTrial';

/** How a reference is stored: a relationship from the row's node to the referenced one (or back, `incoming`). */
export interface RelSpec {
  type: string;
  incoming?: boolean;
}

/**
 * One column. `V` is the record's value (inferred into the record types); `Omissible` columns may
 * be left out of the header altogether (their value is then `undefined`: a re-import keeps what
 * is stored).
 */
export interface Column<V = unknown, Omissible extends boolean = boolean> {
  readonly type: 'id' | 'ref' | 'refs' | 'text' | 'unit' | 'int' | 'enum' | 'date';
  /** An empty cell is an error (else it reads as null, or [] for a list). */
  readonly required: boolean;
  readonly omissible: Omissible;
  /** Text kept as written (not trimmed). */
  readonly keepSpaces?: boolean;
  /** enum: the allowed values (case-sensitive). */
  readonly values?: readonly string[];
  /** int: the smallest allowed value. */
  readonly min?: number;
  /** ref/refs: the label of the node the id must name, and for node files the relationship storing it. */
  readonly target?: NodeLabel;
  readonly rel?: RelSpec;
  /** Phantom: carries the value type for inference only. */
  readonly value?: V;
}

type Extra = Pick<Column, 'keepSpaces' | 'values' | 'min' | 'target' | 'rel'>;
const column = <V>(type: Column['type'], required: boolean, extra: Extra = {}): Column<V, false> => ({
  type,
  required,
  ...extra,
  omissible: false,
});

/** The file's own id (required, trimmed). */
const id = () => column<string>('id', true);
const text = () => column<string>('text', true);
const optionalText = (keepSpaces = false) => column<string | null>('text', false, keepSpaces ? { keepSpaces } : {});
/** A required reference (the endpoints of relationship files). */
const ref = (target: NodeLabel) => column<string>('ref', true, { target });
const optionalRef = (target: NodeLabel, rel: RelSpec) => column<string | null>('ref', false, { target, rel });
/** A `;`-list of references: trimmed, empty items dropped, duplicates merged, sorted. */
const refList = (target: NodeLabel, rel: RelSpec) => column<string[]>('refs', false, { target, rel });
/** A decimal in (0, 1]. */
const unit = () => column<number>('unit', true);
const int = (min?: number) => column<number>('int', true, min === undefined ? {} : { min });
const optionalInt = () => column<number | null>('int', false);
const oneOf = <T extends string>(values: readonly T[]) => column<T>('enum', true, { values });
const optionalOneOf = <T extends string>(values: readonly T[]) => column<T | null>('enum', false, { values });
/** ISO 8601 date or date-time; the record holds the date part `YYYY-MM-DD`. */
const date = () => column<string>('date', true);
const optionalDate = () => column<string | null>('date', false);
/** The column may be absent from the header (see Column). */
const omissible = <V>(c: Column<V, false>): Column<V, true> => ({ ...c, omissible: true });

type Columns = Readonly<Record<string, Column>>;

/**
 * How a file's rows become graph elements.
 * - node: one node per row with `label` and the row's id; its text/number/date columns become
 *   properties of the same name, its references relationships (Column.rel).
 * - edge: one relationship `rel` from the node named by `from` to the one named by `to`; the other
 *   columns become its properties.
 * - link: like edge, the relationship type being the row's `type` (hcp_links.csv; symmetric
 *   types are one tie whichever way they are written, see records.ts linkKey).
 */
export type GraphSpec =
  | { kind: 'node'; label: NodeLabel; /** Name of the entity in messages. */ noun: string }
  | { kind: 'edge'; rel: string; from: string; to: string }
  | { kind: 'link'; typeColumn: string; from: string; to: string };

export interface FileSpecOf<C extends Columns = Columns> {
  file: string;
  columns: C;
  /** The identity of a row within its file (duplicates share it). */
  identity: readonly (keyof C & string)[];
  graph: GraphSpec;
}

const file = <C extends Columns>(spec: FileSpecOf<C>): FileSpecOf<C> => spec;

/** The files of the format, in dependency order: a file may refer to ids of the files above it. */
export const CSV_SCHEMA = {
  territories: file({
    file: 'territories.csv',
    columns: { id: id(), name: text(), region: optionalText() },
    identity: ['id'],
    graph: { kind: 'node', label: 'Territory', noun: 'territory' },
  }),
  therapeuticAreas: file({
    file: 'therapeutic_areas.csv',
    columns: { id: id(), name: text() },
    identity: ['id'],
    graph: { kind: 'node', label: 'TherapeuticArea', noun: 'therapeutic area' },
  }),
  institutions: file({
    file: 'institutions.csv',
    columns: {
      id: id(),
      name: text(),
      type: optionalText(),
      city: optionalText(),
      country: optionalText(),
      territoryId: optionalRef('Territory', { type: 'IN_TERRITORY' }),
    },
    identity: ['id'],
    graph: { kind: 'node', label: 'Institution', noun: 'institution' },
  }),
  hcps: file({
    file: 'hcps.csv',
    columns: {
      id: id(),
      firstName: text(),
      lastName: text(),
      specialty: optionalText(),
      institutionId: optionalRef('Institution', { type: 'AFFILIATED_WITH' }),
      territoryId: optionalRef('Territory', { type: 'IN_TERRITORY' }),
      therapeuticAreaIds: refList('TherapeuticArea', { type: 'SPECIALIZES_IN' }),
      email: optionalText(),
      preferredChannel: omissible(optionalOneOf(CHANNELS)),
    },
    identity: ['id'],
    graph: { kind: 'node', label: 'HCP', noun: 'HCP' },
  }),
  hcpLinks: file({
    file: 'hcp_links.csv',
    columns: { sourceId: ref('HCP'), targetId: ref('HCP'), type: oneOf(LINK_TYPES), weight: unit() },
    identity: ['sourceId', 'targetId', 'type'],
    graph: { kind: 'link', typeColumn: 'type', from: 'sourceId', to: 'targetId' },
  }),
  msls: file({
    file: 'msls.csv',
    columns: {
      id: id(),
      firstName: text(),
      lastName: text(),
      email: optionalText(),
      territoryId: optionalRef('Territory', { type: 'COVERS' }),
      therapeuticAreaIds: refList('TherapeuticArea', { type: 'FOCUSES_ON' }),
    },
    identity: ['id'],
    graph: { kind: 'node', label: 'MSL', noun: 'MSL' },
  }),
  mslRelationships: file({
    file: 'msl_relationships.csv',
    columns: { mslId: ref('MSL'), hcpId: ref('HCP'), strength: unit(), since: optionalDate() },
    identity: ['mslId', 'hcpId'],
    graph: { kind: 'edge', rel: 'KNOWS', from: 'mslId', to: 'hcpId' },
  }),
  interactions: file({
    file: 'interactions.csv',
    columns: {
      id: id(),
      // Both references are required: an interaction is logged by an MSL with an HCP.
      mslId: { ...ref('MSL'), rel: { type: 'LOGGED', incoming: true } },
      hcpId: { ...ref('HCP'), rel: { type: 'WITH' } },
      date: date(),
      channel: oneOf(CHANNELS),
      topic: optionalText(true),
      sentiment: oneOf(SENTIMENTS),
      notes: optionalText(true),
    },
    identity: ['id'],
    graph: { kind: 'node', label: 'Interaction', noun: 'interaction' },
  }),
  publications: file({
    file: 'publications.csv',
    columns: {
      id: id(),
      title: text(),
      year: optionalInt(),
      journal: optionalText(),
      therapeuticAreaId: optionalRef('TherapeuticArea', { type: 'IN_AREA' }),
    },
    identity: ['id'],
    graph: { kind: 'node', label: 'Publication', noun: 'publication' },
  }),
  authorships: file({
    file: 'authorships.csv',
    columns: { publicationId: ref('Publication'), hcpId: ref('HCP'), position: int(1) },
    identity: ['publicationId', 'hcpId'],
    graph: { kind: 'edge', rel: 'AUTHORED', from: 'hcpId', to: 'publicationId' },
  }),
  trials: file({
    file: 'trials.csv',
    columns: {
      id: id(),
      title: text(),
      phase: optionalText(),
      status: optionalText(),
      therapeuticAreaId: optionalRef('TherapeuticArea', { type: 'IN_AREA' }),
      startYear: omissible(optionalInt()),
    },
    identity: ['id'],
    graph: { kind: 'node', label: 'ClinicalTrial', noun: 'trial' },
  }),
  trialInvestigators: file({
    file: 'trial_investigators.csv',
    columns: { trialId: ref('ClinicalTrial'), hcpId: ref('HCP'), role: oneOf(TRIAL_ROLES) },
    identity: ['trialId', 'hcpId'],
    graph: { kind: 'edge', rel: 'INVESTIGATOR_ON', from: 'hcpId', to: 'trialId' },
  }),
} as const;

export type Schema = typeof CSV_SCHEMA;
export type DatasetKey = keyof Schema;

type ValueOf<C> = C extends Column<infer V> ? V : never;
type Flatten<T> = { [K in keyof T]: T[K] };
type KeysWhere<C, Omit extends boolean> = { [K in keyof C]: C[K] extends Column<unknown, Omit> ? K : never }[keyof C];

/** The record of a file: one property per column; omissible columns are optional properties. */
export type RecordOfColumns<C> = Flatten<
  { -readonly [K in KeysWhere<C, false>]: ValueOf<C[K]> } & { -readonly [K in KeysWhere<C, true>]?: ValueOf<C[K]> }
>;
export type RecordOf<K extends DatasetKey> = RecordOfColumns<Schema[K]['columns']>;

/** A file of the schema with its key, typed loosely for code that walks every file. */
export interface SchemaFile {
  key: DatasetKey;
  file: string;
  /** Every column, in export order. */
  columns: readonly (Column & { name: string })[];
  identity: readonly string[];
  graph: GraphSpec;
}

/** The files, in dependency order (what validation, the writers and the exporter follow). */
export const SCHEMA_FILES: readonly SchemaFile[] = (Object.keys(CSV_SCHEMA) as DatasetKey[]).map((key) => {
  const spec = CSV_SCHEMA[key] as unknown as FileSpecOf;
  return {
    key,
    file: spec.file,
    columns: Object.entries(spec.columns).map(([name, c]) => ({ ...c, name })),
    identity: spec.identity,
    graph: spec.graph,
  };
});

export const SCHEMA_FILE: Readonly<Record<DatasetKey, SchemaFile>> = Object.fromEntries(SCHEMA_FILES.map((f) => [f.key, f])) as Record<
  DatasetKey,
  SchemaFile
>;

/** A node file's stored properties: every column but the id and the references. */
export function propertyColumns(spec: SchemaFile): (Column & { name: string })[] {
  return spec.columns.filter((c) => c.type !== 'id' && c.type !== 'ref' && c.type !== 'refs');
}

/** A relationship file's properties: every column but its endpoints (and the link type). */
export function edgePropertyColumns(spec: SchemaFile): (Column & { name: string })[] {
  const g = spec.graph;
  if (g.kind === 'node') return [];
  const skip = new Set([g.from, g.to, g.kind === 'link' ? g.typeColumn : '']);
  return spec.columns.filter((c) => !skip.has(c.name));
}

/** A node file's references stored as relationships. */
export function referenceColumns(spec: SchemaFile): (Column & { name: string; target: NodeLabel; rel: RelSpec })[] {
  return spec.columns.filter((c): c is Column & { name: string; target: NodeLabel; rel: RelSpec } => !!c.target && !!c.rel);
}
