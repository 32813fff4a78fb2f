import { Arg, Ctx, Float, ID, Int, Query, Resolver } from 'type-graphql';
import { NotFoundError, ValidationError } from '../../errors';
import { egoNetwork } from '../../network/ego';
import { introductionPaths } from '../../network/paths';
import { networkReach } from '../../network/reach';
import { NetworkSnapshot } from '../../network/snapshot';
import { GraphContext } from '../context';
import { communityId, knownNodes, relationshipStrengths, snapshotOf } from './network.context';
import { intArg } from '../common/validate';
import { communityList, kolRanking, take } from './network.listings';
import { CommunityResult, CoverageGap, EgoNetwork, InfluenceMetric, IntroductionPath, KolScore, NetworkReach } from './network.type';
import { LinkType } from '../link/link.type';
import { derivedId } from '../node/derived-id';

const MAX_HOPS = 6;
const MAX_FIRST = 10000;

@Resolver()
export class NetworkResolver {
  @Query(() => [IntroductionPath], {
    description:
      'Warm introduction paths from an MSL to an HCP: one MSL relationship, then HCP ties either way, at most maxHops edges, no other MSL. ' +
      'The `first` of least cost (Σ -ln weight), ties by fewer hops then node ids. Empty when there is none.',
  })
  async introductionPaths(
    @Arg('fromMslId', () => ID) fromMslId: string,
    @Arg('toHcpId', () => ID) toHcpId: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 4 }) maxHops: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 3 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<IntroductionPath[]> {
    const hops = intArg(maxHops ?? 4, 'maxHops', 1, MAX_HOPS);
    const size = intArg(first ?? 3, 'first', 1, MAX_FIRST);
    const { net } = await snapshotOf(ctx);
    if (!net.mslIndex.has(fromMslId)) throw new NotFoundError('MSL', fromMslId);
    const paths = knownNodes('HCP', () => introductionPaths(net, fromMslId, toHcpId, hops, size, relationshipStrengths(ctx, net)));
    return paths.map((path) => ({ ...path, ids: path.nodes, nodes: [] }));
  }

  @Query(() => NetworkReach, { description: 'How many HCPs are within 1..maxHops of an HCP, or of an MSL through its relationships.' })
  async networkReach(
    @Arg('fromId', () => ID) fromId: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 2 }) maxHops: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<NetworkReach> {
    const hops = intArg(maxHops ?? 2, 'maxHops', 1, MAX_HOPS);
    const { net } = await snapshotOf(ctx);
    return knownNodes('HCP or MSL', () => networkReach(net, fromId, hops));
  }

  @Query(() => [KolScore], { description: 'HCPs by influence. Filters choose who is listed; scores are always over the whole network.' })
  async kolRanking(
    @Arg('metric', () => InfluenceMetric, { nullable: true, defaultValue: InfluenceMetric.PAGERANK }) metric: InfluenceMetric | null,
    @Arg('therapeuticAreaId', () => ID, { nullable: true }) therapeuticAreaId: string | null,
    @Arg('territoryId', () => ID, { nullable: true }) territoryId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<KolScore[]> {
    const args = { metric: metric ?? InfluenceMetric.PAGERANK, therapeuticAreaId, territoryId, first: first ?? 20 };
    return (await kolRanking(await snapshotOf(ctx), args, MAX_FIRST)) as KolScore[];
  }

  @Query(() => CommunityResult, { description: 'A partition of all HCPs into communities (Louvain, weighted) and its modularity.' })
  async communities(@Ctx() ctx: GraphContext): Promise<CommunityResult> {
    const snapshot = await snapshotOf(ctx);
    return { modularity: snapshot.communities().modularity, communities: communityList(snapshot) };
  }

  @Query(() => [CoverageGap], { description: 'HCPs of the territory with no relationship to any MSL, by descending PageRank (then id).' })
  async coverageGaps(
    @Arg('territoryId', () => ID) territoryId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<CoverageGap[]> {
    const size = intArg(first ?? 10, 'first', 1, MAX_FIRST);
    const snapshot = await snapshotOf(ctx);
    if (!snapshot.projection.territoryIds.has(territoryId)) throw new NotFoundError('Territory', territoryId);
    const covered = coveredHcps(snapshot);
    const pagerank = await snapshot.pagerank();
    const inGap = (v: number) => snapshot.projection.attributes.territory[v] === territoryId && !covered[v];
    return take(await snapshot.order('PAGERANK'), inGap, size).map(
      (v) => ({ influence: pagerank[v], hcpId: snapshot.net.hcpIds[v] }) as CoverageGap,
    );
  }

  @Query(() => EgoNetwork, {
    description:
      "An HCP's sphere of influence: HCPs within `hops` ties of weight ≥ minWeight and the ties among them, closest and strongest first, at most `first` HCPs.",
  })
  async egoNetwork(
    @Arg('hcpId', () => ID) hcpId: string,
    @Arg('hops', () => Int, { nullable: true, defaultValue: 1 }) hops: number | null,
    @Arg('minWeight', () => Float, { nullable: true, defaultValue: 0 }) minWeight: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<EgoNetwork> {
    const depth = intArg(hops ?? 1, 'hops', 1, 3);
    const size = intArg(first ?? 100, 'first', 1, 2000);
    const threshold = minWeight ?? 0;
    if (!(threshold >= 0 && threshold <= 1)) throw new ValidationError('minWeight', 'must be between 0 and 1');
    const snapshot = await snapshotOf(ctx);
    const ego = knownNodes('HCP', () => egoNetwork(snapshot.net, hcpId, depth, threshold, size + 1));
    const nodes = ego.nodes.slice(0, size);
    const kept = new Set(nodes.map((node) => node.id));
    const { membership } = snapshot.communities();
    const pagerank = await snapshot.pagerank();
    return {
      truncated: ego.nodes.length > size,
      nodes: nodes.map(
        (node) =>
          ({
            id: derivedId('EgoNode', hcpId, String(depth), String(threshold), node.id),
            hcpId: node.id,
            hops: node.hops,
            pagerank: pagerank[node.index],
            communityId: communityId(membership[node.index]),
          }) as EgoNode,
      ),
      edges: ego.edges
        .filter((edge) => kept.has(edge.source) && kept.has(edge.target))
        .map((edge) => ({
          id: derivedId('EgoEdge', edge.source, edge.target),
          sourceId: edge.source,
          targetId: edge.target,
          weight: edge.weight,
          types: edge.types,
          linkTypes: edge.types as LinkType[],
        })),
    };
  }
}

type EgoNode = EgoNetwork['nodes'][number];

function coveredHcps(snapshot: NetworkSnapshot): Uint8Array {
  const covered = new Uint8Array(snapshot.size);
  const { targets } = snapshot.net.msl;
  for (let e = 0; e < targets.length; e++) covered[targets[e]] = 1;
  return covered;
}
