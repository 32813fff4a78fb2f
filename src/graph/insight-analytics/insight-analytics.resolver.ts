import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { GraphContext } from '../context';
import { PageArgs, windowOf } from '../common/pagination';
import { INSIGHT_ORDER } from '../insight/insight.repository';
import { Audience } from '../insight/insight.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { InsightConnection, InsightFilter, InsightTrends } from './insight-analytics.type';
import { InsightAnalyticsRepository, InsightCriteria } from './insight-analytics.repository';
import { optionalIsoDateArg, orderedDates } from '../common/validate';
import { addDays } from '../../engagement/dates';

/** Insights for the teams that need them, and their trends. Capturing is the domain's captureInsight. */
@Resolver()
export class InsightAnalyticsResolver {
  @Query(() => InsightConnection, {
    description: 'Insights matching the filter (e.g. one audience), newest first (then id), paginated.',
  })
  async insights(
    @Arg('filter', () => InsightFilter, { nullable: true }) filter: InsightFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InsightConnection> {
    const window = windowOf(page, info, ctx.app.config.maxFirst, INSIGHT_ORDER);
    return new InsightAnalyticsRepository(ctx.db).page(toCriteria(filter ?? {}), window);
  }

  @Query(() => InsightTrends, {
    description:
      'Insight counts per month (UTC) by category and by therapeutic area, between two ISO dates (inclusive; open when omitted).',
  })
  async insightTrends(
    @Arg('from', () => String, { nullable: true }) from: string | null,
    @Arg('to', () => String, { nullable: true }) to: string | null,
    @Arg('audience', () => Audience, { nullable: true }) audience: Audience | null,
    @Ctx() ctx: GraphContext,
  ): Promise<InsightTrends> {
    const criteria = toCriteria({ from, to, audience });
    const repository = new InsightAnalyticsRepository(ctx.db);
    const [byCategory, byArea] = await Promise.all([repository.byCategory(criteria), repository.byArea(criteria)]);
    const loader = ctx.loaders.get(referenceLoaders).therapeuticArea;
    const areas = await Promise.all(byArea.map((row) => (row.areaId ? loader.load(row.areaId) : null)));
    return {
      total: byCategory.reduce((sum, row) => sum + row.count, 0),
      byCategory,
      byTherapeuticArea: byArea.map((row, i) => ({ month: row.month, count: row.count, therapeuticArea: areas[i] })),
    };
  }
}

function toCriteria(filter: InsightFilter): InsightCriteria {
  const from = optionalIsoDateArg(filter.from, 'from');
  const to = optionalIsoDateArg(filter.to, 'to');
  orderedDates(from, to);
  const category = filter.category?.trim() || null;
  return {
    audience: filter.audience ?? null,
    therapeuticAreaId: filter.therapeuticAreaId || null,
    category,
    from,
    toExclusive: to === null ? null : addDays(to, 1),
  };
}
