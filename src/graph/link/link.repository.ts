import { Database, Tx, int } from '../../db/database';
import { HCP_PROPS, HcpProps, hcpFromValues, toHcp } from '../hcp/hcp.repository';
import { HCP } from '../hcp/hcp.type';
import { LINK_TYPES, isSymmetricLink } from '../../vocabulary';
import { HcpLink, LinkDirection, LinkType } from './link.type';

/** The links asked of one HCP: which types, and at most how many (null = all). */
export interface LinksRequest {
  hcpId: string;
  types: LinkType[];
  first: number | null;
}

/**
 * A link as the statement returns it: a list, not a map, so that 2,000 links do not cost 20,000
 * map keys to decode: [type, weight, direction, ...the other HCP's HCP_PROPS] (every property
 * an HCP object is built from).
 */
type LinkTuple = [string, number, string, ...unknown[]];

interface LinksRow {
  hcpId: string;
  types: string[];
  first: number | null;
  links: LinkTuple[];
}

const ANY_LINK = LINK_TYPES.join('|');

/**
 * The links of several HCPs in one statement, both directions (symmetric links are stored once),
 * by descending weight, then the other HCP's id, then type. Each link carries the other HCP's
 * properties: the statement has matched that node anyway, and `links { hcp }` then needs no
 * second statement (nor an id lookup per linked HCP).
 */
const LINKS_OF = `
  UNWIND $requests AS r
  MATCH (h:HCP {id: r.hcpId})-[l:${ANY_LINK}]-(o:HCP)
  WHERE type(l) IN r.types
  WITH r, h, l, o ORDER BY l.weight DESC, o.id, type(l)
  WITH r, collect(${linkTuple('h')}) AS links
  RETURN r.hcpId AS hcpId, r.types AS types, r.first AS first,
         CASE WHEN r.first IS NULL THEN links ELSE links[0..r.first] END AS links`;

/**
 * The other HCP's properties when the query reads nothing of a linked HCP but its id and names
 * (`linkedNamesOnly`): the first three of HCP_PROPS. At 100k HCPs, reading the other three of
 * ~1,800 linked nodes was a quarter of the nested page's statement time.
 */
const NAME_PROPS = HCP_PROPS.slice(0, 3);

/** The LinkTuple of link `l` seen from `owner`, to the other HCP `o`, with `props` of it (a prefix of HCP_PROPS). */
function linkTuple(owner: string, props: readonly string[] = HCP_PROPS): string {
  return `[
    type(l), l.weight,
    CASE WHEN type(l) <> 'REFERRAL' THEN 'UNDIRECTED' WHEN startNode(l) = ${owner} THEN 'OUTGOING' ELSE 'INCOMING' END,
    ${props.map((prop) => `o.${prop}`).join(', ')}
  ]`;
}

/**
 * Every link of HCP `x` (all types, LINKS_OF's order and tuples) as an expression, for a page of
 * HCPs to read its links in its own statement instead of a second one (`linksFromTuples` converts
 * them; they answer `allLinksRequest`). With `namesOnly` the other HCP carries only its id and
 * names, the rest null: only for an operation that reads no other field of any HCP it links to
 * (the links are primed into the request's loader, which any selection of them may read).
 */
export function allLinksOf(x: string, namesOnly = false): string {
  const tuple = linkTuple(x, namesOnly ? NAME_PROPS : HCP_PROPS);
  return `COLLECT { MATCH (${x})-[l:${ANY_LINK}]-(o:HCP) WITH l, o ORDER BY l.weight DESC, o.id, type(l) RETURN ${tuple} }`;
}

/** The links `allLinksOf` read for HCP `ownerId`. */
export function linksFromTuples(tuples: readonly unknown[], ownerId: string): HcpLink[] {
  return (tuples as LinkTuple[]).map((tuple) => toLink(tuple, ownerId));
}

/** The request `allLinksOf` answers: every type, no limit (what `links` and `linksConnection` load by default). */
export function allLinksRequest(hcpId: string): LinksRequest {
  return { hcpId, types: [...LINK_TYPES], first: null };
}

/**
 * An HcpLink instance, not a plain object: type-graphql converts the root of a field resolver
 * (`HcpLink.id`) to its class, copying every plain object it is given. The other HCP is built
 * straight from the tuple (a names-only tuple ends early: its missing properties are null).
 */
function toLink(tuple: LinkTuple, ownerId: string): HcpLink {
  const other = hcpFromValues(tuple, 3);
  const link = new HcpLink();
  link.type = tuple[0] as LinkType;
  link.weight = tuple[1];
  link.direction = tuple[2] as LinkDirection;
  link.hcpId = other.id;
  link.ownerId = ownerId;
  link.hcp = other;
  return link;
}

/** The request's types, sorted, as JSON: per order given (a few hundred orders of five types at most). */
const typesKeys = new Map<string, string>();
function typesKey(types: readonly string[]): string {
  const given = types.join(',');
  let key = typesKeys.get(given);
  if (key === undefined) typesKeys.set(given, (key = JSON.stringify([...types].sort())));
  return key;
}

/** `JSON.stringify([hcpId, sorted types, first])`, with the types' part computed once per order (twice per HCP of a page). */
export const linksCacheKey = (r: LinksRequest): string => `[${JSON.stringify(r.hcpId)},${typesKey(r.types)},${JSON.stringify(r.first)}]`;

/** The pattern of a link of `type` between (a) and (b): either direction for symmetric types. */
function linkPattern(type: LinkType): string {
  if (!LINK_TYPES.includes(type)) throw new Error(`unknown link type ${type}`);
  return isSymmetricLink(type) ? `(a)-[x:${type}]-(b)` : `(a)-[x:${type}]->(b)`;
}

export class LinkRepository {
  constructor(private readonly db: Database) {}

  async linksOf(requests: readonly LinksRequest[]): Promise<{ key: string; links: HcpLink[] }[]> {
    const params = requests.map((r) => ({ hcpId: r.hcpId, types: r.types, first: r.first === null ? null : int(r.first) }));
    const rows = await this.db.read<LinksRow>(LINKS_OF, { requests: params });
    return rows.map((row) => ({
      key: linksCacheKey({ hcpId: row.hcpId, types: row.types as LinkType[], first: row.first }),
      links: row.links.map((tuple) => toLink(tuple, row.hcpId)),
    }));
  }
}

/** Writes of links, inside a caller's transaction (the resolver adds checks and the version bump). */
export const linkWrites = {
  /**
   * Creates the link, or sets the weight of the existing one(s). A symmetric link is found in
   * either direction and created in the canonical direction (smaller id -> larger id), as the
   * import stores it; a REFERRAL goes from source to target.
   */
  async upsert(tx: Tx, sourceId: string, targetId: string, type: LinkType, weight: number): Promise<{ created: boolean; target: HCP }> {
    const [from, to] = isSymmetricLink(type) && targetId < sourceId ? [targetId, sourceId] : [sourceId, targetId];
    // The target HCP comes back too: the answer (the link seen from the source) carries it.
    const [row] = await tx.run<{ created: boolean; target: HcpProps }>(
      `MATCH (a:HCP {id: $from}) MATCH (b:HCP {id: $to})
       WITH a, b, [${linkPattern(type)} | x] AS olds
       FOREACH (o IN olds | SET o.weight = $weight)
       FOREACH (_ IN CASE WHEN size(olds) = 0 THEN [1] ELSE [] END | CREATE (a)-[:${type} {weight: $weight}]->(b))
       WITH olds, CASE WHEN a.id = $targetId THEN a ELSE b END AS target
       RETURN size(olds) = 0 AS created, target {${HCP_PROPS.map((prop) => `.${prop}`).join(', ')}} AS target`,
      { from, to, weight, targetId },
    );
    if (!row) throw new Error(`linkHcps: HCP ${sourceId} or ${targetId} vanished inside the transaction`);
    return { created: row.created, target: toHcp(row.target) };
  },

  /**
   * Deletes the link of `type` between the two HCPs (a REFERRAL only from source to target), or
   * with no type every link between them in either direction; returns how many were deleted.
   */
  async remove(tx: Tx, sourceId: string, targetId: string, type: LinkType | null): Promise<number> {
    const pattern = type === null ? `(a)-[x:${ANY_LINK}]-(b)` : linkPattern(type);
    const [row] = await tx.run<{ removed: number }>(
      `MATCH (a:HCP {id: $sourceId}) MATCH (b:HCP {id: $targetId})
       OPTIONAL MATCH ${pattern}
       WITH collect(DISTINCT x) AS xs
       FOREACH (x IN xs | DELETE x)
       RETURN size(xs) AS removed`,
      { sourceId, targetId },
    );
    return row?.removed ?? 0;
  },
};
