import { LinkType, isSymmetricLink } from '../vocabulary';
import {
  Column,
  DatasetKey,
  NodeLabel,
  SCHEMA_FILES,
  SchemaFile,
  edgePropertyColumns,
  propertyColumns,
  referenceColumns,
} from './csv-schema';

/**
 * The Cypher of the transactional import (write.ts), built from the format's declaration
 * (csv-schema.ts): which label, properties (and their Cypher types) and reference relationships
 * each node file has, and which relationship each relationship file makes. Every statement
 * UNWINDs a batch of rows given as a parameter.
 *
 * Endpoints are found in one of two ways. By their `id` property (an index seek), or, for nodes
 * this transaction created or read (the writer keeps their internal ids), by internal id: rows
 * then carry internal ids in place of the domain ids ("by node id" variants). Measured at 100k
 * HCPs / 1M links, the seeks by property were the import's largest cost before its commit: each
 * one searches the index, then the transaction's own index changes (every node it created), and
 * takes a shared lock on the index entry (the id's uniqueness constraint) that is held, in the
 * lock manager's map, until the commit. A seek by internal id reads the node's record, no more.
 */

interface PropSpec {
  name: string;
  /** How the record's value is stored: as it is (strings, floats), or converted. */
  kind?: 'int' | 'date';
}

interface RefSpec {
  field: string;
  rel: string;
  label: NodeLabel;
  /** (target)-[:rel]->(node) instead of (node)-[:rel]->(target). */
  incoming?: boolean;
  list?: boolean;
}

export interface NodeSpec {
  key: DatasetKey;
  label: NodeLabel;
  props: PropSpec[];
  refs: RefSpec[];
}

/** Relationship records between two existing nodes: (from)-[:rel {props}]->(to). */
export interface EdgeSpec {
  key: DatasetKey;
  rel: string;
  from: { field: string; label: NodeLabel };
  to: { field: string; label: NodeLabel };
  props: PropSpec[];
  /** Custom property writes (default: SET every prop). */
  createProps?: string;
  updateSets?: string;
  sameExpr?: string;
}

function prop(column: Column & { name: string }): PropSpec {
  if (column.type === 'int') return { name: column.name, kind: 'int' };
  if (column.type === 'date') return { name: column.name, kind: 'date' };
  return { name: column.name };
}

function nodeSpec(spec: SchemaFile): NodeSpec {
  if (spec.graph.kind !== 'node') throw new Error(`${spec.file} is not a node file`);
  return {
    key: spec.key,
    label: spec.graph.label,
    props: propertyColumns(spec).map(prop),
    refs: referenceColumns(spec).map((c) => ({
      field: c.name,
      rel: c.rel.type,
      label: c.target,
      ...(c.rel.incoming ? { incoming: true } : {}),
      ...(c.type === 'refs' ? { list: true } : {}),
    })),
  };
}

/** The label a relationship file's endpoint column names. */
function endpoint(spec: SchemaFile, field: string): { field: string; label: NodeLabel } {
  const label = spec.columns.find((c) => c.name === field)?.target;
  if (!label) throw new Error(`${spec.file}: ${field} is not a reference`);
  return { field, label };
}

/**
 * KNOWS: `strength` starts at the imported value and is also kept as `baseStrength`; a re-import
 * leaves a `strength` that other modules adjusted alone unless the imported value changed.
 * `lastContact` is the pair's latest interaction (rows carry it when the pair is new).
 */
const EDGE_WRITES: Partial<Record<DatasetKey, Pick<EdgeSpec, 'createProps' | 'updateSets' | 'sameExpr'>>> = {
  mslRelationships: {
    createProps: 'strength: r.strength, baseStrength: r.strength, since: date(r.since), lastContact: date(r.lastContact)',
    updateSets:
      'o.strength = CASE WHEN o.baseStrength = r.strength THEN o.strength ELSE r.strength END, o.baseStrength = r.strength, o.since = date(r.since)',
    sameExpr: `${same('o.baseStrength', 'r.strength')} AND ${same('o.since', 'date(r.since)')}`,
  },
};

function edgeSpec(spec: SchemaFile): EdgeSpec {
  if (spec.graph.kind !== 'edge') throw new Error(`${spec.file} is not a relationship file`);
  const custom = EDGE_WRITES[spec.key];
  return {
    key: spec.key,
    rel: spec.graph.rel,
    from: endpoint(spec, spec.graph.from),
    to: endpoint(spec, spec.graph.to),
    props: custom ? [] : edgePropertyColumns(spec).map(prop),
    ...custom,
  };
}

export const NODES: ReadonlyMap<DatasetKey, NodeSpec> = new Map(
  SCHEMA_FILES.filter((f) => f.graph.kind === 'node').map((f) => [f.key, nodeSpec(f)]),
);
export const EDGES: ReadonlyMap<DatasetKey, EdgeSpec> = new Map(
  SCHEMA_FILES.filter((f) => f.graph.kind === 'edge').map((f) => [f.key, edgeSpec(f)]),
);

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

/**
 * Binds `node` (with its label) to the row's `field`: the node with that domain id, or, with
 * `byNodeId`, the node with that internal id (sent as a JavaScript number, hence toInteger).
 */
function find(node: string, label: NodeLabel, field: string, byNodeId: boolean): string {
  return byNodeId ? `MATCH (${node}:${label}) WHERE id(${node}) = toInteger(${field})` : `MATCH (${node}:${label} {id: ${field}})`;
}

function refPattern(node: string, ref: RefSpec, rel: string, target: string, label = true): string {
  const t = label ? `${target}:${ref.label}` : target;
  return ref.incoming ? `(${node})<-[${rel}:${ref.rel}]-(${t})` : `(${node})-[${rel}:${ref.rel}]->(${t})`;
}

/** Reads the stored state (internal id, properties and reference ids) of the given ids of a node file. */
export function nodeStateStatement(spec: NodeSpec): string {
  const props = spec.props.map((p) => `n.${p.name} AS ${p.name}`);
  const refs = spec.refs.map((ref) => `[${refPattern('n', ref, '', 't')} | t.id] AS ${ref.field}`);
  const columns = ['n.id AS id', 'id(n) AS nodeId', ...props, ...refs];
  return ['UNWIND $ids AS id', `MATCH (n:${spec.label} {id: id})`, `RETURN ${columns.join(', ')}`].join('\n');
}

/** Connects a node to the target(s) of a reference (CREATE for new nodes, MERGE for updated ones). */
function connect(ref: RefSpec, verb: 'CREATE' | 'MERGE', byNodeId = false): string {
  const link = `${verb} ${refPattern('n', ref, '', 't', false)}`;
  return ref.list
    ? `CALL (n, r) { UNWIND r.${ref.field} AS ref ${find('t', ref.label, 'ref', byNodeId)} ${link} }`
    : `CALL (n, r) { ${find('t', ref.label, `r.${ref.field}`, byNodeId)} ${link} }`;
}

/**
 * Creates new nodes with their reference relationships; returns their internal ids (in the
 * rows' order, next to their domain ids). `byNodeId`: the rows' references are internal ids.
 */
export function nodeCreateStatement(spec: NodeSpec, byNodeId = false): string {
  const props = ['id: r.id', ...spec.props.map((p) => `${p.name}: ${value(p)}`)].join(', ');
  const refs = spec.refs.map((ref) => connect(ref, 'CREATE', byNodeId));
  return [
    'UNWIND $rows AS r',
    `CREATE (n:${spec.label} {${props}})`,
    ...(refs.length > 0 ? ['WITH n, r', ...refs] : []),
    'RETURN collect(r.id) AS ids, collect(id(n)) AS nodeIds',
  ].join('\n');
}

/** Updates existing nodes: properties, and references replaced by the imported ones. */
export function nodeUpdateStatement(spec: NodeSpec): string {
  const sets = spec.props.map((p) => `n.${p.name} = ${value(p)}`).join(', ');
  const refs = spec.refs.flatMap((ref) => {
    const drop = ref.list
      ? `CALL (n, r) { OPTIONAL MATCH ${refPattern('n', ref, 'x', 't')} WHERE NOT t.id IN r.${ref.field} DELETE x }`
      : `CALL (n, r) { OPTIONAL MATCH ${refPattern('n', ref, 'x', 't')} WHERE r.${ref.field} IS NULL OR t.id <> r.${ref.field} DELETE x }`;
    return [drop, connect(ref, 'MERGE')];
  });
  return [
    'UNWIND $rows AS r',
    `MATCH (n:${spec.label} {id: r.id})`,
    `SET ${sets}`,
    ...(refs.length > 0 ? ['WITH n, r', ...refs] : []),
  ].join('\n');
}

/** True when the stored state (a row of nodeStateStatement) equals the record. */
export function sameAsStored(spec: NodeSpec, record: Record<string, unknown>, stored: Record<string, unknown>): boolean {
  for (const p of spec.props) {
    const want = record[p.name] ?? null;
    const have = stored[p.name] ?? null;
    if (want !== have) return false;
  }
  for (const ref of spec.refs) {
    const have = (stored[ref.field] as string[] | null) ?? [];
    if (ref.list) {
      const want = record[ref.field] as string[];
      if (have.length !== want.length) return false;
      const sorted = [...have].sort();
      if (sorted.some((id, i) => id !== want[i])) return false;
    } else {
      const want = (record[ref.field] as string | null) ?? null;
      if (want === null ? have.length !== 0 : have.length !== 1 || have[0] !== want) return false;
    }
  }
  return true;
}

export type LinkWriteMode = 'check-create' | 'merge';

/** Counts a check statement returns: how many rows created a relationship, how many changed one. */
const COUNTS = 'RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated';

/**
 * Links that may exist already (an endpoint existed before the import): looked up, in either
 * direction for symmetric types, created when absent, weight updated when present.
 */
export function linkCheckStatement(type: LinkType, mode: LinkWriteMode = 'check-create', byNodeId = false): string {
  const head = ['UNWIND $rows AS r', find('a', 'HCP', 'r.s', byNodeId), find('b', 'HCP', 'r.t', byNodeId)];
  if (mode === 'merge') {
    // Variant kept for measurement only: MERGE in the canonical direction.
    return [
      ...head,
      `MERGE (a)-[x:${type}]->(b)`,
      'ON CREATE SET x.weight = r.w',
      'ON MATCH SET x.weight = r.w',
      'RETURN 0 AS created, 0 AS updated',
    ].join('\n');
  }
  const pattern = isSymmetricLink(type) ? `(a)-[x:${type}]-(b)` : `(a)-[x:${type}]->(b)`;
  return [
    ...head,
    `WITH a, b, r, [${pattern} | x] AS olds`,
    'WITH a, b, r, olds, size(olds) = 0 AS created, any(o IN olds WHERE coalesce(o.weight <> r.w, true)) AS updated',
    // Only changed links are written: re-importing the same data adds nothing to the transaction.
    'FOREACH (o IN [o IN olds WHERE coalesce(o.weight <> r.w, true)] | SET o.weight = r.w)',
    `FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | CREATE (a)-[:${type} {weight: r.w}]->(b))`,
    COUNTS,
  ].join('\n');
}

/** Links between two HCPs created by this import: they cannot exist yet. */
export function linkCreateStatement(type: LinkType, byNodeId = false): string {
  return [
    'UNWIND $rows AS r',
    find('a', 'HCP', 'r.s', byNodeId),
    find('b', 'HCP', 'r.t', byNodeId),
    `CREATE (a)-[:${type} {weight: r.w}]->(b)`,
  ].join('\n');
}

function edgeCreateProps(spec: EdgeSpec): string {
  return spec.createProps ?? spec.props.map((p) => `${p.name}: ${value(p)}`).join(', ');
}

function edgeEnds(spec: EdgeSpec, byNodeId: boolean): string[] {
  return [
    'UNWIND $rows AS r',
    find('a', spec.from.label, `r.${spec.from.field}`, byNodeId),
    find('b', spec.to.label, `r.${spec.to.field}`, byNodeId),
  ];
}

/** Relationship records that may exist: created when absent, their properties updated when different. */
export function edgeCheckStatement(spec: EdgeSpec, byNodeId = false): string {
  const sameExpr = spec.sameExpr ?? spec.props.map((p) => same(`o.${p.name}`, value(p))).join(' AND ');
  const sets = spec.updateSets ?? spec.props.map((p) => `o.${p.name} = ${value(p)}`).join(', ');
  return [
    ...edgeEnds(spec, byNodeId),
    `WITH a, b, r, [(a)-[x:${spec.rel}]->(b) | x] AS olds`,
    `WITH a, b, r, olds, size(olds) = 0 AS created, any(o IN olds WHERE NOT (${sameExpr})) AS updated`,
    `FOREACH (o IN [o IN olds WHERE NOT (${sameExpr})] | SET ${sets})`,
    `FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | CREATE (a)-[:${spec.rel} {${edgeCreateProps(spec)}}]->(b))`,
    COUNTS,
  ].join('\n');
}

/** Relationship records with an endpoint new in this import: they cannot exist yet. */
export function edgeCreateStatement(spec: EdgeSpec, byNodeId = false): string {
  return [...edgeEnds(spec, byNodeId), `CREATE (a)-[:${spec.rel} {${edgeCreateProps(spec)}}]->(b)`].join('\n');
}

/** KNOWS.lastContact = the latest interaction date of the pair, when later than the stored one. */
export const LAST_CONTACT_STATEMENT = [
  'UNWIND $pairs AS p',
  'MATCH (m:MSL {id: p.m})-[k:KNOWS]->(h:HCP {id: p.h})',
  'CALL (m, h) { MATCH (m)-[:LOGGED]->(i:Interaction)-[:WITH]->(h) RETURN max(i.date) AS latest }',
  'WITH k, latest WHERE latest IS NOT NULL AND (k.lastContact IS NULL OR k.lastContact < latest)',
  'SET k.lastContact = latest',
].join('\n');
