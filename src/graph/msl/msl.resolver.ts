import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { runMutation } from '../common/mutation';
import { byId } from '../common/keyed-page';
import { PageArgs, windowOf } from '../common/pagination';
import { Reference } from '../common/references';
import { refId } from '../common/validate';
import { referenceLoaders } from '../reference/reference.loaders';
import { Territory } from '../territory/territory.type';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { mslLoaders } from './msl.loaders';
import { CreateMslInput, UpdateMslInput } from './msl.input';
import { MslRepository, toMsl } from './msl.repository';
import { checkCreateMsl, checkUpdateMsl } from './msl.validate';
import { MslRefs, mslWrites } from './msl.writes';
import { MSL, MSLConnection } from './msl.type';
import { AdminOnly } from '../auth';

@Resolver(() => MSL)
export class MslResolver {
  @Query(() => MSL, { nullable: true, description: 'One MSL by id; null when there is none.' })
  msl(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<MSL | null> {
    return ctx.loaders.get(mslLoaders).byId.load(id);
  }

  @Query(() => [MSL], { description: 'All MSLs, by id (the whole list; `mslsConnection` pages it).' })
  msls(@Ctx() ctx: GraphContext): Promise<MSL[]> {
    return new MslRepository(ctx.db).all();
  }

  @Query(() => MSLConnection, { description: 'All MSLs, by id, paginated.' })
  mslsConnection(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo): Promise<MSLConnection> {
    return new MslRepository(ctx.db).page(windowOf(page, info, ctx.app.config.maxFirst, byId));
  }

  @FieldResolver(() => Territory, { nullable: true, description: 'The territory the MSL covers.' })
  territory(@Root() msl: MSL, @Ctx() ctx: GraphContext): Promise<Territory | null> {
    return ctx.loaders.get(referenceLoaders).mslTerritory.load(msl.id);
  }

  @FieldResolver(() => [TherapeuticArea])
  therapeuticAreas(@Root() msl: MSL, @Ctx() ctx: GraphContext): Promise<TherapeuticArea[]> {
    return ctx.loaders.get(referenceLoaders).mslAreas.load(msl.id);
  }

  @AdminOnly()
  @Mutation(() => MSL, {
    description: 'Creates an MSL. A given id must be new (else BAD_USER_INPUT on `id`); references must exist (else NOT_FOUND).',
  })
  async createMsl(@Arg('input', () => CreateMslInput) input: CreateMslInput, @Ctx() ctx: GraphContext): Promise<MSL> {
    const { id, fields, refs } = checkCreateMsl(input);
    return runMutation(ctx, {
      creates: { label: 'MSL', id, entity: 'MSL' },
      requires: references(refs),
      write: (tx) => mslWrites.create(tx, id, fields, refs),
      networkChange: { msls: [id] },
      answer: toMsl,
    });
  }

  @AdminOnly()
  @Mutation(() => MSL, {
    description: 'Changes an MSL: absent fields stay, null clears an optional field. Unknown MSL or reference: NOT_FOUND.',
  })
  async updateMsl(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMslInput) input: UpdateMslInput,
    @Ctx() ctx: GraphContext,
  ): Promise<MSL> {
    refId(id, 'id');
    const { fields, refs } = checkUpdateMsl(input);
    return runMutation(ctx, {
      requires: [{ label: 'MSL', ids: [id] }, ...references(refs)],
      write: (tx) => mslWrites.update(tx, id, fields, refs),
      answer: toMsl,
    });
  }
}

function references(refs: MslRefs): Reference[] {
  return [
    { label: 'Territory', ids: [refs.territoryId] },
    { label: 'TherapeuticArea', entity: 'Therapeutic area', ids: refs.therapeuticAreaIds ?? [] },
  ];
}
