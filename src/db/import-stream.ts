import { Writable } from 'node:stream';

/**
 * The records of a new database as the embedded launcher's offline importer reads them on its
 * stdin (launcher/.../StreamInput.java, which documents the format): typed values in blocks,
 * nodes first, then relationships. Blocks go out as they fill, so the importer works on the
 * first ones while later ones are still encoded.
 */

/** How a property value is stored: text, an integer (a long), a float, a date (`YYYY-MM-DD`). */
export type ValueKind = 'text' | 'int' | 'float' | 'date';
export type StreamValue = string | number | null | undefined;

/** What the importer plans its memory with; upper bounds will do. */
export interface StreamEstimates {
  nodes: number;
  relationships: number;
  nodeProperties: number;
  relationshipProperties: number;
}

/** The stream starts with this; the launcher exits without writing anything if stdin closes before it. */
const MAGIC = Buffer.from('MSLB', 'ascii');
const KIND: Record<ValueKind, number> = { text: 0, int: 1, float: 2, date: 3 };
const BLOCK_BYTES = 64 * 1024;
/**
 * Encoded blocks may queue up to this much ahead of the importer before the encoder waits: the
 * whole stream of 100k HCPs (about 50 MB) is encoded while the JVM still starts and sets the
 * importer up, instead of one pipe buffer at a time while the JVM waits for the next.
 */
const AHEAD_BYTES = 128 * 1024 * 1024;
const DAY_MS = 86400000;

export class ImportStream {
  private readonly tokens = new Map<string, number>();
  private buffer = Buffer.allocUnsafe(2 * BLOCK_BYTES);
  private pos = 4;
  private section: 'nodes' | 'relationships' = 'nodes';
  private props = 0;
  private countAt = 0;

  /** `tokens`: every label, relationship type and property key the stream will name. */
  constructor(
    private readonly out: Writable,
    tokens: Iterable<string>,
  ) {
    for (const token of tokens) if (!this.tokens.has(token)) this.tokens.set(token, this.tokens.size);
  }

  /** The magic, the token table and the estimates. */
  async begin(estimates: StreamEstimates): Promise<void> {
    const names = [...this.tokens.keys()].map((token) => Buffer.from(token, 'utf8'));
    const header = Buffer.alloc(5 + 4 + names.reduce((sum, name) => sum + 4 + name.length, 0) + 7 * 8);
    let at = MAGIC.copy(header, 0);
    at = header.writeUInt8(1, at);
    at = header.writeInt32BE(names.length, at);
    for (const name of names) {
      at = header.writeInt32BE(name.length, at);
      at += name.copy(header, at);
    }
    // Property sizes: a rough 16 bytes each (the importer only sizes its buffers with them).
    const { nodes, relationships, nodeProperties, relationshipProperties } = estimates;
    for (const value of [
      nodes,
      relationships,
      nodeProperties,
      relationshipProperties,
      16 * nodeProperties,
      16 * relationshipProperties,
      nodes,
    ]) {
      at = header.writeBigInt64BE(BigInt(Math.ceil(value)), at);
    }
    await this.send(header);
  }

  /** A node with the store's own id (ids 0.. in the order written) and one label. */
  node(id: number, label: string): void {
    this.room(7);
    this.pos = this.buffer.writeInt32BE(id, this.pos);
    this.pos = this.buffer.writeUInt16BE(this.token(label), this.pos);
    this.startProperties();
  }

  relationship(start: number, end: number, type: string): void {
    if (this.section === 'nodes') throw new Error('relationships come after the nodes: call endNodes first');
    this.room(11);
    this.pos = this.buffer.writeInt32BE(start, this.pos);
    this.pos = this.buffer.writeInt32BE(end, this.pos);
    this.pos = this.buffer.writeUInt16BE(this.token(type), this.pos);
    this.startProperties();
  }

  /** A property of the entity begun last; a null, undefined or empty text is no property (as a null in Cypher's CREATE). */
  property(key: string, kind: ValueKind, value: StreamValue): void {
    if (value === null || value === undefined || value === '') return;
    if (this.props === 255) throw new Error('more than 255 properties on one entity');
    this.props++;
    if (kind === 'text') {
      const text = String(value);
      this.room(7 + 3 * text.length);
      this.pos = this.buffer.writeUInt16BE(this.token(key), this.pos);
      this.pos = this.buffer.writeUInt8(KIND.text, this.pos);
      const length = this.buffer.write(text, this.pos + 4, 'utf8');
      this.buffer.writeInt32BE(length, this.pos);
      this.pos += 4 + length;
      return;
    }
    this.room(11);
    this.pos = this.buffer.writeUInt16BE(this.token(key), this.pos);
    this.pos = this.buffer.writeUInt8(KIND[kind], this.pos);
    if (kind === 'date') this.pos = this.buffer.writeInt32BE(epochDay(String(value)), this.pos);
    else this.pos = this.buffer.writeDoubleBE(Number(value), this.pos);
  }

  /**
   * Ends the entity begun last. True when the block is full: then `await flush()` sends it (and
   * waits for the pipe's back-pressure), so the importer reads while the rest is encoded.
   */
  end(): boolean {
    this.buffer[this.countAt] = this.props;
    return this.pos >= BLOCK_BYTES;
  }

  /** The nodes' section ends: relationships follow. */
  async endNodes(): Promise<void> {
    await this.flush();
    await this.send(Buffer.alloc(4));
    this.section = 'relationships';
  }

  /** The relationships' section ends: the importer finishes once it has read this. */
  async finish(): Promise<void> {
    if (this.section === 'nodes') await this.endNodes();
    await this.flush();
    await this.send(Buffer.alloc(4));
  }

  private startProperties(): void {
    this.countAt = this.pos;
    this.pos = this.buffer.writeUInt8(0, this.pos);
    this.props = 0;
  }

  private token(name: string): number {
    const token = this.tokens.get(name);
    if (token === undefined) throw new Error(`"${name}" is not among the stream's tokens`);
    return token;
  }

  /** At least `bytes` free in the block buffer (an entity never spans blocks). */
  private room(bytes: number): void {
    if (this.pos + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.pos + bytes));
    this.buffer.copy(grown, 0, 0, this.pos);
    this.buffer = grown;
  }

  async flush(): Promise<void> {
    if (this.pos === 4) return;
    this.buffer.writeInt32BE(this.pos - 4, 0);
    const block = this.buffer.subarray(0, this.pos);
    this.buffer = Buffer.allocUnsafe(Math.max(2 * BLOCK_BYTES, this.buffer.length));
    this.pos = 4;
    await this.send(block);
  }

  private async send(bytes: Buffer): Promise<void> {
    if (this.out.destroyed) throw new Error('the importer stopped reading');
    if (this.out.write(bytes) || this.out.writableLength < AHEAD_BYTES) return;
    // The reader gone (the JVM failed) ends the wait too: its error is reported by whoever started it.
    await new Promise<void>((resolve) => {
      const done = () => {
        this.out.off('drain', done);
        this.out.off('close', done);
        resolve();
      };
      this.out.on('drain', done);
      this.out.on('close', done);
    });
    if (this.out.destroyed) throw new Error('the importer stopped reading');
  }
}

/** `YYYY-MM-DD` -> days since 1970-01-01. */
function epochDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}
