import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { ValidationError } from '../../errors';
import { PageArgs, windowOf } from '../common/pagination';
import { optionalIsoDateArg, orderedDates } from '../common/validate';
import { GraphContext } from '../context';
import { PLAN_ORDER, planPages } from './planning.pages';
import { PlanQuery } from './planning.repository';
import { PlanStatus, PlannedInteraction, PlannedInteractionConnection } from './planning.type';

/** The criteria of `plannedInteractions` and its connection, checked: an MSL or an HCP, ISO dates in order. */
export function planQuery(
  mslId: string | null,
  hcpId: string | null,
  from: string | null,
  to: string | null,
  status: PlanStatus | null,
): PlanQuery {
  if ((mslId ?? '') === '' && (hcpId ?? '') === '') throw new ValidationError('mslId', 'give mslId, hcpId or both');
  const range = { from: optionalIsoDateArg(from, 'from'), to: optionalIsoDateArg(to, 'to') };
  orderedDates(range.from, range.to);
  return { mslId: mslId || null, hcpId: hcpId || null, ...range, status: status ?? null };
}

/** The paged twin of `plannedInteractions`. */
@Resolver(() => PlannedInteraction)
export class PlannedInteractionConnectionResolver {
  @Query(() => PlannedInteractionConnection, {
    description:
      'Planned interactions of an MSL and/or an HCP (at least one), optionally between two dates (inclusive) and of one status, by date then id, paginated (the paged twin of `plannedInteractions`).',
  })
  plannedInteractionsConnection(
    @Arg('mslId', () => ID, { nullable: true }) mslId: string | null,
    @Arg('hcpId', () => ID, { nullable: true }) hcpId: string | null,
    @Arg('from', () => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) to: string | null,
    @Arg('status', () => PlanStatus, { nullable: true, description: 'Default: every status.' }) status: PlanStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PlannedInteractionConnection> {
    const query = planQuery(mslId, hcpId, from, to, status);
    return planPages.page(ctx.db, query, windowOf(page, info, ctx.app.config.maxFirst, PLAN_ORDER));
  }
}
