import fs from 'node:fs';
import path from 'node:path';
import { Database, Tx } from '../db/database';
import { formatCsv } from './csv';
import { DatasetKey, NodeLabel, SCHEMA_FILES, SchemaFile, edgePropertyColumns, referenceColumns } from './csv-schema';
import { HcpLinkRecord, NetworkData, canonicalLink, emptyNetwork, linkKey, recordCells } from './records';
import { compareStrings, parseIsoDate } from './validate-cells';
import { LINK_TYPES, LinkType } from '../vocabulary';

/**
 * Reads the network back out of Neo4j as the import's records and writes every file of the CSV
 * format, both following the format's declaration (csv-schema.ts). Deterministic: records sorted by their identity, symmetric links in canonical
 * direction (smaller id first), lists sorted, LF line ends. Importing an export into an empty
 * database and exporting again gives byte-identical files.
 */

export const DEFAULT_EXPORT_TIMEOUT_MS = 30 * 60 * 1000;

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const date = (v: unknown): string | null => {
  const text = str(v);
  return text === null ? null : (parseIsoDate(text) ?? text);
};
/** The single reference of a node (the smallest id if several were made by hand). */
const first = (v: unknown): string | null => {
  const ids = ((v as unknown[] | null) ?? []).map(String).sort(compareStrings);
  return ids.length > 0 ? ids[0] : null;
};
const list = (v: unknown): string[] => [...new Set(((v as unknown[] | null) ?? []).map(String))].sort(compareStrings);

function byKeys<T>(...keys: ((r: T) => string | number | null)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      return x < y ? -1 : 1;
    }
    return 0;
  };
}

/** Every record of the network, sorted deterministically. */
export async function readNetwork(db: Database, timeoutMs = DEFAULT_EXPORT_TIMEOUT_MS): Promise<NetworkData> {
  const reader = new Database(db.driver, db.name, timeoutMs);
  try {
    return await reader.readTransaction((tx) => readInTransaction(tx));
  } finally {
    db.statements += reader.statements;
  }
}

type SchemaColumn = SchemaFile['columns'][number];

/** A stored value as the record holds it (what the import would have read from the cell). */
function fromStored(column: SchemaColumn, v: unknown): unknown {
  switch (column.type) {
    case 'id':
      return String(v);
    case 'ref':
      return column.required ? (first(v) ?? '') : first(v);
    case 'refs':
      return list(v);
    case 'unit':
      return Number(v);
    case 'int':
      return column.required ? Number(v) : num(v);
    case 'date':
      return column.required ? (date(v) ?? '') : date(v);
    default:
      return column.required ? String(v ?? '') : str(v);
  }
}

/** A node file: every node of its label with its properties and the ids its references name. */
async function readNodes(tx: Tx, spec: SchemaFile, label: NodeLabel): Promise<Row[]> {
  const refs = new Set(referenceColumns(spec).map((c) => c.name));
  const returns = spec.columns.map((c) => {
    if (!refs.has(c.name)) return `n.${c.name} AS ${c.name}`;
    const { rel, target } = referenceColumns(spec).find((r) => r.name === c.name)!;
    const pattern = rel.incoming ? `(n)<-[:${rel.type}]-(t:${target})` : `(n)-[:${rel.type}]->(t:${target})`;
    return `[${pattern} | t.id] AS ${c.name}`;
  });
  const rows = await tx.run<Row>(`MATCH (n:${label}) RETURN ${returns.join(', ')}`);
  const required = spec.columns.filter((c) => c.type === 'ref' && c.required).map((c) => c.name);
  return (
    rows
      .map((r) => Object.fromEntries(spec.columns.map((c) => [c.name, fromStored(c, r[c.name])])))
      // A node without a required reference (an interaction without its MSL or HCP) cannot be written in the format.
      .filter((r) => required.every((name) => r[name] !== ''))
      .sort(byKeys((r) => r.id as string))
  );
}

/** How a relationship file's property is read back when the writer stores it differently (write-statements.ts). */
const STORED_AS: Partial<Record<DatasetKey, Record<string, string>>> = {
  // KNOWS.strength moves with interactions; the imported value is kept as baseStrength.
  mslRelationships: { strength: 'coalesce(x.baseStrength, x.strength)' },
};

/** A relationship file: one record per pair (relationships duplicated by hand collapse, smallest value first). */
async function readEdges(tx: Tx, spec: SchemaFile, graph: { rel: string; from: string; to: string }): Promise<Row[]> {
  const target = (name: string) => spec.columns.find((c) => c.name === name)!.target;
  const props = edgePropertyColumns(spec);
  const stored = STORED_AS[spec.key] ?? {};
  const rows = await tx.run<Row>(
    `MATCH (a:${target(graph.from)})-[x:${graph.rel}]->(b:${target(graph.to)})
     RETURN ${[`a.id AS ${graph.from}`, `b.id AS ${graph.to}`, ...props.map((c) => `min(${stored[c.name] ?? `x.${c.name}`}) AS ${c.name}`)].join(', ')}`,
  );
  return rows
    .map((r) => Object.fromEntries(spec.columns.map((c) => [c.name, c.target ? String(r[c.name]) : fromStored(c, r[c.name])])))
    .sort(byKeys(...spec.identity.map((name) => (r: Row) => r[name] as string)));
}

/** Links: symmetric ones in their canonical direction, one per identity. */
async function readLinks(tx: Tx): Promise<HcpLinkRecord[]> {
  const links = new Map<string, HcpLinkRecord>();
  const linkRows = await tx.run<{ s: string; t: string; type: string; w: number }>(
    `MATCH (a:HCP)-[x:${LINK_TYPES.join('|')}]->(b:HCP) WHERE a <> b
     RETURN a.id AS s, b.id AS t, type(x) AS type, x.weight AS w`,
  );
  for (const r of linkRows) {
    const link = canonicalLink({ sourceId: String(r.s), targetId: String(r.t), type: r.type as LinkType, weight: Number(r.w) });
    const key = linkKey(link);
    const seen = links.get(key);
    // Links duplicated by hand collapse into one, with the largest weight (the tie weight).
    if (!seen || link.weight > seen.weight) links.set(key, link);
  }
  return [...links.values()].sort(
    byKeys<HcpLinkRecord>(
      (r) => r.sourceId,
      (r) => r.targetId,
      (r) => r.type,
    ),
  );
}

async function readInTransaction(tx: Tx): Promise<NetworkData> {
  const data = emptyNetwork() as unknown as Record<DatasetKey, unknown[]>;
  for (const spec of SCHEMA_FILES) {
    const graph = spec.graph;
    if (graph.kind === 'node') data[spec.key] = await readNodes(tx, spec, graph.label);
    else if (graph.kind === 'edge') data[spec.key] = await readEdges(tx, spec, graph);
    else data[spec.key] = await readLinks(tx);
  }
  return data as unknown as NetworkData;
}

/** Every file of the format as CSV text (header row, then records, LF line ends). */
export function networkToCsv(data: NetworkData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of SCHEMA_FILES) {
    const rows = (data[spec.key] as object[]).map((record) => recordCells(spec.key, record));
    out[spec.file] = formatCsv(
      spec.columns.map((c) => c.name),
      rows,
    );
  }
  return out;
}

export interface ExportedFile {
  key: DatasetKey;
  file: string;
  rows: number;
}

/** Writes every file of the format into `dir` (created if needed). */
export async function exportFolder(db: Database, dir: string): Promise<ExportedFile[]> {
  const data = await readNetwork(db);
  return writeNetworkCsv(data, dir);
}

/** Writes records as the CSV files of the format into `dir` (created if needed). */
export function writeNetworkCsv(data: NetworkData, dir: string): ExportedFile[] {
  fs.mkdirSync(dir, { recursive: true });
  const texts = networkToCsv(data);
  return SCHEMA_FILES.map((spec) => {
    fs.writeFileSync(path.join(dir, spec.file), texts[spec.file], 'utf8');
    return { key: spec.key, file: spec.file, rows: data[spec.key].length };
  });
}
