import { Database, Tx } from '../db/database';
import { DatasetKey, FILE_BY_KEY, HcpLinkRecord, LINK_TYPES, LinkType, NetworkData, isSymmetric } from './records';

/**
 * Writes validated records into Neo4j following the graph model of CONTRACT §3a, in ONE write
 * transaction (all or nothing), with UNWIND batches. Idempotent: nodes are MERGEd on `id` and
 * their properties SET; relationships are looked up first and created only when absent (a
 * symmetric link is looked up in both directions, so a link created by hand the other way is
 * not duplicated). A reference given in the import replaces the node's previous one (an HCP that
 * moves institution has one AFFILIATED_WITH afterwards); an empty reference removes it.
 */

export interface WriteCounts {
  /** Distinct records written. */
  rows: number;
  created: number;
  /** Existed before with different data (properties or references). */
  updated: number;
  /** Existed before with the same data. */
  unchanged: number;
}

export type WriteSummary = Partial<Record<DatasetKey, WriteCounts>>;

export interface WriteProgress {
  key: DatasetKey;
  file: string;
  /** Records of this file written so far. */
  done: number;
  total: number;
}

export interface WriteOptions {
  /** Rows per UNWIND statement (default 10,000). */
  batchSize?: number;
  /** Called after every statement, inside the transaction (throwing aborts and rolls back). */
  onProgress?: (progress: WriteProgress) => void;
  /** Transaction timeout in ms (default 30 minutes; 0 = none). */
  timeoutMs?: number;
}

export const DEFAULT_BATCH_SIZE = 10000;
export const DEFAULT_WRITE_TIMEOUT_MS = 30 * 60 * 1000;

type PropKind = 'text' | 'int' | 'float' | 'date';

interface PropSpec {
  name: string;
  kind?: PropKind;
}

interface RefSpec {
  field: string;
  rel: string;
  label: string;
  /** (target)-[:rel]->(node) instead of (node)-[:rel]->(target). */
  incoming?: boolean;
  list?: boolean;
}

interface NodeSpec {
  key: DatasetKey;
  label: string;
  props: PropSpec[];
  refs: RefSpec[];
}

const NODES: NodeSpec[] = [
  { key: 'territories', label: 'Territory', props: [{ name: 'name' }, { name: 'region' }], refs: [] },
  { key: 'therapeuticAreas', label: 'TherapeuticArea', props: [{ name: 'name' }], refs: [] },
  {
    key: 'institutions',
    label: 'Institution',
    props: [{ name: 'name' }, { name: 'type' }, { name: 'city' }, { name: 'country' }],
    refs: [{ field: 'territoryId', rel: 'IN_TERRITORY', label: 'Territory' }],
  },
  {
    key: 'hcps',
    label: 'HCP',
    props: [
      { name: 'firstName' },
      { name: 'lastName' },
      { name: 'specialty' },
      { name: 'email' },
      { name: 'preferredChannel' },
    ],
    refs: [
      { field: 'institutionId', rel: 'AFFILIATED_WITH', label: 'Institution' },
      { field: 'territoryId', rel: 'IN_TERRITORY', label: 'Territory' },
      { field: 'therapeuticAreaIds', rel: 'SPECIALIZES_IN', label: 'TherapeuticArea', list: true },
    ],
  },
  {
    key: 'msls',
    label: 'MSL',
    props: [{ name: 'firstName' }, { name: 'lastName' }, { name: 'email' }],
    refs: [
      { field: 'territoryId', rel: 'COVERS', label: 'Territory' },
      { field: 'therapeuticAreaIds', rel: 'FOCUSES_ON', label: 'TherapeuticArea', list: true },
    ],
  },
  {
    key: 'interactions',
    label: 'Interaction',
    props: [
      { name: 'date', kind: 'date' },
      { name: 'channel' },
      { name: 'topic' },
      { name: 'sentiment' },
      { name: 'notes' },
    ],
    refs: [
      { field: 'mslId', rel: 'LOGGED', label: 'MSL', incoming: true },
      { field: 'hcpId', rel: 'WITH', label: 'HCP' },
    ],
  },
  {
    key: 'publications',
    label: 'Publication',
    props: [{ name: 'title' }, { name: 'year', kind: 'int' }, { name: 'journal' }],
    refs: [{ field: 'therapeuticAreaId', rel: 'IN_AREA', label: 'TherapeuticArea' }],
  },
  {
    key: 'trials',
    label: 'ClinicalTrial',
    props: [{ name: 'title' }, { name: 'phase' }, { name: 'status' }],
    refs: [{ field: 'therapeuticAreaId', rel: 'IN_AREA', label: 'TherapeuticArea' }],
  },
];

/** Relationship records between two existing nodes: (from)-[:rel {props}]->(to). */
interface EdgeSpec {
  key: DatasetKey;
  rel: string;
  from: { field: string; label: string };
  to: { field: string; label: string };
  props: PropSpec[];
}

const EDGES: Record<'authorships' | 'trialInvestigators', EdgeSpec> = {
  authorships: {
    key: 'authorships',
    rel: 'AUTHORED',
    from: { field: 'hcpId', label: 'HCP' },
    to: { field: 'publicationId', label: 'Publication' },
    props: [{ name: 'position', kind: 'int' }],
  },
  trialInvestigators: {
    key: 'trialInvestigators',
    rel: 'INVESTIGATOR_ON',
    from: { field: 'hcpId', label: 'HCP' },
    to: { field: 'trialId', label: 'ClinicalTrial' },
    props: [{ name: 'role' }],
  },
};

function value(prop: PropSpec, source = 'r'): string {
  const ref = `${source}.${prop.name}`;
  switch (prop.kind) {
    case 'int':
      return `toInteger(${ref})`;
    case 'date':
      return `date(${ref})`;
    default:
      return ref;
  }
}

/** Null-safe equality of a stored property and the incoming value. */
function same(stored: string, incoming: string): string {
  return `coalesce(${stored} = ${incoming}, ${stored} IS NULL AND ${incoming} IS NULL)`;
}

function refPattern(node: string, ref: RefSpec, rel: string, target: string): string {
  return ref.incoming ? `(${node})<-[${rel}:${ref.rel}]-(${target}:${ref.label})` : `(${node})-[${rel}:${ref.rel}]->(${target}:${ref.label})`;
}

/** The UNWIND statement writing one batch of a node file; returns created/updated counts. */
export function nodeStatement(spec: NodeSpec): string {
  const propsSame = spec.props.map((p) => same(`old.${p.name}`, value(p)));
  const refsSame = spec.refs.map((ref) => {
    const current = `[${refPattern('old', ref, '', 't')} | t.id]`;
    if (ref.list) {
      return `(size(${current}) = size(r.${ref.field}) AND all(x IN ${current} WHERE x IN r.${ref.field}))`;
    }
    return `${current} = CASE WHEN r.${ref.field} IS NULL THEN [] ELSE [r.${ref.field}] END`;
  });
  const unchanged = [...propsSame, ...refsSame].join('\n      AND ');
  const sets = spec.props.map((p) => `n.${p.name} = ${value(p)}`).join(', ');
  const refWrites = spec.refs.flatMap((ref) => {
    const drop = ref.list
      ? `CALL (n, r) { OPTIONAL MATCH ${refPattern('n', ref, 'x', 't')} WHERE NOT t.id IN r.${ref.field} DELETE x }`
      : `CALL (n, r) { OPTIONAL MATCH ${refPattern('n', ref, 'x', 't')} WHERE r.${ref.field} IS NULL OR t.id <> r.${ref.field} DELETE x }`;
    const add = ref.list
      ? `CALL (n, r) { UNWIND r.${ref.field} AS ref MATCH (t:${ref.label} {id: ref}) MERGE ${refPattern('n', ref, '', 't').replace(`(t:${ref.label})`, '(t)')} }`
      : `CALL (n, r) { MATCH (t:${ref.label} {id: r.${ref.field}}) MERGE ${refPattern('n', ref, '', 't').replace(`(t:${ref.label})`, '(t)')} }`;
    return [drop, add];
  });
  return [
    'UNWIND $rows AS r',
    `OPTIONAL MATCH (old:${spec.label} {id: r.id})`,
    'WITH r, old IS NULL AS created,',
    `  CASE WHEN old IS NULL THEN false ELSE NOT (${unchanged}) END AS updated`,
    `MERGE (n:${spec.label} {id: r.id})`,
    sets ? `SET ${sets}` : '',
    'WITH n, r, created, updated',
    ...refWrites,
    'RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated',
  ]
    .filter(Boolean)
    .join('\n');
}

/** One statement per link type (the type is a relationship type, which Cypher cannot parameterize). */
export function linkStatement(type: LinkType, mode: LinkWriteMode = 'check-create'): string {
  const pattern = isSymmetric(type) ? `(a)-[x:${type}]-(b)` : `(a)-[x:${type}]->(b)`;
  const head = ['UNWIND $rows AS r', 'MATCH (a:HCP {id: r.s})', 'MATCH (b:HCP {id: r.t})'];
  if (mode === 'merge') {
    // Variant kept for measurement: MERGE in the canonical direction only.
    return [
      ...head,
      `MERGE (a)-[x:${type}]->(b)`,
      'ON CREATE SET x.__new = true',
      'WITH x, r, x.__new IS NOT NULL AS created, coalesce(x.weight <> r.w, true) AS changed',
      'SET x.weight = r.w REMOVE x.__new',
      'RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN NOT created AND changed THEN 1 ELSE 0 END) AS updated',
    ].join('\n');
  }
  return [
    ...head,
    `WITH a, b, r, [${pattern} | x] AS olds`,
    'WITH a, b, r, olds, size(olds) = 0 AS created, any(o IN olds WHERE coalesce(o.weight <> r.w, true)) AS updated',
    'FOREACH (o IN olds | SET o.weight = r.w)',
    `FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | CREATE (a)-[:${type} {weight: r.w}]->(b))`,
    'RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated',
  ].join('\n');
}

export type LinkWriteMode = 'check-create' | 'merge';

/**
 * MSL relationships: `strength` starts at the imported value and is also kept as `baseStrength`;
 * a re-import leaves a `strength` that other modules adjusted alone unless the imported value
 * itself changed.
 */
const KNOWS_STATEMENT = [
  'UNWIND $rows AS r',
  'MATCH (m:MSL {id: r.mslId})',
  'MATCH (h:HCP {id: r.hcpId})',
  'WITH m, h, r, [(m)-[x:KNOWS]->(h) | x] AS olds',
  'WITH m, h, r, olds, size(olds) = 0 AS created,',
  `  any(o IN olds WHERE NOT (${same('o.baseStrength', 'r.strength')} AND ${same('o.since', 'date(r.since)')})) AS updated`,
  'FOREACH (o IN olds | SET o.strength = CASE WHEN o.baseStrength = r.strength THEN o.strength ELSE r.strength END,',
  '  o.baseStrength = r.strength, o.since = date(r.since))',
  'FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |',
  '  CREATE (m)-[:KNOWS {strength: r.strength, baseStrength: r.strength, since: date(r.since)}]->(h))',
  'RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated',
].join('\n');

function edgeStatement(spec: EdgeSpec): string {
  const propsSame = spec.props.map((p) => same(`o.${p.name}`, value(p))).join(' AND ');
  const sets = spec.props.map((p) => `o.${p.name} = ${value(p)}`).join(', ');
  const createProps = spec.props.map((p) => `${p.name}: ${value(p)}`).join(', ');
  return [
    'UNWIND $rows AS r',
    `MATCH (a:${spec.from.label} {id: r.${spec.from.field}})`,
    `MATCH (b:${spec.to.label} {id: r.${spec.to.field}})`,
    `WITH a, b, r, [(a)-[x:${spec.rel}]->(b) | x] AS olds`,
    `WITH a, b, r, olds, size(olds) = 0 AS created, any(o IN olds WHERE NOT (${propsSame})) AS updated`,
    `FOREACH (o IN olds | SET ${sets})`,
    `FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | CREATE (a)-[:${spec.rel} {${createProps}}]->(b))`,
    'RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated',
  ].join('\n');
}

/** KNOWS.lastContact = the latest interaction date of the pair, when later than the stored one. */
const LAST_CONTACT_STATEMENT = [
  'UNWIND $pairs AS p',
  'MATCH (m:MSL {id: p.m})-[k:KNOWS]->(h:HCP {id: p.h})',
  'CALL (m, h) { MATCH (m)-[:LOGGED]->(i:Interaction)-[:WITH]->(h) RETURN max(i.date) AS latest }',
  'WITH k, latest WHERE latest IS NOT NULL AND (k.lastContact IS NULL OR k.lastContact < latest)',
  'SET k.lastContact = latest',
].join('\n');

/** The change marker other modules poll. */
export const BUMP_VERSION_STATEMENT =
  "MERGE (m:GraphMeta {id: 'network'}) SET m.version = coalesce(m.version, 0) + 1, m.updatedAt = datetime()";

/** Writes the records in one transaction; returns counts per file. */
export async function writeNetwork(db: Database, data: NetworkData, options: WriteOptions = {}): Promise<WriteSummary> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  // Same driver and database, with a transaction timeout that fits a large import.
  const longDb = new Database(db.driver, db.name, timeoutMs);
  try {
    return await longDb.transaction((tx) => writeInTransaction(tx, data, options));
  } finally {
    db.statements += longDb.statements;
  }
}

/** The body of writeNetwork, for callers that already hold a transaction. */
export async function writeInTransaction(tx: Tx, data: NetworkData, options: WriteOptions = {}): Promise<WriteSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const summary: WriteSummary = {};
  const progress = (key: DatasetKey, done: number, total: number) =>
    options.onProgress?.({ key, file: FILE_BY_KEY[key].file, done, total });

  const run = async (key: DatasetKey, statement: string, rows: unknown[], counts: WriteCounts, offset: number, total: number) => {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      const [result] = await tx.run<{ created: number; updated: number }>(statement, { rows: batch });
      counts.created += result?.created ?? 0;
      counts.updated += result?.updated ?? 0;
      progress(key, offset + i + batch.length, total);
    }
  };
  const finish = (key: DatasetKey, counts: WriteCounts) => {
    counts.unchanged = counts.rows - counts.created - counts.updated;
    summary[key] = counts;
  };
  const fresh = (rows: number): WriteCounts => ({ rows, created: 0, updated: 0, unchanged: 0 });

  const nodeSpec = (key: DatasetKey) => NODES.find((spec) => spec.key === key)!;
  const writeNodes = async (key: DatasetKey) => {
    const rows = data[key];
    if (rows.length === 0) return;
    const counts = fresh(rows.length);
    await run(key, nodeStatement(nodeSpec(key)), rows, counts, 0, rows.length);
    finish(key, counts);
  };

  await writeNodes('territories');
  await writeNodes('therapeuticAreas');
  await writeNodes('institutions');
  await writeNodes('hcps');

  if (data.hcpLinks.length > 0) {
    const counts = fresh(data.hcpLinks.length);
    const byType = new Map<LinkType, { s: string; t: string; w: number }[]>(LINK_TYPES.map((t) => [t, []]));
    for (const link of data.hcpLinks) byType.get(link.type)!.push(linkRow(link));
    let offset = 0;
    for (const [type, rows] of byType) {
      await run('hcpLinks', linkStatement(type), rows, counts, offset, data.hcpLinks.length);
      offset += rows.length;
    }
    finish('hcpLinks', counts);
  }

  await writeNodes('msls');

  if (data.mslRelationships.length > 0) {
    const counts = fresh(data.mslRelationships.length);
    await run('mslRelationships', KNOWS_STATEMENT, data.mslRelationships, counts, 0, data.mslRelationships.length);
    finish('mslRelationships', counts);
  }

  await writeNodes('interactions');

  // lastContact of every pair touched by this import (new relationships or new interactions).
  const pairs = new Map<string, { m: string; h: string }>();
  for (const r of data.mslRelationships) pairs.set(`${r.mslId}\u0000${r.hcpId}`, { m: r.mslId, h: r.hcpId });
  for (const i of data.interactions) pairs.set(`${i.mslId}\u0000${i.hcpId}`, { m: i.mslId, h: i.hcpId });
  const pairRows = [...pairs.values()];
  for (let i = 0; i < pairRows.length; i += batchSize) {
    await tx.run(LAST_CONTACT_STATEMENT, { pairs: pairRows.slice(i, i + batchSize) });
  }

  await writeNodes('publications');
  if (data.authorships.length > 0) {
    const counts = fresh(data.authorships.length);
    await run('authorships', edgeStatement(EDGES.authorships), data.authorships, counts, 0, data.authorships.length);
    finish('authorships', counts);
  }
  await writeNodes('trials');
  if (data.trialInvestigators.length > 0) {
    const counts = fresh(data.trialInvestigators.length);
    await run(
      'trialInvestigators',
      edgeStatement(EDGES.trialInvestigators),
      data.trialInvestigators,
      counts,
      0,
      data.trialInvestigators.length,
    );
    finish('trialInvestigators', counts);
  }

  await tx.run(BUMP_VERSION_STATEMENT);
  return summary;
}

function linkRow(link: HcpLinkRecord): { s: string; t: string; w: number } {
  return { s: link.sourceId, t: link.targetId, w: link.weight };
}
