import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { GraphContext } from '../context';
import { referenceLoaders } from '../reference/reference.loaders';
import { TherapeuticAreaRepository } from './therapeutic-area.repository';
import { TherapeuticArea } from './therapeutic-area.type';

@Resolver(() => TherapeuticArea)
export class TherapeuticAreaResolver {
  @Query(() => TherapeuticArea, { nullable: true, description: 'One therapeutic area by id; null when there is none.' })
  therapeuticArea(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<TherapeuticArea | null> {
    return ctx.loaders.get(referenceLoaders).therapeuticArea.load(id);
  }

  @Query(() => [TherapeuticArea], { description: 'All therapeutic areas, by id.' })
  therapeuticAreas(@Ctx() ctx: GraphContext): Promise<TherapeuticArea[]> {
    return new TherapeuticAreaRepository(ctx.db).all();
  }
}
