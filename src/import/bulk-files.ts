import fs from 'node:fs';
import path from 'node:path';
import { NetworkData } from './records';

/**
 * The validated records as the CSV files of Neo4j's offline importer (`neo4j-admin database
 * import full`): one node file per label, one relationship file per type, with typed headers.
 * The graph they describe is the one the transactional writer (write.ts) creates in an empty
 * database - same labels, properties (and property types), relationships and directions:
 *
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
  nodes: number;
  relationships: number;
}

type Cell = string | number | null | undefined;

const quote = (value: Cell): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return `"${value.replace(/"/g, '""')}"`;
};

class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly file: string,
    header: string[],
  ) {
    this.fd = fs.openSync(file, 'w');
    this.line(header.join(','));
  }

  row(cells: Cell[]): void {
    this.line(cells.map(quote).join(','));
    this.rows++;
  }

  private line(text: string): void {
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

/** Writes the importer's files for `data` into `dir` (created if needed). */
export function writeBulkFiles(data: NetworkData, dir: string): BulkFiles {
  fs.mkdirSync(dir, { recursive: true });
  const args: string[] = [];
  let nodes = 0;
  let relationships = 0;
  const ids = new Map<string, Set<string>>();
  const known = (label: string, id: string | null | undefined): id is string => id != null && (ids.get(label)?.has(id) ?? false);

  const nodeFile = <T extends { id: string }>(label: string, records: T[], props: [string, string, (r: T) => Cell][]) => {
    if (records.length === 0) return;
    const file = new CsvFile(path.join(dir, `nodes-${label}.csv`), [
      `id:ID(${label})`,
      ...props.map(([name, type]) => (type ? `${name}:${type}` : name)),
    ]);
    const seen = new Set<string>();
    for (const record of records) {
      seen.add(record.id);
      file.row([record.id, ...props.map(([, , get]) => get(record))]);
    }
    file.close();
    ids.set(label, seen);
    nodes += file.rows;
    args.push(`--nodes=${label}=${file.file}`);
  };

  const edges = new Map<string, CsvFile>();
  const edge = (
    type: string,
    from: [string, string | null | undefined],
    to: [string, string | null | undefined],
    props: [string, string, Cell][] = [],
  ) => {
    if (!known(from[0], from[1]) || !known(to[0], to[1])) return;
    const key = `${type}|${from[0]}|${to[0]}|${props.map(([name]) => name).join(',')}`;
    let file = edges.get(key);
    if (!file) {
      const header = [`:START_ID(${from[0]})`, `:END_ID(${to[0]})`, ...props.map(([name, kind]) => (kind ? `${name}:${kind}` : name))];
      file = new CsvFile(path.join(dir, `rels-${edges.size}-${type}.csv`), header);
      edges.set(key, file);
      args.push(`--relationships=${type}=${file.file}`);
    }
    file.row([from[1], to[1], ...props.map(([, , value]) => value)]);
  };

  nodeFile('Territory', data.territories, [
    ['name', '', (r) => r.name],
    ['region', '', (r) => r.region],
  ]);
  nodeFile('TherapeuticArea', data.therapeuticAreas, [['name', '', (r) => r.name]]);
  nodeFile('Institution', data.institutions, [
    ['name', '', (r) => r.name],
    ['type', '', (r) => r.type],
    ['city', '', (r) => r.city],
    ['country', '', (r) => r.country],
  ]);
  nodeFile('HCP', data.hcps, [
    ['firstName', '', (r) => r.firstName],
    ['lastName', '', (r) => r.lastName],
    ['specialty', '', (r) => r.specialty],
    ['email', '', (r) => r.email],
    ['preferredChannel', '', (r) => r.preferredChannel],
  ]);
  nodeFile('MSL', data.msls, [
    ['firstName', '', (r) => r.firstName],
    ['lastName', '', (r) => r.lastName],
    ['email', '', (r) => r.email],
  ]);
  nodeFile('Interaction', data.interactions, [
    ['date', 'date', (r) => r.date],
    ['channel', '', (r) => r.channel],
    ['topic', '', (r) => r.topic],
    ['sentiment', '', (r) => r.sentiment],
    ['notes', '', (r) => r.notes],
  ]);
  nodeFile('Publication', data.publications, [
    ['title', '', (r) => r.title],
    ['year', 'long', (r) => r.year],
    ['journal', '', (r) => r.journal],
  ]);
  nodeFile('ClinicalTrial', data.trials, [
    ['title', '', (r) => r.title],
    ['phase', '', (r) => r.phase],
    ['status', '', (r) => r.status],
  ]);

  for (const r of data.institutions) edge('IN_TERRITORY', ['Institution', r.id], ['Territory', r.territoryId]);
  for (const r of data.hcps) {
    edge('AFFILIATED_WITH', ['HCP', r.id], ['Institution', r.institutionId]);
    edge('IN_TERRITORY', ['HCP', r.id], ['Territory', r.territoryId]);
    for (const area of r.therapeuticAreaIds) edge('SPECIALIZES_IN', ['HCP', r.id], ['TherapeuticArea', area]);
  }
  for (const r of data.hcpLinks) edge(r.type, ['HCP', r.sourceId], ['HCP', r.targetId], [['weight', 'double', r.weight]]);
  for (const r of data.msls) {
    edge('COVERS', ['MSL', r.id], ['Territory', r.territoryId]);
    for (const area of r.therapeuticAreaIds) edge('FOCUSES_ON', ['MSL', r.id], ['TherapeuticArea', area]);
  }
  const latest = new Map<string, string>();
  for (const i of data.interactions) {
    const key = `${i.mslId}\u0000${i.hcpId}`;
    const seen = latest.get(key);
    if (seen === undefined || i.date > seen) latest.set(key, i.date);
  }
  for (const r of data.mslRelationships) {
    edge(
      'KNOWS',
      ['MSL', r.mslId],
      ['HCP', r.hcpId],
      [
        ['strength', 'double', r.strength],
        ['baseStrength', 'double', r.strength],
        ['since', 'date', r.since],
        ['lastContact', 'date', latest.get(`${r.mslId}\u0000${r.hcpId}`) ?? null],
      ],
    );
  }
  for (const r of data.interactions) {
    edge('LOGGED', ['MSL', r.mslId], ['Interaction', r.id]);
    edge('WITH', ['Interaction', r.id], ['HCP', r.hcpId]);
  }
  for (const r of data.publications) edge('IN_AREA', ['Publication', r.id], ['TherapeuticArea', r.therapeuticAreaId]);
  for (const r of data.authorships)
    edge('AUTHORED', ['HCP', r.hcpId], ['Publication', r.publicationId], [['position', 'long', r.position]]);
  for (const r of data.trials) edge('IN_AREA', ['ClinicalTrial', r.id], ['TherapeuticArea', r.therapeuticAreaId]);
  for (const r of data.trialInvestigators) edge('INVESTIGATOR_ON', ['HCP', r.hcpId], ['ClinicalTrial', r.trialId], [['role', '', r.role]]);

  for (const file of edges.values()) {
    file.close();
    relationships += file.rows;
  }
  return { args, nodes, relationships };
}
