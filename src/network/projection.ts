/**
 * Reads the HCP network and what the scores need from Neo4j into a NetworkProjection:
 * the typed-array network (network.ts) plus per-HCP attributes used by filters and the
 * composite score. Streams raw record values (no row objects): 1M links in a few seconds.
 */
import { Database } from '../db/database';
import { HcpNetwork, LinkType, MslRelationship, NetworkLink, buildNetwork } from './network';

export interface HcpAttributes {
  /** Territory id of each HCP by node index, or null. */
  territory: (string | null)[];
  /** Therapeutic area ids of each HCP by node index. */
  areas: string[][];
  publications: Int32Array;
  trials: Int32Array;
  interactions: Int32Array;
  positiveInteractions: Int32Array;
}

export interface NetworkProjection {
  /** The database's data version this projection was read at (see Database.dataVersion). */
  version: string;
  net: HcpNetwork;
  attributes: HcpAttributes;
  territoryIds: ReadonlySet<string>;
  therapeuticAreaIds: ReadonlySet<string>;
}

const HCPS = `
  MATCH (h:HCP)
  RETURN h.id,
         [(h)-[:IN_TERRITORY]->(t:Territory) | t.id][0],
         [(h)-[:SPECIALIZES_IN]->(a:TherapeuticArea) | a.id],
         COUNT { (h)-[:AUTHORED]->(:Publication) },
         COUNT { (h)-[:INVESTIGATOR_ON]->(:ClinicalTrial) },
         COUNT { (h)<-[:WITH]-(:Interaction) },
         COUNT { (h)<-[:WITH]-(:Interaction {sentiment: 'POSITIVE'}) }`;

const LINKS = `
  MATCH (a:HCP)-[r:COAUTHOR|CO_INVESTIGATOR|COLLEAGUE|MENTOR|REFERRAL]->(b:HCP)
  RETURN a.id, b.id, type(r), r.weight`;

const MSLS = `
  MATCH (m:MSL)
  OPTIONAL MATCH (m)-[k:KNOWS]->(h:HCP)
  RETURN m.id, h.id, k.strength`;

const REFERENCE = `
  RETURN COLLECT { MATCH (t:Territory) RETURN t.id } AS territories, COLLECT { MATCH (a:TherapeuticArea) RETURN a.id } AS areas`;

interface HcpRow {
  id: string;
  territory: string | null;
  areas: string[];
  publications: number;
  trials: number;
  interactions: number;
  positive: number;
}

export async function loadProjection(db: Database, version: string): Promise<NetworkProjection> {
  const hcps: HcpRow[] = [];
  const links: NetworkLink[] = [];
  const relationships: MslRelationship[] = [];
  const mslIds: string[] = [];
  let territoryIds: string[] = [];
  let areaIds: string[] = [];
  await Promise.all([
    db.stream(HCPS, {}, ([id, territory, areas, publications, trials, interactions, positive]) =>
      hcps.push({ id: id as string, territory: (territory as string | null) ?? null, areas: areas as string[], publications: num(publications), trials: num(trials), interactions: num(interactions), positive: num(positive) }),
    ),
    db.stream(LINKS, {}, ([source, target, type, weight]) => links.push({ source: source as string, target: target as string, type: type as LinkType, weight: weightOf(weight) })),
    db.stream(MSLS, {}, ([mslId, hcpId, strength]) => {
      mslIds.push(mslId as string);
      if (hcpId !== null) relationships.push({ mslId: mslId as string, hcpId: hcpId as string, strength: weightOf(strength) });
    }),
    db.stream(REFERENCE, {}, ([territories, areas]) => {
      territoryIds = territories as string[];
      areaIds = areas as string[];
    }),
  ]);
  const net = buildNetwork({ hcpIds: hcps.map((h) => h.id), links, relationships, mslIds });
  return { version, net, attributes: attributesOf(net, hcps), territoryIds: new Set(territoryIds), therapeuticAreaIds: new Set(areaIds) };
}

function attributesOf(net: HcpNetwork, rows: HcpRow[]): HcpAttributes {
  const n = net.hcpIds.length;
  const attributes: HcpAttributes = {
    territory: new Array<string | null>(n).fill(null),
    areas: Array.from({ length: n }, () => [] as string[]),
    publications: new Int32Array(n),
    trials: new Int32Array(n),
    interactions: new Int32Array(n),
    positiveInteractions: new Int32Array(n),
  };
  for (const row of rows) {
    const v = net.hcpIndex.get(row.id);
    if (v === undefined) continue;
    attributes.territory[v] = row.territory;
    attributes.areas[v] = row.areas;
    attributes.publications[v] = row.publications;
    attributes.trials[v] = row.trials;
    attributes.interactions[v] = row.interactions;
    attributes.positiveInteractions[v] = row.positive;
  }
  return attributes;
}

/** Driver numbers arrive as JS numbers (disableLosslessIntegers). */
function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** A link or relationship typed by hand without a weight counts as 1, as networkx does. */
function weightOf(value: unknown): number {
  return value === null || value === undefined ? 1 : num(value);
}
