import fs from 'node:fs';
import path from 'node:path';
import { Column, SCHEMA_FILES, SchemaFile, edgePropertyColumns, propertyColumns, referenceColumns } from './csv-schema';
import { NetworkData, latestContacts, pairKey } from './records';

/**
 * The validated records as the CSV files of Neo4j's offline importer (`neo4j-admin database
 * import full`): one node file per label, one relationship file per type, with typed headers,
 * all derived from the format's declaration (csv-schema.ts).
 * The graph they describe is the one the transactional writer (write.ts) creates in an empty
 * database - same labels, properties (and property types), relationships and directions:
 *
 * - nodes are numbered with the store's own ids (`--id-type=actual`); the domain id is the `id`
 *   property, as the writer stores it;
 * - every string is quoted (so commas, quotes and line breaks in notes survive), a null is an
 *   empty unquoted cell (no property, as a null in Cypher's CREATE);
 * - `year` and `position` are integers (toInteger), weights and strengths floats, dates `date`;
 * - KNOWS carries `baseStrength` = `strength` and `lastContact` = the pair's latest imported
 *   interaction, as the writer sets them for new relationships;
 * - a relationship whose endpoint is not among the records is left out, as the writer's MATCH
 *   leaves it out (validated imports have none: an empty database resolves nothing else).
 */

export interface BulkFiles {
  /** `--nodes=Label=file` / `--relationships=TYPE=file` arguments of the import command. */
  args: string[];
  /** The files with a line break inside a cell: only these need the importer's slower multi-line parser. */
  multiline: string[];
  /** Length of the longest line written, UTF-16 units: the importer's read buffer must hold it. */
  longestLine: number;
  nodes: number;
  relationships: number;
}

type Cell = string | number | null | undefined;

class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  multiline = false;

  constructor(
    readonly file: string,
    header: string[],
  ) {
    this.fd = fs.openSync(file, 'w');
    this.line(header.join(','));
  }

  row(cells: Cell[]): void {
    this.line(cells.map(this.quote).join(','));
    this.rows++;
  }

  private readonly quote = (value: Cell): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return String(value);
    if (!this.multiline && /[\n\r]/.test(value)) this.multiline = true;
    return `"${value.replace(/"/g, '""')}"`;
  };

  longest = 0;

  private line(text: string): void {
    if (text.length > this.longest) this.longest = text.length;
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length > 0) fs.writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** The importer's type of a column stored as a property (strings need none). */
function bulkType(column: Column): string {
  if (column.type === 'int') return 'long';
  if (column.type === 'unit') return 'double';
  if (column.type === 'date') return 'date';
  return '';
}

/** A relationship file's property columns: `name` or `name:type` headers, and the values of a record. */
interface EdgeProps {
  header: string[];
  /** The header joined: the key of the file (one file per set of property columns). */
  key: string;
  values(record: Record<string, unknown>): Cell[];
}

const NO_PROPS: EdgeProps = { header: [], key: '', values: () => [] };

/** The property columns of a relationship file, and KNOWS's as the writer creates it (write-statements.ts). */
function edgeProps(spec: SchemaFile, latest: Map<string, string>): EdgeProps {
  const columns = edgePropertyColumns(spec);
  const header = columns.map((c) => (bulkType(c) ? `${c.name}:${bulkType(c)}` : c.name));
  const own = (record: Record<string, unknown>) => columns.map((c) => record[c.name] as Cell);
  if (spec.key !== 'mslRelationships') return { header, key: header.join(), values: own };
  const knows = [...header, 'baseStrength:double', 'lastContact:date'];
  return {
    header: knows,
    key: knows.join(),
    values: (record) => [...own(record), record.strength as number, latest.get(pairKey(record.mslId, record.hcpId)) ?? null],
  };
}

/** Writes the importer's files for `data` into `dir` (created if needed), following the format's declaration (csv-schema.ts). */
export function writeBulkFiles(data: NetworkData, dir: string): BulkFiles {
  fs.mkdirSync(dir, { recursive: true });
  const args: string[] = [];
  const files: CsvFile[] = [];
  let nodes = 0;
  // The store's own node ids (`--id-type=actual`), 0.. in the order written: the importer then
  // needs no id map at all (building and sorting one for string ids is among its costliest
  // stages). The domain id stays the `id` property.
  const ids = new Map<string, Map<string, number>>();

  // One file per set of property columns, the type in a column: the importer samples up to a read
  // buffer of every file before it starts (its estimates), so fewer files are less input read
  // twice. An endpoint not among the records leaves the relationship out.
  const edges = new Map<string, CsvFile>();
  const edge = (type: string, props: EdgeProps, start: number | undefined, end: number | undefined, values: Cell[]) => {
    if (start === undefined || end === undefined) return;
    let file = edges.get(props.key);
    if (!file) {
      file = new CsvFile(path.join(dir, `relationships-${edges.size}.csv`), [':START_ID', ':END_ID', ':TYPE', ...props.header]);
      edges.set(props.key, file);
      files.push(file);
      args.push(`--relationships=${file.file}`);
    }
    file.row([start, end, type, ...values]);
  };
  const latest = latestContacts(data.interactions);

  for (const spec of SCHEMA_FILES) {
    const records = data[spec.key] as unknown as Record<string, unknown>[];
    if (records.length === 0) continue;
    const graph = spec.graph;
    if (graph.kind === 'node') {
      const columns = propertyColumns(spec);
      const refs = referenceColumns(spec);
      const file = new CsvFile(path.join(dir, `nodes-${graph.label}.csv`), [
        ':ID',
        'id',
        ...columns.map((c) => (bulkType(c) ? `${c.name}:${bulkType(c)}` : c.name)),
      ]);
      files.push(file);
      const numbers = new Map<string, number>();
      for (const record of records) {
        numbers.set(record.id as string, nodes);
        file.row([nodes++, record.id as string, ...columns.map((c) => record[c.name] as Cell)]);
      }
      file.close();
      ids.set(graph.label, numbers);
      args.push(`--nodes=${graph.label}=${file.file}`);
      for (const ref of refs) {
        const targets = ids.get(ref.target);
        for (const record of records) {
          const node = numbers.get(record.id as string);
          const values = ref.type === 'refs' ? (record[ref.name] as string[]) : [record[ref.name] as string | null];
          for (const value of values) {
            const other = value === null ? undefined : targets?.get(value);
            if (ref.rel.incoming) edge(ref.rel.type, NO_PROPS, other, node, []);
            else edge(ref.rel.type, NO_PROPS, node, other, []);
          }
        }
      }
    } else {
      const props = edgeProps(spec, latest);
      const label = (column: string) => spec.columns.find((c) => c.name === column)!.target!;
      const from = ids.get(label(graph.from));
      const to = ids.get(label(graph.to));
      for (const record of records) {
        const type = graph.kind === 'link' ? (record[graph.typeColumn] as string) : graph.rel;
        edge(type, props, from?.get(record[graph.from] as string), to?.get(record[graph.to] as string), props.values(record));
      }
    }
  }

  let relationships = 0;
  for (const file of edges.values()) {
    file.close();
    relationships += file.rows;
  }
  return {
    args,
    multiline: files.filter((file) => file.multiline).map((file) => file.file),
    longestLine: Math.max(0, ...files.map((file) => file.longest)),
    nodes,
    relationships,
  };
}
