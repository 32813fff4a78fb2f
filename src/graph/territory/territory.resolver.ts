import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { loadPage } from '../common/keyed-page';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCPConnection } from '../hcp/hcp.type';
import { Institution } from '../institution/institution.type';
import { MSL } from '../msl/msl.type';
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
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<HCPConnection> {
    return loadPage(ctx.loaders.get(hcpLoaders).ofTerritory, territory.id, first, after, ctx.app.config.maxFirst);
  }

  @FieldResolver(() => [Institution], { description: 'Institutions in the territory, by id.' })
  institutions(@Root() territory: Territory, @Ctx() ctx: GraphContext): Promise<Institution[]> {
    return ctx.loaders.get(territoryLoaders).institutions.load(territory.id);
  }

  @FieldResolver(() => [MSL], { description: 'MSLs covering the territory, by id.' })
  msls(@Root() territory: Territory, @Ctx() ctx: GraphContext): Promise<MSL[]> {
    return ctx.loaders.get(territoryLoaders).msls.load(territory.id);
  }
}
