import fs from 'node:fs';
import path from 'node:path';
import { Database, Tx } from '../db/database';
import { formatCsv } from './csv';
import { DatasetKey, FILES, HcpLinkRecord, NetworkData, canonicalLink, emptyNetwork, linkKey, recordCells } from './records';
import { compareStrings, parseIsoDate } from './validate';
import { LINK_TYPES, LinkType } from '../vocabulary';

/**
 * Reads the network back out of Neo4j as the import's records and writes every file of the CSV
 * format. Deterministic: records sorted by their identity, symmetric links in canonical
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

async function readInTransaction(tx: Tx): Promise<NetworkData> {
  const data = emptyNetwork();
  const byId = byKeys<{ id: string }>((r) => r.id);

  data.territories = (await tx.run<Row>('MATCH (n:Territory) RETURN n.id AS id, n.name AS name, n.region AS region'))
    .map((r) => ({ id: String(r.id), name: String(r.name ?? ''), region: str(r.region) }))
    .sort(byId);

  data.therapeuticAreas = (await tx.run<Row>('MATCH (n:TherapeuticArea) RETURN n.id AS id, n.name AS name'))
    .map((r) => ({ id: String(r.id), name: String(r.name ?? '') }))
    .sort(byId);

  data.institutions = (
    await tx.run<Row>(
      `MATCH (n:Institution)
       RETURN n.id AS id, n.name AS name, n.type AS type, n.city AS city, n.country AS country,
              [(n)-[:IN_TERRITORY]->(t:Territory) | t.id] AS territoryIds`,
    )
  )
    .map((r) => ({
      id: String(r.id),
      name: String(r.name ?? ''),
      type: str(r.type),
      city: str(r.city),
      country: str(r.country),
      territoryId: first(r.territoryIds),
    }))
    .sort(byId);

  data.hcps = (
    await tx.run<Row>(
      `MATCH (n:HCP)
       RETURN n.id AS id, n.firstName AS firstName, n.lastName AS lastName, n.specialty AS specialty,
              n.email AS email, n.preferredChannel AS preferredChannel,
              [(n)-[:AFFILIATED_WITH]->(i:Institution) | i.id] AS institutionIds,
              [(n)-[:IN_TERRITORY]->(t:Territory) | t.id] AS territoryIds,
              [(n)-[:SPECIALIZES_IN]->(a:TherapeuticArea) | a.id] AS areaIds`,
    )
  )
    .map((r) => ({
      id: String(r.id),
      firstName: String(r.firstName ?? ''),
      lastName: String(r.lastName ?? ''),
      specialty: str(r.specialty),
      institutionId: first(r.institutionIds),
      territoryId: first(r.territoryIds),
      therapeuticAreaIds: list(r.areaIds),
      email: str(r.email),
      preferredChannel: str(r.preferredChannel) as NetworkData['hcps'][number]['preferredChannel'],
    }))
    .sort(byId);

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
  data.hcpLinks = [...links.values()].sort(
    byKeys<HcpLinkRecord>(
      (r) => r.sourceId,
      (r) => r.targetId,
      (r) => r.type,
    ),
  );

  data.msls = (
    await tx.run<Row>(
      `MATCH (n:MSL)
       RETURN n.id AS id, n.firstName AS firstName, n.lastName AS lastName, n.email AS email,
              [(n)-[:COVERS]->(t:Territory) | t.id] AS territoryIds,
              [(n)-[:FOCUSES_ON]->(a:TherapeuticArea) | a.id] AS areaIds`,
    )
  )
    .map((r) => ({
      id: String(r.id),
      firstName: String(r.firstName ?? ''),
      lastName: String(r.lastName ?? ''),
      email: str(r.email),
      territoryId: first(r.territoryIds),
      therapeuticAreaIds: list(r.areaIds),
    }))
    .sort(byId);

  const rels = new Map<string, NetworkData['mslRelationships'][number]>();
  for (const r of await tx.run<Row>(
    `MATCH (m:MSL)-[k:KNOWS]->(h:HCP)
     RETURN m.id AS mslId, h.id AS hcpId, coalesce(k.baseStrength, k.strength) AS strength, k.since AS since`,
  )) {
    const rel = { mslId: String(r.mslId), hcpId: String(r.hcpId), strength: Number(r.strength), since: date(r.since) };
    rels.set(`${rel.mslId}\u0000${rel.hcpId}`, rel);
  }
  data.mslRelationships = [...rels.values()].sort(
    byKeys(
      (r) => r.mslId,
      (r) => r.hcpId,
    ),
  );

  data.interactions = (
    await tx.run<Row>(
      `MATCH (i:Interaction)
       RETURN i.id AS id, i.date AS date, i.channel AS channel, i.topic AS topic, i.sentiment AS sentiment,
              i.notes AS notes,
              [(m:MSL)-[:LOGGED]->(i) | m.id] AS mslIds, [(i)-[:WITH]->(h:HCP) | h.id] AS hcpIds`,
    )
  )
    .map((r) => ({
      id: String(r.id),
      mslId: first(r.mslIds) ?? '',
      hcpId: first(r.hcpIds) ?? '',
      date: date(r.date) ?? '',
      channel: String(r.channel ?? '') as NetworkData['interactions'][number]['channel'],
      topic: str(r.topic),
      sentiment: String(r.sentiment ?? '') as NetworkData['interactions'][number]['sentiment'],
      notes: str(r.notes),
    }))
    // An interaction without its MSL or HCP cannot be written in the format.
    .filter((r) => r.mslId !== '' && r.hcpId !== '')
    .sort(byId);

  data.publications = (
    await tx.run<Row>(
      `MATCH (n:Publication)
       RETURN n.id AS id, n.title AS title, n.year AS year, n.journal AS journal,
              [(n)-[:IN_AREA]->(a:TherapeuticArea) | a.id] AS areaIds`,
    )
  )
    .map((r) => ({
      id: String(r.id),
      title: String(r.title ?? ''),
      year: num(r.year),
      journal: str(r.journal),
      therapeuticAreaId: first(r.areaIds),
    }))
    .sort(byId);

  data.authorships = (
    await tx.run<Row>(
      'MATCH (h:HCP)-[x:AUTHORED]->(p:Publication) RETURN p.id AS publicationId, h.id AS hcpId, min(x.position) AS position',
    )
  )
    .map((r) => ({ publicationId: String(r.publicationId), hcpId: String(r.hcpId), position: Number(r.position) }))
    .sort(
      byKeys(
        (r) => r.publicationId,
        (r) => r.hcpId,
      ),
    );

  data.trials = (
    await tx.run<Row>(
      `MATCH (n:ClinicalTrial)
       RETURN n.id AS id, n.title AS title, n.phase AS phase, n.status AS status, n.startYear AS startYear,
              [(n)-[:IN_AREA]->(a:TherapeuticArea) | a.id] AS areaIds`,
    )
  )
    .map((r) => ({
      id: String(r.id),
      title: String(r.title ?? ''),
      phase: str(r.phase),
      status: str(r.status),
      therapeuticAreaId: first(r.areaIds),
      startYear: num(r.startYear),
    }))
    .sort(byId);

  data.trialInvestigators = (
    await tx.run<Row>('MATCH (h:HCP)-[x:INVESTIGATOR_ON]->(t:ClinicalTrial) RETURN t.id AS trialId, h.id AS hcpId, min(x.role) AS role')
  )
    .map((r) => ({
      trialId: String(r.trialId),
      hcpId: String(r.hcpId),
      role: String(r.role ?? '') as NetworkData['trialInvestigators'][number]['role'],
    }))
    .sort(
      byKeys(
        (r) => r.trialId,
        (r) => r.hcpId,
      ),
    );

  return data;
}

/** Every file of the format as CSV text (header row, then records, LF line ends). */
export function networkToCsv(data: NetworkData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of FILES) {
    const rows = (data[spec.key] as object[]).map((record) => recordCells(spec.key, record));
    out[spec.file] = formatCsv([...spec.columns, ...spec.optionalColumns], rows);
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
  return FILES.map((spec) => {
    fs.writeFileSync(path.join(dir, spec.file), texts[spec.file], 'utf8');
    return { key: spec.key, file: spec.file, rows: data[spec.key].length };
  });
}
