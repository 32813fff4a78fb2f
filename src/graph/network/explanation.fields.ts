import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { HCP } from '../hcp/hcp.type';
import { communityId, hcpById, snapshotOf } from './network.context';
import { NetworkSnapshot } from '../../network/snapshot';
import {
  BetweennessExplanation,
  CompositeExplanation,
  CompositeSignalKind,
  InfluenceExplanation,
  PageRankContributor,
  PageRankExplanation,
} from './explanation.type';
import { Community, Influence } from './network.type';
import { intArg } from '../common/validate';

@Resolver(() => Influence)
export class InfluenceExplanationField {
  @FieldResolver(() => InfluenceExplanation, {
    description: 'Why each score is what it is: PageRank inflows, the communities bridged, the COMPOSITE signals.',
  })
  explanation(@Root() influence: Influence): InfluenceExplanation {
    return { index: influence.index };
  }
}

@Resolver(() => InfluenceExplanation)
export class InfluenceExplanationFields {
  @FieldResolver(() => PageRankExplanation)
  async pagerank(@Root() explanation: InfluenceExplanation, @Ctx() ctx: GraphContext): Promise<PageRankExplanation> {
    const snapshot = await snapshotOf(ctx);
    const parts = await snapshot.pagerankParts(explanation.index);
    const inflow = parts.inflows.reduce((sum, part) => sum + part.amount, 0);
    return {
      score: (await snapshot.pagerank())[explanation.index],
      inNeighbours: parts.inflows.length,
      inflowShare: inflow / parts.total,
      danglingShare: parts.dangling / parts.total,
      teleportShare: parts.teleport / parts.total,
      inflows: parts.inflows,
      total: parts.total,
    };
  }

  @FieldResolver(() => BetweennessExplanation)
  async betweenness(@Root() explanation: InfluenceExplanation, @Ctx() ctx: GraphContext): Promise<BetweennessExplanation> {
    const snapshot = await snapshotOf(ctx);
    const v = explanation.index;
    return {
      score: (await snapshot.betweenness())[v],
      community: communityOf(snapshot, snapshot.communities().membership[v]),
      bridges: snapshot
        .bridgedCommunities(v)
        .map(({ community, ties, weight }) => ({ community: communityOf(snapshot, community), ties, weight })),
    };
  }

  @FieldResolver(() => CompositeExplanation)
  async composite(@Root() explanation: InfluenceExplanation, @Ctx() ctx: GraphContext): Promise<CompositeExplanation> {
    const snapshot = await snapshotOf(ctx);
    const v = explanation.index;
    const signals = (await snapshot.compositeSignals()).map(({ signal, weight, values, percentiles }) => ({
      signal: CompositeSignalKind[signal],
      value: values[v],
      percentile: percentiles[v],
      weight,
      contribution: weight * percentiles[v],
    }));
    return { score: (await snapshot.composite())[v], signals };
  }
}

@Resolver(() => PageRankExplanation)
export class PageRankExplanationFields {
  @FieldResolver(() => [PageRankContributor], { description: 'The in-neighbours bringing the most, largest amount first (then id).' })
  async contributors(
    @Root() explanation: PageRankExplanation,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<PageRankContributor[]> {
    const size = intArg(first ?? 5, 'first', 1, ctx.app.config.maxFirst);
    const { net } = await snapshotOf(ctx);
    return explanation.inflows
      .slice(0, size)
      .map(
        ({ index, amount, fraction }) =>
          ({ hcpId: net.hcpIds[index], amount, fraction, share: amount / explanation.total }) as PageRankContributor,
      );
  }
}

@Resolver(() => PageRankContributor)
export class PageRankContributorFields {
  @FieldResolver(() => HCP)
  hcp(@Root() contributor: PageRankContributor, @Ctx() ctx: GraphContext): Promise<HCP> {
    return hcpById(ctx, contributor.hcpId);
  }
}

function communityOf(snapshot: NetworkSnapshot, index: number): Community {
  return { id: communityId(index), size: snapshot.communities().members[index].length, index };
}
