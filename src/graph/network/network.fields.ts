import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { NetworkNode } from '../common/network-node';
import { GraphContext } from '../context';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { mslLoaders } from '../msl/msl.loaders';
import { checkRange, communityId, snapshotOf } from './network.context';
import { Community, CoverageGap, EgoNode, Influence, IntroductionPath, KolScore } from './network.type';

/** Loads HCPs by id for results that carry only ids (one batched statement per request level). */
async function hcpsById(ctx: GraphContext, ids: string[]): Promise<HCP[]> {
  const hcps = await ctx.loaders.get(hcpLoaders).byId.loadMany(ids);
  return hcps.filter((hcp): hcp is HCP => hcp !== null && !(hcp instanceof Error));
}

async function hcpById(ctx: GraphContext, id: string): Promise<HCP> {
  const [hcp] = await hcpsById(ctx, [id]);
  return hcp;
}

@Resolver(() => KolScore)
export class KolScoreFields {
  @FieldResolver(() => HCP)
  hcp(@Root() score: KolScore, @Ctx() ctx: GraphContext): Promise<HCP> {
    return hcpById(ctx, score.hcpId);
  }
}

@Resolver(() => CoverageGap)
export class CoverageGapFields {
  @FieldResolver(() => HCP)
  hcp(@Root() gap: CoverageGap, @Ctx() ctx: GraphContext): Promise<HCP> {
    return hcpById(ctx, gap.hcpId);
  }
}

@Resolver(() => EgoNode)
export class EgoNodeFields {
  @FieldResolver(() => HCP)
  hcp(@Root() node: EgoNode, @Ctx() ctx: GraphContext): Promise<HCP> {
    return hcpById(ctx, node.hcpId);
  }
}

@Resolver(() => IntroductionPath)
export class IntroductionPathFields {
  @FieldResolver(() => [NetworkNode])
  async nodes(@Root() path: IntroductionPath, @Ctx() ctx: GraphContext): Promise<NetworkNode[]> {
    const [mslId, ...hcpIds] = path.ids;
    const [msl, hcps] = await Promise.all([ctx.loaders.get(mslLoaders).byId.load(mslId), hcpsById(ctx, hcpIds)]);
    return [...(msl ? [msl] : []), ...hcps];
  }
}

@Resolver(() => Community)
export class CommunityFields {
  @FieldResolver(() => [HCP], { description: 'Every member, by id.' })
  async members(@Root() community: Community, @Ctx() ctx: GraphContext): Promise<HCP[]> {
    const snapshot = await snapshotOf(ctx);
    const members = snapshot.communities().members[community.index];
    return hcpsById(ctx, Array.from(members, (v) => snapshot.net.hcpIds[v]));
  }

  @FieldResolver(() => [HCP], { description: 'Members with the highest PageRank, highest first.' })
  async topKols(@Root() community: Community, @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null, @Ctx() ctx: GraphContext): Promise<HCP[]> {
    const size = checkRange(first ?? 5, 1, 10000, 'first');
    const snapshot = await snapshotOf(ctx);
    const { membership } = snapshot.communities();
    const order = await snapshot.order('PAGERANK');
    const ids: string[] = [];
    for (let i = 0; i < order.length && ids.length < size; i++) if (membership[order[i]] === community.index) ids.push(snapshot.net.hcpIds[order[i]]);
    return hcpsById(ctx, ids);
  }

  @FieldResolver(() => [HCP], { description: 'Members with the most tie weight to other communities (the bridges), most first.' })
  async bridges(@Root() community: Community, @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null, @Ctx() ctx: GraphContext): Promise<HCP[]> {
    const size = checkRange(first ?? 5, 1, 10000, 'first');
    const snapshot = await snapshotOf(ctx);
    const { members, externalWeight } = snapshot.communities();
    const bridges = Array.from(members[community.index])
      .filter((v) => externalWeight[v] > 0)
      .sort((a, b) => externalWeight[b] - externalWeight[a] || a - b)
      .slice(0, size);
    return hcpsById(ctx, bridges.map((v) => snapshot.net.hcpIds[v]));
  }
}

@Resolver(() => HCP)
export class HcpNetworkFields {
  @FieldResolver(() => Influence, { nullable: true, description: 'Influence over the whole network (null if the HCP was deleted meanwhile).' })
  async influence(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Influence | null> {
    const snapshot = await snapshotOf(ctx);
    const v = snapshot.net.hcpIndex.get(hcp.id);
    if (v === undefined) return null;
    const [betweenness, ranks] = await Promise.all([snapshot.betweenness(), snapshot.ranks('PAGERANK')]);
    const n = snapshot.size;
    return {
      pagerank: snapshot.pagerank()[v],
      betweenness: betweenness[v],
      degree: snapshot.degree()[v],
      scientificPagerank: snapshot.scientificPagerank()[v],
      referralPagerank: snapshot.referralPagerank()[v],
      rank: ranks[v],
      percentile: n > 1 ? (100 * (n - ranks[v])) / (n - 1) : 100,
    };
  }

  @FieldResolver(() => Community, { nullable: true, description: 'The community the HCP belongs to.' })
  async community(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Community | null> {
    const snapshot = await snapshotOf(ctx);
    const v = snapshot.net.hcpIndex.get(hcp.id);
    if (v === undefined) return null;
    const { membership, members } = snapshot.communities();
    return { id: communityId(membership[v]), size: members[membership[v]].length, index: membership[v] };
  }
}

export const networkFieldResolvers = [KolScoreFields, CoverageGapFields, EgoNodeFields, IntroductionPathFields, CommunityFields, HcpNetworkFields] as const;
