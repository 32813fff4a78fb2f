import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { HCP } from '../hcp/hcp.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { publicationLoaders } from './publication.loaders';
import { Publication, PublicationConnection } from './publication.type';
import { KeyPart } from '../common/cursor';
import { PageArgs, pageOfList, windowOf } from '../common/pagination';

const ORDER: KeyPart[] = [{ kind: 'number', desc: true }, { kind: 'string' }];

@Resolver(() => Publication)
export class PublicationResolver {
  @FieldResolver(() => TherapeuticArea, { nullable: true })
  therapeuticArea(@Root() publication: Publication, @Ctx() ctx: GraphContext): Promise<TherapeuticArea | null> {
    return publication.therapeuticAreaId
      ? ctx.loaders.get(referenceLoaders).therapeuticArea.load(publication.therapeuticAreaId)
      : Promise.resolve(null);
  }

  @FieldResolver(() => [HCP], { description: 'Authors in author order (first author first).' })
  authors(@Root() publication: Publication, @Ctx() ctx: GraphContext): Promise<HCP[]> {
    return ctx.loaders.get(publicationLoaders).authors.load(publication.id);
  }
}

@Resolver(() => HCP)
export class HcpPublicationsResolver {
  @FieldResolver(() => PublicationConnection, {
    description: 'Publications this HCP authored, newest year first (unknown year last), then id, paginated.',
  })
  async publicationsConnection(
    @Root() hcp: HCP,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PublicationConnection> {
    const window = windowOf(args, info, ctx.app.config.maxFirst, ORDER);
    return pageOfList(await ctx.loaders.get(publicationLoaders).ofHcp.load(hcp.id), (p) => [p.year ?? -1, p.id], ORDER, window);
  }

  @FieldResolver(() => [Publication], { description: 'Publications this HCP authored, newest year first, then id.' })
  publications(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Publication[]> {
    return ctx.loaders.get(publicationLoaders).ofHcp.load(hcp.id);
  }
}
