import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { similarHcps } from '../../network/similar';
import { GraphContext } from '../context';
import { HCP } from '../hcp/hcp.type';
import { intArg } from '../common/validate';
import { hcpById, knownNodes, snapshotOf } from '../network/network.context';
import { SimilarHcp, SimilarityMode } from './similar.type';

@Resolver()
export class SimilarResolver {
  @Query(() => [SimilarHcp], {
    description:
      'Lookalikes of an HCP: by default the Jaccard similarity |N(a) ∩ N(b)| / |N(a) ∪ N(b)| of the HCPs tied to each (any link type, either direction), ' +
      'over the HCPs sharing at least one; by score descending, then id.',
  })
  async similarHcps(
    @Arg('hcpId', () => ID) hcpId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Arg('mode', () => SimilarityMode, { nullable: true, defaultValue: SimilarityMode.NETWORK }) mode: SimilarityMode | null,
    @Ctx() ctx: GraphContext,
  ): Promise<SimilarHcp[]> {
    const size = intArg(first ?? 10, 'first', 1, ctx.app.config.maxFirst);
    const snapshot = await snapshotOf(ctx);
    const { net, attributes } = snapshot.projection;
    const found = knownNodes('HCP', () => similarHcps(net, hcpId, size, mode ?? SimilarityMode.NETWORK, attributes));
    return found.map(({ index, score, shared }) => ({ hcpId: net.hcpIds[index], score, shared }) as SimilarHcp);
  }
}

@Resolver(() => SimilarHcp)
export class SimilarHcpFields {
  @FieldResolver(() => HCP)
  hcp(@Root() similar: SimilarHcp, @Ctx() ctx: GraphContext): Promise<HCP> {
    return hcpById(ctx, similar.hcpId);
  }
}
