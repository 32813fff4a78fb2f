import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { referenceLoaders } from '../reference/reference.loaders';
import { Territory } from '../territory/territory.type';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { mslLoaders } from './msl.loaders';
import { MslRepository } from './msl.repository';
import { MSL } from './msl.type';

@Resolver(() => MSL)
export class MslResolver {
  @Query(() => MSL, { nullable: true, description: 'One MSL by id; null when there is none.' })
  msl(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<MSL | null> {
    return ctx.loaders.get(mslLoaders).byId.load(id);
  }

  @Query(() => [MSL], { description: 'All MSLs, by id.' })
  msls(@Ctx() ctx: GraphContext): Promise<MSL[]> {
    return new MslRepository(ctx.db).all();
  }

  @FieldResolver(() => Territory, { nullable: true, description: 'The territory the MSL covers.' })
  territory(@Root() msl: MSL, @Ctx() ctx: GraphContext): Promise<Territory | null> {
    return ctx.loaders.get(referenceLoaders).mslTerritory.load(msl.id);
  }

  @FieldResolver(() => [TherapeuticArea])
  therapeuticAreas(@Root() msl: MSL, @Ctx() ctx: GraphContext): Promise<TherapeuticArea[]> {
    return ctx.loaders.get(referenceLoaders).mslAreas.load(msl.id);
  }
}
