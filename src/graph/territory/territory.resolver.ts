import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { byId, loadPage } from '../common/keyed-page';
import { PageArgs } from '../common/pagination';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCPConnection } from '../hcp/hcp.type';
import { Institution, InstitutionConnection } from '../institution/institution.type';
import { MSL, MSLConnection } from '../msl/msl.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { territoryLoaders } from './territory.loaders';
import { TerritoryRepository } from './territory.repository';
import { Territory } from './territory.type';

@Resolver(() => Territory)
export class TerritoryResolver {
  @Query(() => Territory, { nullable: true, description: 'One territory by id; null when there is none.' })
  territory(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<Territory | null> {
    return ctx.loaders.get(referenceLoaders).territory.load(id);
  }

  @Query(() => [Territory], { description: 'All territories, by id.' })
  territories(@Ctx() ctx: GraphContext): Promise<Territory[]> {
    return new TerritoryRepository(ctx.db).all();
  }

  @FieldResolver(() => HCPConnection, { description: 'HCPs in the territory, by id.' })
  hcps(
    @Root() territory: Territory,
    @Ctx() ctx: GraphContext,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HCPConnection> {
    return loadPage(ctx.loaders.get(hcpLoaders).ofTerritory, territory.id, byId, page, info, ctx.app.config.maxFirst);
  }

  @FieldResolver(() => InstitutionConnection, { description: 'Institutions in the territory, by id, paginated.' })
  institutionsConnection(
    @Root() territory: Territory,
    @Ctx() ctx: GraphContext,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstitutionConnection> {
    return loadPage(ctx.loaders.get(territoryLoaders).institutionPages, territory.id, byId, page, info, ctx.app.config.maxFirst);
  }

  @FieldResolver(() => MSLConnection, { description: 'MSLs covering the territory, by id, paginated.' })
  mslsConnection(
    @Root() territory: Territory,
    @Ctx() ctx: GraphContext,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MSLConnection> {
    return loadPage(ctx.loaders.get(territoryLoaders).mslPages, territory.id, byId, page, info, ctx.app.config.maxFirst);
  }

  @FieldResolver(() => [Institution], {
    description: 'Institutions in the territory, by id (the whole list; `institutionsConnection` pages it).',
  })
  institutions(@Root() territory: Territory, @Ctx() ctx: GraphContext): Promise<Institution[]> {
    return ctx.loaders.get(territoryLoaders).institutions.load(territory.id);
  }

  @FieldResolver(() => [MSL], { description: 'MSLs covering the territory, by id (the whole list; `mslsConnection` pages it).' })
  msls(@Root() territory: Territory, @Ctx() ctx: GraphContext): Promise<MSL[]> {
    return ctx.loaders.get(territoryLoaders).msls.load(territory.id);
  }
}
