/**
 * Reads the HCP network and what the scores need from Neo4j into a NetworkProjection:
 * the typed-array network (network.ts) plus per-HCP attributes used by filters and the
 * composite score. Streams raw record values (no row objects): 1M links in a few seconds.
 *
 * How it stays fast at 100k HCPs / 1M links (~12 s -> a few s; Neo4j and Node both do less):
 * - HCPs are named by internal node id, mapped to node indices once: no id property read per
 *   link, no id string decoded, hashed and kept per link;
 * - links come as one record per HCP with its outgoing links in three parallel lists (targets,
 *   type codes, weights), not one record per link: a tenth of the records;
 * - nothing else is read HCP by HCP: HCP-side patterns scan each HCP's whole relationship chain
 *   (~20 links), so territories, areas and the publication, trial and interaction counts are
 *   aggregated from the territories', areas', publications', trials' and interactions' side.
 * Internal ids are compared within one load, and kept only to recognise an erased HCP (erasure.ts). Each stream is its own transaction, as
 * before: a write during the load can leave a link out, and the next data-version check
 * rebuilds anyway.
 */
import { Database } from '../db/database';
import { LINK_TYPES } from '../vocabulary';
import { HcpNetwork, LinkTable, MslRelationship, buildNetwork } from './network';

export interface HcpAttributes {
  /** Territory id of each HCP by node index, or null. */
  territory: (string | null)[];
  /** Therapeutic area ids of each HCP by node index. */
  areas: string[][];
  /** Institution ids of each HCP by node index (AFFILIATED_WITH). */
  institutions: string[][];
  publications: Int32Array;
  trials: Int32Array;
  interactions: Int32Array;
  positiveInteractions: Int32Array;
}

export interface NetworkProjection {
  /** Names the data this projection holds: changes to the network give a new version. */
  version: string;
  /** When (database clock, epoch ms) the newest change it holds was made, or it was read. */
  time: number;
  net: HcpNetwork;
  attributes: HcpAttributes;
  /** The store's internal node id of each HCP by node index: an erasure's record names the node this way (erasure.ts). */
  nodeIds: Float64Array;
  territoryIds: ReadonlySet<string>;
  therapeuticAreaIds: ReadonlySet<string>;
  /** What the count check compares with the database's count store (network.service.ts). */
  counts: NetworkCounts;
}

/** HCPs, HCP-to-HCP links per LINK_TYPES entry, and MSL relationships (pairs) of a network. */
export interface NetworkCounts {
  hcps: number;
  links: number[];
  knows: number;
}

export function countsOf(net: HcpNetwork): NetworkCounts {
  const links = LINK_TYPES.map(() => 0);
  for (let k = 0; k < net.links.type.length; k++) links[net.links.type[k]]++;
  return { hcps: net.hcpIds.length, links, knows: net.msl.targets.length };
}

/** Every HCP's id and internal id, as two lists in one record. */
const HCPS = `
  MATCH (h:HCP)
  RETURN collect(h.id), collect(id(h))`;

/** Per territory, its HCPs (internal ids); an HCP in several keeps the first. */
const TERRITORIES = `
  MATCH (t:Territory)<-[:IN_TERRITORY]-(h:HCP)
  RETURN t.id, collect(id(h))`;

/** Per therapeutic area, its HCPs (internal ids). */
const AREAS = `
  MATCH (a:TherapeuticArea)<-[:SPECIALIZES_IN]-(h:HCP)
  RETURN a.id, collect(id(h))`;

/** Per institution, its HCPs (internal ids). */
const INSTITUTIONS = `
  MATCH (i:Institution)<-[:AFFILIATED_WITH]-(h:HCP)
  RETURN i.id, collect(id(h))`;

/** Per HCP (internal id) with any: publications authored, trials investigated, interactions and positive ones. */
const COUNTS = `
  MATCH (:Publication)<-[:AUTHORED]-(h:HCP) RETURN id(h) AS node, 0 AS kind, count(*) AS n, 0 AS positive
  UNION ALL
  MATCH (:ClinicalTrial)<-[:INVESTIGATOR_ON]-(h:HCP) RETURN id(h) AS node, 1 AS kind, count(*) AS n, 0 AS positive
  UNION ALL
  MATCH (i:Interaction)-[:WITH]->(h:HCP)
  RETURN id(h) AS node, 2 AS kind, count(*) AS n, count(CASE WHEN i.sentiment = 'POSITIVE' THEN 1 END) AS positive`;

/** type(r) as its index in LINK_TYPES: a small integer per link on the wire instead of a string. */
const TYPE_CODE = `CASE type(r) ${LINK_TYPES.map((type, code) => `WHEN '${type}' THEN ${code}`).join(' ')} END`;

const LINKS = `
  MATCH (a:HCP)
  CALL (a) {
    MATCH (a)-[r:${LINK_TYPES.join('|')}]->(b:HCP)
    RETURN collect(id(b)) AS targets, collect(${TYPE_CODE}) AS types, collect(r.weight) AS weights
  }
  WITH a, targets, types, weights WHERE size(targets) > 0
  RETURN id(a), targets, types, weights`;

const MSLS = `
  MATCH (m:MSL)
  OPTIONAL MATCH (m)-[k:KNOWS]->(h:HCP)
  RETURN m.id, h.id, k.strength, k.baseStrength, k.strengthComputedAt.epochMillis`;

const REFERENCE = `
  RETURN COLLECT { MATCH (t:Territory) RETURN t.id } AS territories, COLLECT { MATCH (a:TherapeuticArea) RETURN a.id } AS areas`;

/** Counts by internal node id: [publications, trials, interactions, positive interactions]. */
type Counts = Map<number, [number, number, number, number]>;

export async function loadProjection(db: Database, version: string, time: number): Promise<NetworkProjection> {
  let hcpIds: string[] = [];
  let hcpNodes: number[] = [];
  const territoryOf = new Map<number, string>();
  const areasOf = new Map<number, string[]>();
  const institutionsOf = new Map<number, string[]>();
  const counts: Counts = new Map();
  const links = new LinkColumns();
  const relationships: MslRelationship[] = [];
  const mslIds: string[] = [];
  let territoryIds: string[] = [];
  let areaIds: string[] = [];
  await Promise.all([
    db.stream(HCPS, {}, ([ids, nodes]) => {
      hcpIds = ids as string[];
      hcpNodes = (nodes as unknown[]).map(num);
    }),
    db.stream(TERRITORIES, {}, ([territory, nodes]) => {
      for (const node of nodes as number[]) if (!territoryOf.has(node)) territoryOf.set(node, territory as string);
    }),
    db.stream(AREAS, {}, ([area, nodes]) => collectByNode(areasOf, area as string, nodes as number[])),
    db.stream(INSTITUTIONS, {}, ([institution, nodes]) => collectByNode(institutionsOf, institution as string, nodes as number[])),
    db.stream(COUNTS, {}, ([node, kind, n, positive]) => {
      const key = num(node);
      let entry = counts.get(key);
      if (!entry) counts.set(key, (entry = [0, 0, 0, 0]));
      entry[num(kind)] += num(n);
      entry[3] += num(positive);
    }),
    db.stream(LINKS, {}, ([source, targets, types, weights]) =>
      links.add(num(source), targets as number[], types as number[], weights as unknown[]),
    ),
    db.stream(MSLS, {}, ([mslId, hcpId, strength, base, computedAt]) => {
      mslIds.push(mslId as string);
      if (hcpId === null) return;
      // What decays the strength with time, computed per request (see relationshipStrengths): no rebuild as days pass.
      const baseStrength = base === null || base === undefined ? null : num(base);
      const computedDay = computedAt === null || computedAt === undefined ? null : Math.floor(num(computedAt) / 86_400_000);
      relationships.push({ mslId: mslId as string, hcpId: hcpId as string, strength: weightOf(strength), baseStrength, computedDay });
    }),
    db.stream(REFERENCE, {}, ([territories, areas]) => {
      territoryIds = territories as string[];
      areaIds = areas as string[];
    }),
  ]);
  let byNode = new Map<number, number>();
  const net = buildNetwork({
    hcpIds,
    links: [],
    linkTable: (index) => links.resolve((byNode = nodeIndices(hcpIds, hcpNodes, index))),
    relationships,
    mslIds,
  });
  return {
    version,
    time,
    net,
    attributes: attributesOf(net.hcpIds.length, byNode, territoryOf, areasOf, institutionsOf, counts),
    nodeIds: nodeIdsOf(net.hcpIds.length, byNode),
    territoryIds: new Set(territoryIds),
    therapeuticAreaIds: new Set(areaIds),
    counts: countsOf(net),
  };
}

/** Internal node id -> node index, for the HCPs the index knows. */
function nodeIndices(ids: string[], nodes: number[], index: ReadonlyMap<string, number>): Map<number, number> {
  const byNode = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    const v = index.get(ids[i]);
    if (v !== undefined) byNode.set(nodes[i], v);
  }
  return byNode;
}

function nodeIdsOf(n: number, byNode: ReadonlyMap<number, number>): Float64Array {
  const nodeIds = new Float64Array(n).fill(NaN);
  for (const [node, v] of byNode) nodeIds[v] = node;
  return nodeIds;
}

/** The streamed links as received (one entry per source HCP, by internal node id), resolved to node indices at the end. */
class LinkColumns {
  private readonly sources: number[] = [];
  private readonly targets: number[][] = [];
  private readonly types: number[][] = [];
  private readonly weights: unknown[][] = [];
  private count = 0;

  add(source: number, targets: number[], types: number[], weights: unknown[]): void {
    this.sources.push(source);
    this.targets.push(targets);
    this.types.push(types);
    this.weights.push(weights);
    this.count += targets.length;
  }

  resolve(byNode: ReadonlyMap<number, number>): LinkTable {
    const source = new Int32Array(this.count);
    const target = new Int32Array(this.count);
    const type = new Uint8Array(this.count);
    const weight = new Float64Array(this.count);
    let k = 0;
    for (let row = 0; row < this.sources.length; row++) {
      const s = byNode.get(this.sources[row]);
      if (s === undefined) continue;
      const targets = this.targets[row];
      const types = this.types[row];
      const weights = this.weights[row];
      for (let i = 0; i < targets.length; i++) {
        const t = byNode.get(targets[i]);
        if (t === undefined) continue;
        source[k] = s;
        target[k] = t;
        type[k] = types[i];
        weight[k++] = weightOf(weights[i]);
      }
    }
    return { source: source.subarray(0, k), target: target.subarray(0, k), type: type.subarray(0, k), weight: weight.subarray(0, k) };
  }
}

/** Adds `id` to the list of each node (an HCP with several areas or institutions). */
function collectByNode(lists: Map<number, string[]>, id: string, nodes: number[]): void {
  for (const node of nodes) {
    const list = lists.get(node);
    if (list) list.push(id);
    else lists.set(node, [id]);
  }
}

function attributesOf(
  n: number,
  byNode: ReadonlyMap<number, number>,
  territoryOf: ReadonlyMap<number, string>,
  areasOf: ReadonlyMap<number, string[]>,
  institutionsOf: ReadonlyMap<number, string[]>,
  counts: Counts,
): HcpAttributes {
  const attributes: HcpAttributes = {
    territory: new Array<string | null>(n).fill(null),
    areas: Array.from({ length: n }, () => [] as string[]),
    institutions: Array.from({ length: n }, () => [] as string[]),
    publications: new Int32Array(n),
    trials: new Int32Array(n),
    interactions: new Int32Array(n),
    positiveInteractions: new Int32Array(n),
  };
  for (const [node, v] of byNode) {
    attributes.territory[v] = territoryOf.get(node) ?? null;
    attributes.areas[v] = areasOf.get(node) ?? attributes.areas[v];
    attributes.institutions[v] = institutionsOf.get(node) ?? attributes.institutions[v];
    const count = counts.get(node);
    if (!count) continue;
    attributes.publications[v] = count[0];
    attributes.trials[v] = count[1];
    attributes.interactions[v] = count[2];
    attributes.positiveInteractions[v] = count[3];
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
