import neo4j, { Transaction } from 'neo4j-driver';
import { Database, Tx, toPlain } from '../db/database';
import { ServiceUnavailableError } from '../errors';
import { DatasetKey, FILE_BY_KEY, HcpLinkRecord, NetworkData } from './records';
import { LINK_TYPES, LinkType, isSymmetricLink } from '../vocabulary';
import { FULL_CHANGE, recordNetworkChange } from '../network/changes';

/**
 * Writes validated records into Neo4j following the graph model of docs/domain.md, in ONE write
 * transaction (all or nothing), with UNWIND batches.
 *
 * Idempotent, and cheap when little changed: for every node file the stored state of the
 * import's ids is read first (properties and references) and compared with the records, so
 * - new ids are CREATEd with their reference relationships (no MERGE cost),
 * - changed ids are updated: properties SET, and each reference given in the import replaces
 *   the previous one (an HCP that moves institution keeps one AFFILIATED_WITH; an empty
 *   reference removes it),
 * - unchanged ids are not written at all.
 * Relationship records (links, MSL relationships, authorships, investigators) whose endpoints
 * are both new in this import cannot exist yet and are CREATEd directly; the others are looked
 * up first (a symmetric link in both directions, so a link made by hand the other way is not
 * duplicated) and created only when absent, else their properties are updated.
 */

export interface WriteCounts {
  /** Distinct records written. */
  rows: number;
  created: number;
  /** Existed before with different data (properties or references). */
  updated: number;
  /** Existed before with the same data. */
  unchanged: number;
  /** Time spent writing this file inside the transaction. */
  ms: number;
}

export type WriteSummary = Partial<Record<DatasetKey, WriteCounts>> & {
  /** Time of the commit (or of the rollback of a dry run). */
  commitMs?: number;
};

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
  /**
   * How links are written (for measurements; default 'auto'): 'auto' creates links between HCPs
   * new in this import directly and checks the others; 'check' looks every link up first;
   * 'merge' MERGEs every link in its canonical direction.
   */
  linkMode?: 'auto' | 'check' | 'merge';
  /** Write everything, then roll back instead of committing (a full trial run). */
  dryRun?: boolean;
  /** Runs in the import's transaction after the writes, before the commit (the audit record). */
  beforeCommit?: (tx: Tx, summary: WriteSummary) => Promise<void>;
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
    props: [{ name: 'firstName' }, { name: 'lastName' }, { name: 'specialty' }, { name: 'email' }, { name: 'preferredChannel' }],
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
    props: [{ name: 'date', kind: 'date' }, { name: 'channel' }, { name: 'topic' }, { name: 'sentiment' }, { name: 'notes' }],
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
    props: [{ name: 'title' }, { name: 'phase' }, { name: 'status' }, { name: 'startYear', kind: 'int' }],
    refs: [{ field: 'therapeuticAreaId', rel: 'IN_AREA', label: 'TherapeuticArea' }],
  },
];

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

function refPattern(node: string, ref: RefSpec, rel: string, target: string, label = true): string {
  const t = label ? `${target}:${ref.label}` : target;
  return ref.incoming ? `(${node})<-[${rel}:${ref.rel}]-(${t})` : `(${node})-[${rel}:${ref.rel}]->(${t})`;
}

/** Reads the stored state (properties and reference ids) of the given ids of a node file. */
export function nodeStateStatement(spec: NodeSpec): string {
  const props = spec.props.map((p) => `n.${p.name} AS ${p.name}`);
  const refs = spec.refs.map((ref) => `[${refPattern('n', ref, '', 't')} | t.id] AS ${ref.field}`);
  return ['UNWIND $ids AS id', `MATCH (n:${spec.label} {id: id})`, `RETURN ${['n.id AS id', ...props, ...refs].join(', ')}`].join('\n');
}

/** Creates new nodes with their reference relationships. */
export function nodeCreateStatement(spec: NodeSpec): string {
  const props = ['id: r.id', ...spec.props.map((p) => `${p.name}: ${value(p)}`)].join(', ');
  const refs = spec.refs.map((ref) =>
    ref.list
      ? `CALL (n, r) { UNWIND r.${ref.field} AS ref MATCH (t:${ref.label} {id: ref}) CREATE ${refPattern('n', ref, '', 't', false)} }`
      : `CALL (n, r) { MATCH (t:${ref.label} {id: r.${ref.field}}) CREATE ${refPattern('n', ref, '', 't', false)} }`,
  );
  return ['UNWIND $rows AS r', `CREATE (n:${spec.label} {${props}})`, ...(refs.length > 0 ? ['WITH n, r', ...refs] : [])].join('\n');
}

/** Updates existing nodes: properties, and references replaced by the imported ones. */
export function nodeUpdateStatement(spec: NodeSpec): string {
  const sets = spec.props.map((p) => `n.${p.name} = ${value(p)}`).join(', ');
  const refs = spec.refs.flatMap((ref) => {
    const drop = ref.list
      ? `CALL (n, r) { OPTIONAL MATCH ${refPattern('n', ref, 'x', 't')} WHERE NOT t.id IN r.${ref.field} DELETE x }`
      : `CALL (n, r) { OPTIONAL MATCH ${refPattern('n', ref, 'x', 't')} WHERE r.${ref.field} IS NULL OR t.id <> r.${ref.field} DELETE x }`;
    const add = ref.list
      ? `CALL (n, r) { UNWIND r.${ref.field} AS ref MATCH (t:${ref.label} {id: ref}) MERGE ${refPattern('n', ref, '', 't', false)} }`
      : `CALL (n, r) { MATCH (t:${ref.label} {id: r.${ref.field}}) MERGE ${refPattern('n', ref, '', 't', false)} }`;
    return [drop, add];
  });
  return [
    'UNWIND $rows AS r',
    `MATCH (n:${spec.label} {id: r.id})`,
    `SET ${sets}`,
    ...(refs.length > 0 ? ['WITH n, r', ...refs] : []),
  ].join('\n');
}

/** True when the stored state (a row of nodeStateStatement) equals the record. */
function sameAsStored(spec: NodeSpec, record: Record<string, unknown>, stored: Record<string, unknown>): boolean {
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

/**
 * Links that may exist already (an endpoint existed before the import): looked up, in either
 * direction for symmetric types, created when absent, weight updated when present.
 */
export function linkCheckStatement(type: LinkType, mode: LinkWriteMode = 'check-create'): string {
  const head = ['UNWIND $rows AS r', 'MATCH (a:HCP {id: r.s})', 'MATCH (b:HCP {id: r.t})'];
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
    'RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated',
  ].join('\n');
}

/** Links between two HCPs created by this import: they cannot exist yet. */
export function linkCreateStatement(type: LinkType): string {
  return ['UNWIND $rows AS r', 'MATCH (a:HCP {id: r.s})', 'MATCH (b:HCP {id: r.t})', `CREATE (a)-[:${type} {weight: r.w}]->(b)`].join('\n');
}

/** Relationship records between two existing nodes: (from)-[:rel {props}]->(to). */
interface EdgeSpec {
  key: 'mslRelationships' | 'authorships' | 'trialInvestigators';
  rel: string;
  from: { field: string; label: string };
  to: { field: string; label: string };
  props: PropSpec[];
  /** Custom property writes (default: SET every prop). */
  createProps?: string;
  updateSets?: string;
  sameExpr?: string;
}

const EDGES: EdgeSpec[] = [
  {
    // `strength` starts at the imported value and is also kept as `baseStrength`; a re-import
    // leaves a `strength` that other modules adjusted alone unless the imported value changed.
    key: 'mslRelationships',
    rel: 'KNOWS',
    from: { field: 'mslId', label: 'MSL' },
    to: { field: 'hcpId', label: 'HCP' },
    props: [],
    createProps: 'strength: r.strength, baseStrength: r.strength, since: date(r.since), lastContact: date(r.lastContact)',
    updateSets:
      'o.strength = CASE WHEN o.baseStrength = r.strength THEN o.strength ELSE r.strength END, o.baseStrength = r.strength, o.since = date(r.since)',
    sameExpr: `${same('o.baseStrength', 'r.strength')} AND ${same('o.since', 'date(r.since)')}`,
  },
  {
    key: 'authorships',
    rel: 'AUTHORED',
    from: { field: 'hcpId', label: 'HCP' },
    to: { field: 'publicationId', label: 'Publication' },
    props: [{ name: 'position', kind: 'int' }],
  },
  {
    key: 'trialInvestigators',
    rel: 'INVESTIGATOR_ON',
    from: { field: 'hcpId', label: 'HCP' },
    to: { field: 'trialId', label: 'ClinicalTrial' },
    props: [{ name: 'role' }],
  },
];

function edgeCreateProps(spec: EdgeSpec): string {
  return spec.createProps ?? spec.props.map((p) => `${p.name}: ${value(p)}`).join(', ');
}

export function edgeCheckStatement(spec: EdgeSpec): string {
  const sameExpr = spec.sameExpr ?? spec.props.map((p) => same(`o.${p.name}`, value(p))).join(' AND ');
  const sets = spec.updateSets ?? spec.props.map((p) => `o.${p.name} = ${value(p)}`).join(', ');
  return [
    'UNWIND $rows AS r',
    `MATCH (a:${spec.from.label} {id: r.${spec.from.field}})`,
    `MATCH (b:${spec.to.label} {id: r.${spec.to.field}})`,
    `WITH a, b, r, [(a)-[x:${spec.rel}]->(b) | x] AS olds`,
    `WITH a, b, r, olds, size(olds) = 0 AS created, any(o IN olds WHERE NOT (${sameExpr})) AS updated`,
    `FOREACH (o IN [o IN olds WHERE NOT (${sameExpr})] | SET ${sets})`,
    `FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | CREATE (a)-[:${spec.rel} {${edgeCreateProps(spec)}}]->(b))`,
    'RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated',
  ].join('\n');
}

export function edgeCreateStatement(spec: EdgeSpec): string {
  return [
    'UNWIND $rows AS r',
    `MATCH (a:${spec.from.label} {id: r.${spec.from.field}})`,
    `MATCH (b:${spec.to.label} {id: r.${spec.to.field}})`,
    `CREATE (a)-[:${spec.rel} {${edgeCreateProps(spec)}}]->(b)`,
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

/** The import did not fit in one transaction with the database's memory settings. */
export class ImportTooLargeError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(
      `the import is too large for one transaction with this Neo4j's memory settings (${detail}); nothing was written. ` +
        'Give Neo4j more heap (NEO4J_HEAP for the embedded server) and transaction memory ' +
        '(dbms.memory.transaction.total.max), or import the folder in parts (references may point to earlier imports).',
    );
    this.name = 'ImportTooLargeError';
  }
}

const MEMORY_ERRORS = [
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
];
const UNAVAILABLE = ['ServiceUnavailable', 'SessionExpired'];
const MAX_ATTEMPTS = 3;

/**
 * Writes the records in one transaction; returns counts per file.
 *
 * An explicit transaction (not the driver's managed retries): an import can run for minutes, a
 * transaction that ran out of memory must not be re-run, and its error must keep its meaning.
 * Transient conflicts (deadlocks with concurrent writers) are retried up to 3 times in all.
 */
export async function writeNetwork(db: Database, data: NetworkData, options: WriteOptions = {}): Promise<WriteSummary> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.WRITE });
    let tx: Transaction | undefined;
    try {
      tx = session.beginTransaction({ timeout: timeoutMs });
      const open = tx;
      const wrapped: Tx = {
        run: async <T>(cypher: string, params: Record<string, unknown> = {}) => {
          db.statements += 1;
          const result = await open.run(cypher, params);
          return result.records.map((record) => toPlain(record.toObject()) as T);
        },
      };
      const summary = await writeInTransaction(wrapped, data, options);
      await options.beforeCommit?.(wrapped, summary);
      const committing = Date.now();
      if (options.dryRun) await tx.rollback();
      else await tx.commit();
      summary.commitMs = Date.now() - committing;
      return summary;
    } catch (error) {
      if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
      const code = (error as { code?: string }).code ?? '';
      if (MEMORY_ERRORS.includes(code)) throw new ImportTooLargeError(code, (error as Error).message);
      if (attempt < MAX_ATTEMPTS && neo4j.isRetryableError(error as Error) && !UNAVAILABLE.includes(code)) {
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        continue;
      }
      if (UNAVAILABLE.includes(code)) {
        throw new ServiceUnavailableError(`the database is unavailable (${(error as Error).message}); the import was not committed`);
      }
      throw error;
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}

/** The body of writeNetwork, for callers that already hold a transaction. */
export async function writeInTransaction(tx: Tx, data: NetworkData, options: WriteOptions = {}): Promise<WriteSummary> {
  return new Writer(tx, data, options).run();
}

class Writer {
  private readonly batchSize: number;
  private readonly summary: WriteSummary = {};
  /** Ids created by this import, per label: relationships between them cannot exist yet. */
  private readonly created = new Map<string, Set<string>>();

  constructor(
    private readonly tx: Tx,
    private readonly data: NetworkData,
    private readonly options: WriteOptions,
  ) {
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  }

  async run(): Promise<WriteSummary> {
    await this.nodes('territories');
    await this.nodes('therapeuticAreas');
    await this.nodes('institutions');
    await this.nodes('hcps');
    await this.links();
    await this.nodes('msls');
    await this.edges('mslRelationships');
    await this.nodes('interactions');
    await this.lastContact();
    await this.nodes('publications');
    await this.edges('authorships');
    await this.nodes('trials');
    await this.edges('trialInvestigators');
    // A bulk write: readers rebuild rather than re-read entity by entity. A re-import that
    // changed nothing leaves them as they are.
    if (this.changedAnything()) await recordNetworkChange(this.tx, FULL_CHANGE);
    return this.summary;
  }

  private changedAnything(): boolean {
    return Object.values(this.summary).some(
      (counts) => typeof counts === 'object' && counts !== null && (counts.created > 0 || counts.updated > 0),
    );
  }

  private isNew(label: string, id: string): boolean {
    return this.created.get(label)?.has(id) ?? false;
  }

  private progress(key: DatasetKey, done: number, total: number): void {
    this.options.onProgress?.({ key, file: FILE_BY_KEY[key].file, done, total });
  }

  /** Runs a statement over rows in batches; sums the created/updated columns it returns. */
  private async batches(
    statement: string,
    rows: unknown[],
    param = 'rows',
    onBatch?: (size: number) => void,
  ): Promise<{ created: number; updated: number; rows: Record<string, unknown>[] }> {
    let created = 0;
    let updated = 0;
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < rows.length; i += this.batchSize) {
      const batch = rows.slice(i, i + this.batchSize);
      const result = await this.tx.run<Record<string, unknown>>(statement, { [param]: batch });
      for (const row of result) {
        if (typeof row.created === 'number') created += row.created;
        if (typeof row.updated === 'number') updated += row.updated;
        else out.push(row);
      }
      onBatch?.(batch.length);
    }
    return { created, updated, rows: out };
  }

  private async nodes(key: DatasetKey): Promise<void> {
    const records = this.data[key] as unknown as Record<string, unknown>[];
    if (records.length === 0) return;
    const spec = NODES.find((s) => s.key === key)!;
    const started = Date.now();
    const state = await this.batches(
      nodeStateStatement(spec),
      records.map((r) => r.id),
      'ids',
    );
    const stored = new Map(state.rows.map((row) => [row.id as string, row]));
    const fresh: Record<string, unknown>[] = [];
    const changed: Record<string, unknown>[] = [];
    for (let record of records) {
      const have = stored.get(record.id as string);
      // An optional column the file did not have (undefined) keeps the stored value.
      for (const p of spec.props) {
        if (record[p.name] === undefined) record = { ...record, [p.name]: have ? (have[p.name] ?? null) : null };
      }
      if (!have) fresh.push(record);
      else if (!sameAsStored(spec, record, have)) changed.push(record);
    }
    this.created.set(spec.label, new Set(fresh.map((r) => r.id as string)));
    let done = records.length - fresh.length - changed.length;
    const tick = (n: number) => this.progress(key, (done += n), records.length);
    await this.batches(nodeCreateStatement(spec), fresh, 'rows', tick);
    await this.batches(nodeUpdateStatement(spec), changed, 'rows', tick);
    this.summary[key] = {
      rows: records.length,
      created: fresh.length,
      updated: changed.length,
      unchanged: records.length - fresh.length - changed.length,
      ms: Date.now() - started,
    };
  }

  private async links(): Promise<void> {
    const links = this.data.hcpLinks;
    if (links.length === 0) return;
    const started = Date.now();
    const counts: WriteCounts = { rows: links.length, created: 0, updated: 0, unchanged: 0, ms: 0 };
    let done = 0;
    const tick = (n: number) => this.progress('hcpLinks', (done += n), links.length);
    for (const type of LINK_TYPES) {
      const fresh: { s: string; t: string; w: number }[] = [];
      const maybe: { s: string; t: string; w: number }[] = [];
      for (const link of links) {
        if (link.type !== type) continue;
        const row = linkRow(link);
        const mode = this.options.linkMode ?? 'auto';
        if (mode === 'auto' && (this.isNew('HCP', link.sourceId) || this.isNew('HCP', link.targetId))) fresh.push(row);
        else maybe.push(row);
      }
      await this.batches(linkCreateStatement(type), fresh, 'rows', tick);
      counts.created += fresh.length;
      const statement = linkCheckStatement(type, this.options.linkMode === 'merge' ? 'merge' : 'check-create');
      const checked = await this.batches(statement, maybe, 'rows', tick);
      counts.created += checked.created;
      counts.updated += checked.updated;
    }
    counts.unchanged = counts.rows - counts.created - counts.updated;
    counts.ms = Date.now() - started;
    this.summary.hcpLinks = counts;
  }

  private async edges(key: EdgeSpec['key']): Promise<void> {
    const records = this.data[key] as unknown as Record<string, unknown>[];
    if (records.length === 0) return;
    const spec = EDGES.find((e) => e.key === key)!;
    const started = Date.now();
    const fresh: Record<string, unknown>[] = [];
    const maybe: Record<string, unknown>[] = [];
    // A new MSL-HCP pair has no stored interactions: its lastContact is the latest imported one.
    const latest = key === 'mslRelationships' ? this.latestImportedContact() : null;
    for (const record of records) {
      const isNew =
        this.isNew(spec.from.label, record[spec.from.field] as string) || this.isNew(spec.to.label, record[spec.to.field] as string);
      if (isNew && latest) fresh.push({ ...record, lastContact: latest.get(`${record.mslId}\u0000${record.hcpId}`) ?? null });
      else (isNew ? fresh : maybe).push(record);
    }
    let done = 0;
    const tick = (n: number) => this.progress(key, (done += n), records.length);
    await this.batches(edgeCreateStatement(spec), fresh, 'rows', tick);
    const checked = await this.batches(edgeCheckStatement(spec), maybe, 'rows', tick);
    const created = fresh.length + checked.created;
    this.summary[key] = {
      rows: records.length,
      created,
      updated: checked.updated,
      unchanged: records.length - created - checked.updated,
      ms: Date.now() - started,
    };
  }

  /** lastContact of every pair touched by this import (new relationships or new interactions). */
  /** Time of the KNOWS.lastContact update (reported with interactions.csv). */
  lastContactMs = 0;

  private latestImportedContact(): Map<string, string> {
    const latest = new Map<string, string>();
    for (const i of this.data.interactions) {
      const key = `${i.mslId}\u0000${i.hcpId}`;
      const seen = latest.get(key);
      if (seen === undefined || i.date > seen) latest.set(key, i.date);
    }
    return latest;
  }

  /**
   * lastContact of the pairs touched by this import whose MSL and HCP both existed before it
   * (pairs with a new MSL or HCP got theirs when their relationship was created).
   */
  private async lastContact(): Promise<void> {
    const started = Date.now();
    const pairs = new Map<string, { m: string; h: string }>();
    const add = (m: string, h: string) => {
      if (!this.isNew('MSL', m) && !this.isNew('HCP', h)) pairs.set(`${m}\u0000${h}`, { m, h });
    };
    for (const r of this.data.mslRelationships) add(r.mslId, r.hcpId);
    for (const i of this.data.interactions) add(i.mslId, i.hcpId);
    await this.batches(LAST_CONTACT_STATEMENT, [...pairs.values()], 'pairs');
    this.lastContactMs = Date.now() - started;
    if (this.summary.interactions) this.summary.interactions.ms += this.lastContactMs;
  }
}

function linkRow(link: HcpLinkRecord): { s: string; t: string; w: number } {
  return { s: link.sourceId, t: link.targetId, w: link.weight };
}
