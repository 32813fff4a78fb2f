/**
 * Reads the current state of the entities change records name (changes.ts), for
 * incremental.ts: one statement per kind, each an index seek per entity plus its own
 * relationships, so the cost follows the change, not the graph.
 *
 * Planning HCP_STATES costs the database far more than running it (~0.5 s idle, seconds on a
 * loaded machine, against a few ms), so each statement must be planned once, not again later:
 * - its ids come inside a map parameter ($input): Neo4j plans a top-level list parameter again
 *   for each size bucket (one HCP for an interaction, two for a link edit...), not one in a map;
 * - `replan=skip`: the plan (index seeks from each id) does not depend on the statistics, so it
 *   is kept when they drift as writes add interactions and records;
 * - NetworkService.warmUp runs them at start-up.
 */
import { Params } from '../db/database';
import { EntityStates, HcpState, LinkState, MslState, PairState } from './incremental';
import { LINK_TYPES } from '../vocabulary';

const TYPE_CODE = `CASE type(r) ${LINK_TYPES.map((type, code) => `WHEN '${type}' THEN ${code}`).join(' ')} END`;
const LINKS = LINK_TYPES.join('|');

/** An HCP's attributes (`h`, null when it does not exist), as [HcpState field, expression]. */
const ATTRIBUTES: [string, string][] = [
  ['territory', 'head(COLLECT { MATCH (h)-[:IN_TERRITORY]->(t:Territory) RETURN t.id })'],
  ['areas', 'COLLECT { MATCH (h)-[:SPECIALIZES_IN]->(a:TherapeuticArea) RETURN a.id }'],
  ['institutions', 'COLLECT { MATCH (h)-[:AFFILIATED_WITH]->(i:Institution) RETURN i.id }'],
  ['publications', 'COUNT { (h)-[:AUTHORED]->(:Publication) }'],
  ['trials', 'COUNT { (h)-[:INVESTIGATOR_ON]->(:ClinicalTrial) }'],
  ['interactions', 'COUNT { (:Interaction)-[:WITH]->(h) }'],
  ['positiveInteractions', "COUNT { (i:Interaction)-[:WITH]->(h) WHERE i.sentiment = 'POSITIVE' }"],
];

/** The relationships of the pair `pair` ({msl, hcp}), as PairState.knows. */
const PAIR_KNOWS = `COLLECT { MATCH (:MSL {id: pair.msl})-[k:KNOWS]->(:HCP {id: pair.hcp})
      RETURN [coalesce(k.strength, 1), k.baseStrength, k.strengthComputedAt.epochMillis] }`;

/**
 * For the sync's probe (network.service.ts), given `changes` (the records it returns, those with
 * their contents): the states of the HCPs their `attrs` name (attributes only) and of the pairs
 * they name, as `attrStates` and `pairStates`. A logged interaction names nothing else, so the
 * sync after one needs no statement beyond the probe.
 */
export const PREFETCH_STATES = `
  CALL (changes) {
    UNWIND changes AS c
    UNWIND coalesce(c.attrs, []) AS id
    WITH DISTINCT id
    OPTIONAL MATCH (h:HCP {id: id})
    RETURN collect({id: id, exists: h IS NOT NULL, node: id(h), out: [], in: [], knows: [],
      ${ATTRIBUTES.map(([name, expression]) => `${name}: ${expression}`).join(',\n      ')}}) AS attrStates
  }
  CALL (changes) {
    UNWIND changes AS c
    UNWIND range(0, size(coalesce(c.pairMsls, [])) - 1) AS i
    WITH DISTINCT {msl: c.pairMsls[i], hcp: c.pairHcps[i]} AS pair
    RETURN collect({msl: pair.msl, hcp: pair.hcp, knows: ${PAIR_KNOWS}}) AS pairStates
  }`;

/** Per HCP id: its state; links and relationships only when `row.links` (attribute-only changes skip them). */
const HCP_STATES = `CYPHER replan=skip
  UNWIND $input.rows AS row
  OPTIONAL MATCH (h:HCP {id: row.id})
  RETURN row.id AS id, h IS NOT NULL AS exists, id(h) AS node,
    CASE WHEN row.links AND h IS NOT NULL THEN COLLECT { MATCH (h)-[r:${LINKS}]->(b:HCP) RETURN [b.id, ${TYPE_CODE}, coalesce(r.weight, 1)] } ELSE [] END AS out,
    CASE WHEN row.links AND h IS NOT NULL THEN COLLECT { MATCH (h)<-[r:${LINKS}]-(a:HCP) RETURN [a.id, ${TYPE_CODE}, coalesce(r.weight, 1)] } ELSE [] END AS in,
    CASE WHEN row.links AND h IS NOT NULL THEN COLLECT { MATCH (m:MSL)-[k:KNOWS]->(h) RETURN [m.id, coalesce(k.strength, 1), k.baseStrength, k.strengthComputedAt.epochMillis] } ELSE [] END AS knows,
    ${ATTRIBUTES.map(([name, expression]) => `${expression} AS ${name}`).join(',\n    ')}`;

const MSL_STATES = `CYPHER replan=skip
  UNWIND $input.ids AS id
  OPTIONAL MATCH (m:MSL {id: id})
  RETURN id, m IS NOT NULL AS exists,
    CASE WHEN m IS NULL THEN [] ELSE COLLECT { MATCH (m)-[k:KNOWS]->(h:HCP) RETURN [h.id, coalesce(k.strength, 1), k.baseStrength, k.strengthComputedAt.epochMillis] } END AS knows`;

/**
 * Per MSL-HCP pair: its relationships (one, or none; several when typed so by hand), from the two
 * ends' id index seeks: a logged interaction re-reads one relationship, not all of its MSL's.
 */
const PAIR_STATES = `CYPHER replan=skip
  UNWIND $input.pairs AS pair
  RETURN pair.msl AS msl, pair.hcp AS hcp, ${PAIR_KNOWS} AS knows`;

const REFERENCE = `
  RETURN COLLECT { MATCH (t:Territory) RETURN t.id } AS territoryIds, COLLECT { MATCH (a:TherapeuticArea) RETURN a.id } AS areaIds`;

export interface ChangedEntities {
  hcps: ReadonlySet<string>;
  msls: ReadonlySet<string>;
  /** MSL-HCP pairs whose relationship alone is re-read (neither end named above). */
  pairs: readonly { msl: string; hcp: string }[];
  attrs: ReadonlySet<string>;
  reference: boolean;
}

/**
 * Runs one reading statement: a Database's `read`, or the `run` of a write transaction (a writer
 * preparing the network it is about to commit reads its own writes: network.service.ts prepare).
 */
export type StateReader = <T>(cypher: string, params?: Params) => Promise<T[]>;

/**
 * The states of `changed`, in one order whoever reads them: HCPs by id, each one's links by other
 * HCP id, type and weight (a transaction lists the relationships it created after those committed,
 * a later read lists them in store order; a change record lists HCPs in the order its writers
 * named them), so that the network built from them does not depend on who read them.
 */
export async function readStates(read: StateReader, changed: ChangedEntities): Promise<EntityStates> {
  const rows = [
    ...Array.from(changed.hcps, (id) => ({ id, links: true })),
    ...Array.from(changed.attrs, (id) => ({ id, links: false })).filter((row) => !changed.hcps.has(row.id)),
  ];
  const pairs = changed.pairs.filter((pair) => !changed.msls.has(pair.msl) && !changed.hcps.has(pair.hcp));
  const [hcpStates, msls, pairStates, reference] = await Promise.all([
    rows.length ? read<HcpState>(HCP_STATES, { input: { rows } }) : Promise.resolve([]),
    changed.msls.size ? read<MslState>(MSL_STATES, { input: { ids: Array.from(changed.msls) } }) : Promise.resolve([]),
    pairs.length ? read<PairState>(PAIR_STATES, { input: { pairs } }) : Promise.resolve([]),
    changed.reference ? read<{ territoryIds: string[]; areaIds: string[] }>(REFERENCE).then(([row]) => row) : Promise.resolve(undefined),
  ]);
  for (const state of hcpStates) {
    state.out.sort(byLink);
    state.in.sort(byLink);
  }
  return {
    hcps: hcpStates.filter((state) => changed.hcps.has(state.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    attrs: hcpStates.filter((state) => !changed.hcps.has(state.id)),
    msls,
    pairs: pairStates,
    reference,
  };
}

function byLink(a: LinkState, b: LinkState): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] - b[1] || a[2] - b[2];
}
