import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { KeyPart } from '../common/cursor';
import { Page, PageArgs, pageOfList, windowOf } from '../common/pagination';
import { GraphContext } from '../context';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP, HCPConnection } from '../hcp/hcp.type';
import { snapshotOf } from './network.context';
import { Community, CommunityConnection, CommunityResult } from './network.type';

const BY_ID: KeyPart[] = [{ kind: 'string' }];
/** Largest first, then by index (the order of `communities`). */
const BY_SIZE: KeyPart[] = [{ kind: 'number', desc: true }, { kind: 'number' }];

/** A page of ids as a page of the HCPs they name (one batched read for the page). */
async function hcpPage(ctx: GraphContext, page: Page<string>): Promise<Page<HCP>> {
  const hcps = await ctx.loaders.get(hcpLoaders).byId.loadMany(page.edges.map((edge) => edge.node));
  const edges = page.edges.flatMap((edge, i) => {
    const hcp = hcps[i];
    return hcp && !(hcp instanceof Error) ? [{ cursor: edge.cursor, node: hcp }] : [];
  });
  return { ...page, edges };
}

@Resolver(() => Community)
export class CommunityConnectionFields {
  @FieldResolver(() => HCPConnection, { description: 'The members, by id, paginated.' })
  async membersConnection(
    @Root() community: Community,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HCPConnection> {
    const window = windowOf(args, info, ctx.app.config.maxFirst, BY_ID);
    const snapshot = await snapshotOf(ctx);
    const ids = Array.from(snapshot.communities().members[community.index] ?? [], (v) => snapshot.net.hcpIds[v]);
    return hcpPage(
      ctx,
      pageOfList(ids, (id) => [id], BY_ID, window),
    );
  }
}

@Resolver(() => CommunityResult)
export class CommunityResultConnectionFields {
  @FieldResolver(() => CommunityConnection, { description: 'The communities, largest first (then as `communities`), paginated.' })
  communitiesConnection(
    @Root() result: CommunityResult,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): CommunityConnection {
    const window = windowOf(args, info, ctx.app.config.maxFirst, BY_SIZE);
    return pageOfList(result.communities, (c) => [c.size, c.index], BY_SIZE, window);
  }
}
