import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { HCP } from '../hcp/hcp.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { publicationLoaders } from './publication.loaders';
import { Publication } from './publication.type';

@Resolver(() => Publication)
export class PublicationResolver {
  @FieldResolver(() => TherapeuticArea, { nullable: true })
  therapeuticArea(@Root() publication: Publication, @Ctx() ctx: GraphContext): Promise<TherapeuticArea | null> {
    return publication.therapeuticAreaId ? ctx.loaders.get(referenceLoaders).therapeuticArea.load(publication.therapeuticAreaId) : Promise.resolve(null);
  }

  @FieldResolver(() => [HCP], { description: 'Authors in author order (first author first).' })
  authors(@Root() publication: Publication, @Ctx() ctx: GraphContext): Promise<HCP[]> {
    return ctx.loaders.get(publicationLoaders).authors.load(publication.id);
  }
}

@Resolver(() => HCP)
export class HcpPublicationsResolver {
  @FieldResolver(() => [Publication], { description: 'Publications this HCP authored, newest year first, then id.' })
  publications(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Publication[]> {
    return ctx.loaders.get(publicationLoaders).ofHcp.load(hcp.id);
  }
}
