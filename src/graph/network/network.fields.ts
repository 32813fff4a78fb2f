import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { NetworkNode } from '../common/network-node';
import { GraphContext } from '../context';
import { HCP } from '../hcp/hcp.type';
import { mslLoaders } from '../msl/msl.loaders';
import { communityId, hcpById, hcpsById, snapshotOf } from './network.context';
import { intArg } from '../common/validate';
import { influenceOf } from './network.node';
import { Community, CoverageGap, EgoNode, Influence, IntroductionPath, KolScore } from './network.type';

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
  @FieldResolver(() => [HCP], { description: 'Every member, by id (the whole list; `membersConnection` pages it).' })
  async members(@Root() community: Community, @Ctx() ctx: GraphContext): Promise<HCP[]> {
    const snapshot = await snapshotOf(ctx);
    const members = snapshot.communities().members[community.index];
    return hcpsById(
      ctx,
      Array.from(members, (v) => snapshot.net.hcpIds[v]),
    );
  }

  @FieldResolver(() => [HCP], { description: 'Members with the highest PageRank, highest first.' })
  async topKols(
    @Root() community: Community,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<HCP[]> {
    const size = intArg(first ?? 5, 'first', 1, 10000);
    const snapshot = await snapshotOf(ctx);
    const { membership } = snapshot.communities();
    const order = await snapshot.order('PAGERANK');
    const ids: string[] = [];
    for (let i = 0; i < order.length && ids.length < size; i++)
      if (membership[order[i]] === community.index) ids.push(snapshot.net.hcpIds[order[i]]);
    return hcpsById(ctx, ids);
  }

  @FieldResolver(() => [HCP], { description: 'Members with the most tie weight to other communities (the bridges), most first.' })
  async bridges(
    @Root() community: Community,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<HCP[]> {
    const size = intArg(first ?? 5, 'first', 1, 10000);
    const snapshot = await snapshotOf(ctx);
    const { members, externalWeight } = snapshot.communities();
    const bridges = Array.from(members[community.index])
      .filter((v) => externalWeight[v] > 0)
      .sort((a, b) => externalWeight[b] - externalWeight[a] || a - b)
      .slice(0, size);
    return hcpsById(
      ctx,
      bridges.map((v) => snapshot.net.hcpIds[v]),
    );
  }
}

@Resolver(() => HCP)
export class HcpNetworkFields {
  @FieldResolver(() => Influence, {
    nullable: true,
    description: 'Influence over the whole network (null if the HCP was deleted meanwhile).',
  })
  influence(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Influence | null> {
    return influenceOf(ctx, hcp.id);
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

@Resolver(() => Influence)
export class InfluenceFields {
  @FieldResolver(() => Float)
  async pagerank(@Root() influence: Influence, @Ctx() ctx: GraphContext): Promise<number> {
    return (await (await snapshotOf(ctx)).pagerank())[influence.index];
  }

  @FieldResolver(() => Float, {
    description:
      'Normalized betweenness: exact when its computation (O(n·m), background threads) finishes within BETWEENNESS_BUDGET_MS of a change, ' +
      'else the sampled estimate so far (kolRanking(metric: BETWEENNESS) says which, with the error bound).',
  })
  async betweenness(@Root() influence: Influence, @Ctx() ctx: GraphContext): Promise<number> {
    return (await (await snapshotOf(ctx)).betweenness())[influence.index];
  }

  @FieldResolver(() => Int, { description: 'Distinct HCPs linked, either direction.' })
  async degree(@Root() influence: Influence, @Ctx() ctx: GraphContext): Promise<number> {
    return (await snapshotOf(ctx)).degree()[influence.index];
  }

  @FieldResolver(() => Float, { description: 'PageRank over co-authorship and co-investigator ties only (scientific influence).' })
  async scientificPagerank(@Root() influence: Influence, @Ctx() ctx: GraphContext): Promise<number> {
    return (await (await snapshotOf(ctx)).scientificPagerank())[influence.index];
  }

  @FieldResolver(() => Float, { description: 'PageRank over referrals only (clinical influence: who receives patients).' })
  async referralPagerank(@Root() influence: Influence, @Ctx() ctx: GraphContext): Promise<number> {
    return (await (await snapshotOf(ctx)).referralPagerank())[influence.index];
  }

  @FieldResolver(() => Int, { description: 'Rank by PageRank over all HCPs, from 1 (equal scores by id).' })
  async rank(@Root() influence: Influence, @Ctx() ctx: GraphContext): Promise<number> {
    return (await (await snapshotOf(ctx)).ranks('PAGERANK'))[influence.index];
  }

  @FieldResolver(() => Float, { description: 'Share of the other HCPs ranked below this one by PageRank, 0..100.' })
  async percentile(@Root() influence: Influence, @Ctx() ctx: GraphContext): Promise<number> {
    const snapshot = await snapshotOf(ctx);
    const rank = (await snapshot.ranks('PAGERANK'))[influence.index];
    return snapshot.size > 1 ? (100 * (snapshot.size - rank)) / (snapshot.size - 1) : 100;
  }
}
