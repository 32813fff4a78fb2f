import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { checkFirst } from '../common/pagination';
import { HcpFilter } from '../hcp/hcp.input';
import { searchWords } from '../hcp/hcp.search';
import { Facet, FacetRepository } from './facet.repository';
import { FacetValue, HcpFacets } from './facet.type';

/** Most values one facet list returns. */
export const MAX_FACET_VALUES = 100;

const firstArg = { defaultValue: 10, description: `At most this many values (1..${MAX_FACET_VALUES}).` };

/** Facet counts for filter UIs, over the same filter as `hcps`. */
@Resolver(() => HcpFacets)
export class FacetResolver {
  @Query(() => HcpFacets, {
    description:
      'Facet counts (territories, therapeutic areas, specialties, institutions) of the HCPs `hcps(filter:)` lists for the same filter: ask both in one query with one `$filter` variable. See HcpFacets for the order and the disjunctive rule.',
  })
  hcpFacets(@Arg('filter', () => HcpFilter, { nullable: true }) filter: HcpFilter | null): HcpFacets {
    const given = filter ?? {};
    searchWords(given); // a bad search text is BAD_USER_INPUT once, here, not once per list
    return { filter: given };
  }

  @FieldResolver(() => [FacetValue])
  territories(@Root() facets: HcpFacets, @Arg('first', () => Int, firstArg) first: number, @Ctx() ctx: GraphContext) {
    return count(ctx, 'territories', facets, first);
  }

  @FieldResolver(() => [FacetValue])
  therapeuticAreas(@Root() facets: HcpFacets, @Arg('first', () => Int, firstArg) first: number, @Ctx() ctx: GraphContext) {
    return count(ctx, 'therapeuticAreas', facets, first);
  }

  @FieldResolver(() => [FacetValue])
  specialties(@Root() facets: HcpFacets, @Arg('first', () => Int, firstArg) first: number, @Ctx() ctx: GraphContext) {
    return count(ctx, 'specialties', facets, first);
  }

  @FieldResolver(() => [FacetValue])
  institutions(@Root() facets: HcpFacets, @Arg('first', () => Int, firstArg) first: number, @Ctx() ctx: GraphContext) {
    return count(ctx, 'institutions', facets, first);
  }
}

function count(ctx: GraphContext, facet: Facet, facets: HcpFacets, first: number): Promise<FacetValue[]> {
  return new FacetRepository(ctx.db).count(facet, facets.filter, checkFirst(first, MAX_FACET_VALUES));
}
