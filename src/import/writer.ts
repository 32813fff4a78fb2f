import { Tx } from '../db/database';
import { FULL_CHANGE, recordNetworkChange } from '../network/changes';
import { LINK_TYPES } from '../vocabulary';
import { DatasetKey, SCHEMA_FILE, SCHEMA_FILES } from './csv-schema';
import { HcpLinkRecord, NetworkData, latestContacts, pairKey } from './records';
import {
  EDGES,
  LAST_CONTACT_STATEMENT,
  NODES,
  NodeSpec,
  edgeCheckStatement,
  edgeCreateStatement,
  linkCheckStatement,
  linkCreateStatement,
  nodeCreateStatement,
  nodeStateStatement,
  nodeUpdateStatement,
  sameAsStored,
} from './write-statements';

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

/**
 * The writes of one import inside its transaction, file by file in the format's order (see
 * write.ts for what is created, updated or left alone).
 */
export class Writer {
  private readonly batchSize: number;
  private readonly summary: WriteSummary = {};
  /** Ids created by this import, per label: relationships between them cannot exist yet. */
  private readonly created = new Map<string, Set<string>>();
  /**
   * Internal ids of the nodes this transaction created or read, per label and domain id:
   * relationships to them are written by node id, without an index seek (write-statements.ts).
   */
  private readonly nodeIds = new Map<string, Map<string, number>>();

  constructor(
    private readonly tx: Tx,
    private readonly data: NetworkData,
    private readonly options: WriteOptions,
  ) {
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  }

  async run(): Promise<WriteSummary> {
    for (const spec of SCHEMA_FILES) {
      if (spec.graph.kind === 'node') await this.nodes(spec.key);
      else if (spec.graph.kind === 'edge') await this.edges(spec.key);
      else await this.links();
      // Interactions move the KNOWS.lastContact of their pairs.
      if (spec.key === 'interactions') await this.lastContact();
    }
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
    this.options.onProgress?.({ key, file: SCHEMA_FILE[key].file, done, total });
  }

  /** Runs a statement over rows in batches, one sent ahead of the one awaited; sums the created/updated columns it returns. */
  private async batches(
    statement: string,
    rows: unknown[],
    param = 'rows',
    onBatch?: (size: number) => void,
  ): Promise<{ created: number; updated: number; rows: Record<string, unknown>[] }> {
    let created = 0;
    let updated = 0;
    const out: Record<string, unknown>[] = [];
    // One batch is always sent ahead: the server runs the batches in order, as before, while this
    // process encodes the next one instead of the server waiting for it.
    let next = 0;
    const send = () => {
      const batch = rows.slice(next, (next += this.batchSize));
      return { size: batch.length, result: this.tx.run<Record<string, unknown>>(statement, { [param]: batch }) };
    };
    let inFlight = rows.length > 0 ? send() : undefined;
    while (inFlight) {
      const ahead = next < rows.length ? send() : undefined;
      // If this batch fails, the one sent behind it fails with the transaction: this batch's error is the import's.
      ahead?.result.catch(() => undefined);
      for (const row of await inFlight.result) {
        if (typeof row.created === 'number') created += row.created;
        if (typeof row.updated === 'number') updated += row.updated;
        else out.push(row);
      }
      onBatch?.(inFlight.size);
      inFlight = ahead;
    }
    return { created, updated, rows: out };
  }

  private remember(label: string, ids: unknown[], nodeIds: unknown[]): void {
    let known = this.nodeIds.get(label);
    if (!known) this.nodeIds.set(label, (known = new Map()));
    for (let i = 0; i < ids.length; i++) known.set(ids[i] as string, nodeIds[i] as number);
  }

  private nodeId(label: string, id: unknown): number | undefined {
    return this.nodeIds.get(label)?.get(id as string);
  }

  /**
   * Runs a statement over rows in two groups: the rows `byNodeId` can rewrite with internal ids
   * (every endpoint known), with the statement's by-node-id variant, then the others as they are.
   */
  private async byEndpoints(
    statement: (byNodeId: boolean) => string,
    rows: Record<string, unknown>[],
    byNodeId: (row: Record<string, unknown>) => Record<string, unknown> | null,
    onBatch?: (size: number) => void,
  ): Promise<{ created: number; updated: number; rows: Record<string, unknown>[] }> {
    const known: Record<string, unknown>[] = [];
    const unknown: Record<string, unknown>[] = [];
    for (const row of rows) {
      const rewritten = byNodeId(row);
      if (rewritten) known.push(rewritten);
      else unknown.push(row);
    }
    const first = await this.batches(statement(true), known, 'rows', onBatch);
    const second = await this.batches(statement(false), unknown, 'rows', onBatch);
    return { created: first.created + second.created, updated: first.updated + second.updated, rows: [...first.rows, ...second.rows] };
  }

  /** A relationship row with its two endpoint fields replaced by internal ids, or null when one is not known. */
  private endpoints(
    row: Record<string, unknown>,
    from: { field: string; label: string },
    to: { field: string; label: string },
  ): Record<string, unknown> | null {
    const a = this.nodeId(from.label, row[from.field]);
    const b = this.nodeId(to.label, row[to.field]);
    return a === undefined || b === undefined ? null : { ...row, [from.field]: a, [to.field]: b };
  }

  /** A new node's row with its references replaced by internal ids, or null when one is not known. */
  private references(spec: NodeSpec, row: Record<string, unknown>): Record<string, unknown> | null {
    const out = { ...row };
    for (const ref of spec.refs) {
      const value = row[ref.field];
      if (value === null || value === undefined) continue;
      const ids = (ref.list ? (value as string[]) : [value]).map((id) => this.nodeId(ref.label, id));
      if (ids.some((id) => id === undefined)) return null;
      out[ref.field] = ref.list ? ids : ids[0];
    }
    return out;
  }

  private counts(key: DatasetKey, total: number, created: number, updated: number, started: number): void {
    this.summary[key] = { rows: total, created, updated, unchanged: total - created - updated, ms: Date.now() - started };
  }

  private async nodes(key: DatasetKey): Promise<void> {
    const records = this.data[key] as unknown as Record<string, unknown>[];
    if (records.length === 0) return;
    const spec = NODES.get(key)!;
    const started = Date.now();
    const state = await this.batches(
      nodeStateStatement(spec),
      records.map((r) => r.id),
      'ids',
    );
    const stored = new Map(state.rows.map((row) => [row.id as string, row]));
    this.remember(
      spec.label,
      state.rows.map((row) => row.id),
      state.rows.map((row) => row.nodeId),
    );
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
    const made = await this.byEndpoints(
      (byId) => nodeCreateStatement(spec, byId),
      fresh,
      (row) => this.references(spec, row),
      tick,
    );
    for (const row of made.rows) this.remember(spec.label, row.ids as unknown[], row.nodeIds as unknown[]);
    await this.batches(nodeUpdateStatement(spec), changed, 'rows', tick);
    this.counts(key, records.length, fresh.length, changed.length, started);
  }

  private async links(): Promise<void> {
    const links = this.data.hcpLinks;
    if (links.length === 0) return;
    const started = Date.now();
    const counts: WriteCounts = { rows: links.length, created: 0, updated: 0, unchanged: 0, ms: 0 };
    let done = 0;
    const tick = (n: number) => this.progress('hcpLinks', (done += n), links.length);
    for (const type of LINK_TYPES) {
      const fresh: Record<string, unknown>[] = [];
      const maybe: Record<string, unknown>[] = [];
      for (const link of links) {
        if (link.type !== type) continue;
        const row = linkRow(link);
        const mode = this.options.linkMode ?? 'auto';
        if (mode === 'auto' && (this.isNew('HCP', link.sourceId) || this.isNew('HCP', link.targetId))) fresh.push(row);
        else maybe.push(row);
      }
      const ends = (row: Record<string, unknown>) => this.endpoints(row, HCP_FROM, HCP_TO);
      await this.byEndpoints((byId) => linkCreateStatement(type, byId), fresh, ends, tick);
      counts.created += fresh.length;
      const mode = this.options.linkMode === 'merge' ? 'merge' : 'check-create';
      const checked = await this.byEndpoints((byId) => linkCheckStatement(type, mode, byId), maybe, ends, tick);
      counts.created += checked.created;
      counts.updated += checked.updated;
    }
    this.counts('hcpLinks', links.length, counts.created, counts.updated, started);
  }

  private async edges(key: DatasetKey): Promise<void> {
    const records = this.data[key] as unknown as Record<string, unknown>[];
    if (records.length === 0) return;
    const spec = EDGES.get(key)!;
    const started = Date.now();
    const fresh: Record<string, unknown>[] = [];
    const maybe: Record<string, unknown>[] = [];
    // A new MSL-HCP pair has no stored interactions: its lastContact is the latest imported one.
    const latest = key === 'mslRelationships' ? latestContacts(this.data.interactions) : null;
    for (const record of records) {
      const isNew =
        this.isNew(spec.from.label, record[spec.from.field] as string) || this.isNew(spec.to.label, record[spec.to.field] as string);
      if (isNew && latest) fresh.push({ ...record, lastContact: latest.get(pairKey(record.mslId, record.hcpId)) ?? null });
      else (isNew ? fresh : maybe).push(record);
    }
    let done = 0;
    const tick = (n: number) => this.progress(key, (done += n), records.length);
    const ends = (row: Record<string, unknown>) => this.endpoints(row, spec.from, spec.to);
    await this.byEndpoints((byId) => edgeCreateStatement(spec, byId), fresh, ends, tick);
    const checked = await this.byEndpoints((byId) => edgeCheckStatement(spec, byId), maybe, ends, tick);
    this.counts(key, records.length, fresh.length + checked.created, checked.updated, started);
  }

  /**
   * lastContact of the pairs touched by this import whose MSL and HCP both existed before it
   * (pairs with a new MSL or HCP got theirs when their relationship was created). Its time is
   * reported with interactions.csv.
   */
  private async lastContact(): Promise<void> {
    const started = Date.now();
    const pairs = new Map<string, { m: string; h: string }>();
    const add = (m: string, h: string) => {
      if (!this.isNew('MSL', m) && !this.isNew('HCP', h)) pairs.set(pairKey(m, h), { m, h });
    };
    for (const r of this.data.mslRelationships) add(r.mslId, r.hcpId);
    for (const i of this.data.interactions) add(i.mslId, i.hcpId);
    await this.batches(LAST_CONTACT_STATEMENT, [...pairs.values()], 'pairs');
    if (this.summary.interactions) this.summary.interactions.ms += Date.now() - started;
  }
}

/** Short keys: a million of them go over the wire. */
function linkRow(link: HcpLinkRecord): Record<string, unknown> {
  return { s: link.sourceId, t: link.targetId, w: link.weight };
}

const HCP_FROM = { field: 's', label: 'HCP' };
const HCP_TO = { field: 't', label: 'HCP' };
