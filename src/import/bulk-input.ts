import { ImportStream, StreamEstimates, StreamValue, ValueKind } from '../db/import-stream';
import { LINK_TYPES } from '../vocabulary';
import { Column, SCHEMA_FILES, SchemaFile, edgePropertyColumns, propertyColumns, referenceColumns } from './csv-schema';
import { NetworkData, latestContacts, pairKey } from './records';

/**
 * The validated records as the input of Neo4j's offline importer, streamed to the embedded
 * launcher (src/db/import-stream.ts), following the format's declaration (csv-schema.ts).
 * The graph is the one the transactional writer (write.ts) creates in an empty database - same
 * labels, properties (and property types), relationships and directions:
 *
 * - nodes are numbered with the store's own ids (the importer then builds no id map); the domain
 *   id is the `id` property, as the writer stores it;
 * - a null (or empty text) is no property, as a null in Cypher's CREATE;
 * - `year` and `position` are integers, weights and strengths floats, dates dates;
 * - KNOWS carries `baseStrength` = `strength` and `lastContact` = the pair's latest imported
 *   interaction, as the writer sets them for new relationships;
 * - a relationship whose endpoint is not among the records is left out, as the writer's MATCH
 *   leaves it out (validated imports have none: an empty database resolves nothing else).
 */

export interface BulkCounts {
  nodes: number;
  relationships: number;
}

/** How a column stored as a property is typed in the store. */
function kindOf(column: Column): ValueKind {
  if (column.type === 'int') return 'int';
  if (column.type === 'unit') return 'float';
  if (column.type === 'date') return 'date';
  return 'text';
}

type Record_ = Record<string, unknown>;

/** A relationship's property columns: names, kinds and the values of a record. */
interface EdgeProps {
  keys: { name: string; kind: ValueKind }[];
  values(record: Record_): StreamValue[];
}

const NO_PROPS: EdgeProps = { keys: [], values: () => [] };

/** The property columns of a relationship, and KNOWS's as the writer creates it (write-statements.ts). */
function edgeProps(spec: SchemaFile, latest: Map<string, string>): EdgeProps {
  const columns = edgePropertyColumns(spec);
  const keys = columns.map((c) => ({ name: c.name, kind: kindOf(c) }));
  const own = (record: Record_) => columns.map((c) => record[c.name] as StreamValue);
  if (spec.key !== 'mslRelationships') return { keys, values: own };
  return {
    keys: [...keys, { name: 'baseStrength', kind: 'float' }, { name: 'lastContact', kind: 'date' }],
    values: (record) => [...own(record), record.strength as number, latest.get(pairKey(record.mslId, record.hcpId)) ?? null],
  };
}

function recordsOf(data: NetworkData, spec: SchemaFile): Record_[] {
  return data[spec.key] as unknown as Record_[];
}

/** Every label, relationship type and property key the records can name (the stream's token table). */
export function bulkTokens(): string[] {
  const names = ['id', 'baseStrength', 'lastContact', ...LINK_TYPES];
  for (const spec of SCHEMA_FILES) {
    const graph = spec.graph;
    if (graph.kind === 'node') names.push(graph.label, ...propertyColumns(spec).map((c) => c.name));
    else if (graph.kind !== 'link') names.push(graph.rel);
    for (const ref of referenceColumns(spec)) names.push(ref.rel.type);
    names.push(...edgePropertyColumns(spec).map((c) => c.name));
  }
  return names;
}

/** Upper bounds of what the records hold (the importer plans its memory with them). */
function estimates(data: NetworkData): StreamEstimates {
  const counts: StreamEstimates = { nodes: 0, relationships: 0, nodeProperties: 0, relationshipProperties: 0 };
  for (const spec of SCHEMA_FILES) {
    const records = recordsOf(data, spec);
    if (spec.graph.kind === 'node') {
      counts.nodes += records.length;
      counts.nodeProperties += records.length * (1 + propertyColumns(spec).length);
      for (const ref of referenceColumns(spec)) {
        counts.relationships += ref.type === 'refs' ? records.reduce((n, r) => n + (r[ref.name] as string[]).length, 0) : records.length;
      }
    } else {
      counts.relationships += records.length;
      counts.relationshipProperties += records.length * (2 + edgePropertyColumns(spec).length);
    }
  }
  return counts;
}

/** Streams `data` to the importer: the nodes (numbered 0.. in the order sent), then the relationships. */
export async function streamBulkInput(data: NetworkData, stream: ImportStream): Promise<BulkCounts> {
  await stream.begin(estimates(data));
  const ids = new Map<string, Map<string, number>>();
  let nodes = 0;
  for (const spec of SCHEMA_FILES) {
    const graph = spec.graph;
    if (graph.kind !== 'node') continue;
    const columns = propertyColumns(spec).map((c) => ({ name: c.name, kind: kindOf(c) }));
    const numbers = new Map<string, number>();
    for (const record of recordsOf(data, spec)) {
      numbers.set(record.id as string, nodes);
      stream.node(nodes++, graph.label);
      stream.property('id', 'text', record.id as string);
      for (const c of columns) stream.property(c.name, c.kind, record[c.name] as StreamValue);
      if (stream.end()) await stream.flush();
    }
    ids.set(graph.label, numbers);
  }
  await stream.endNodes();

  let relationships = 0;
  // An endpoint not among the records leaves the relationship out.
  // True when the block is full (see ImportStream.end).
  const edge = (type: string, props: EdgeProps, start: number | undefined, end: number | undefined, values: StreamValue[]) => {
    if (start === undefined || end === undefined) return false;
    stream.relationship(start, end, type);
    props.keys.forEach((key, i) => stream.property(key.name, key.kind, values[i]));
    relationships++;
    return stream.end();
  };
  const latest = latestContacts(data.interactions);
  for (const spec of SCHEMA_FILES) {
    const graph = spec.graph;
    const records = recordsOf(data, spec);
    if (graph.kind === 'node') {
      const numbers = ids.get(graph.label)!;
      for (const ref of referenceColumns(spec)) {
        const targets = ids.get(ref.target);
        for (const record of records) {
          const node = numbers.get(record.id as string);
          const values = ref.type === 'refs' ? (record[ref.name] as string[]) : [record[ref.name] as string | null];
          for (const value of values) {
            const other = value === null ? undefined : targets?.get(value);
            const full = ref.rel.incoming ? edge(ref.rel.type, NO_PROPS, other, node, []) : edge(ref.rel.type, NO_PROPS, node, other, []);
            if (full) await stream.flush();
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
        if (edge(type, props, from?.get(record[graph.from] as string), to?.get(record[graph.to] as string), props.values(record))) {
          await stream.flush();
        }
      }
    }
  }
  await stream.finish();
  return { nodes, relationships };
}
