import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { checkFirst, decodeCursor, toPage } from '../common/pagination';
import { Institution } from '../institution/institution.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { Territory } from '../territory/territory.type';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { hcpLoaders } from './hcp.loaders';
import { HcpFilter } from './hcp.input';
import { HcpRepository } from './hcp.repository';
import { HCP, HCPConnection } from './hcp.type';

@Resolver(() => HCP)
export class HcpResolver {
  @Query(() => HCP, { nullable: true, description: 'One HCP by id; null when there is none.' })
  hcp(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<HCP | null> {
    return ctx.loaders.get(hcpLoaders).byId.load(id);
  }

  @Query(() => HCPConnection, { description: 'HCPs matching the filter, by id (or by relevance with `search`), paginated.' })
  async hcps(
    @Arg('filter', () => HcpFilter, { nullable: true }) filter: HcpFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<HCPConnection> {
    const size = checkFirst(first ?? 20, ctx.app.config.maxFirst);
    const start = decodeCursor(after);
    const { rows, total } = await new HcpRepository(ctx.db).list(filter ?? {}, start, size + 1);
    const loader = ctx.loaders.get(hcpLoaders).byId;
    for (const hcp of rows) loader.prime(hcp.id, hcp);
    return toPage(rows, total, start, size);
  }

  @FieldResolver(() => Institution, { nullable: true })
  institution(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Institution | null> {
    return ctx.loaders.get(referenceLoaders).institutionOf.load(hcp.id);
  }

  @FieldResolver(() => Territory, { nullable: true })
  territory(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Territory | null> {
    return ctx.loaders.get(referenceLoaders).hcpTerritory.load(hcp.id);
  }

  @FieldResolver(() => [TherapeuticArea])
  therapeuticAreas(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<TherapeuticArea[]> {
    return ctx.loaders.get(referenceLoaders).hcpAreas.load(hcp.id);
  }
}
