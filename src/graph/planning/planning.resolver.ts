import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConflictError, ValidationError } from '../../errors';
import { ActsForMsl } from '../auth';
import { runMutation } from '../common/mutation';
import { GraphContext } from '../context';
import { checkFirst } from '../common/pagination';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { mslLoaders } from '../msl/msl.loaders';
import { MSL } from '../msl/msl.type';
import { liveEvent } from '../live/live.events';
import { NewPlan, PlanningRepository, planningWrites } from './planning.repository';
import { PlannedInteraction, ScheduleInteractionInput, ScheduleResult, SchedulingConflict } from './planning.type';
import { isoDateArg, optionalIsoDateArg, orderedDates, refId } from '../common/validate';
import { addDays, isoDate } from '../../engagement/dates';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MAX_TOPIC = 200;

/** Planned interactions and double-booking detection. */
@Resolver(() => PlannedInteraction)
export class PlanningResolver {
  @ActsForMsl('input.mslId')
  @Mutation(() => ScheduleResult, {
    description:
      'Plans an interaction. When other MSLs plan the same HCP within SCHEDULING_CONFLICT_DAYS of the date, the result lists them ' +
      '(and with rejectOnConflict: true the call fails with CONFLICT and writes nothing). Unknown MSL or HCP: NOT_FOUND.',
  })
  async scheduleInteraction(
    @Arg('input', () => ScheduleInteractionInput) input: ScheduleInteractionInput,
    @Ctx() ctx: GraphContext,
  ): Promise<ScheduleResult> {
    const plan = checkPlan(input);
    const windowDays = ctx.app.config.schedulingConflictDays;
    const result = await runMutation(ctx, {
      creates: { label: 'PlannedInteraction', id: plan.id, entity: 'planned interaction' },
      requires: [
        { label: 'MSL', ids: [plan.mslId] },
        { label: 'HCP', ids: [plan.hcpId] },
      ],
      write: async (tx) => {
        const planned = await planningWrites.create(tx, plan);
        const conflicts = await planningWrites.conflicts(tx, plan, windowDays);
        if (conflicts.length > 0 && input.rejectOnConflict) {
          const first = conflicts[0].plan;
          throw new ConflictError(
            `${plan.hcpId} is already planned by ${first.mslId} on ${first.date} (within ${windowDays} days of ${plan.date}); nothing was scheduled`,
            {
              field: 'date',
              conflicts: conflicts.map((c) => ({ mslId: c.plan.mslId, date: c.plan.date, plannedInteractionId: c.plan.id })),
            },
          );
        }
        return { planned, conflicts };
      },
      liveEvents: ({ conflicts }) =>
        liveEvent.schedulingConflict(
          plan,
          conflicts.map((c) => c.plan),
        ),
    });
    const msls = await ctx.loaders.get(mslLoaders).byId.loadMany(result.conflicts.map((c) => c.plan.mslId));
    const conflicts: SchedulingConflict[] = result.conflicts.flatMap((c, i) => {
      const msl = msls[i];
      return msl && !(msl instanceof Error) ? [{ msl, date: c.plan.date, daysApart: c.daysApart, plannedInteraction: c.plan }] : [];
    });
    return { planned: result.planned, conflicts, windowDays };
  }

  @Query(() => [PlannedInteraction], {
    description: 'Planned interactions of an MSL and/or an HCP (at least one), optionally between two dates (inclusive), by date then id.',
  })
  async plannedInteractions(
    @Arg('mslId', () => ID, { nullable: true }) mslId: string | null,
    @Arg('hcpId', () => ID, { nullable: true }) hcpId: string | null,
    @Arg('from', () => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) to: string | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: GraphContext,
  ): Promise<PlannedInteraction[]> {
    if ((mslId ?? '') === '' && (hcpId ?? '') === '') throw new ValidationError('mslId', 'give mslId, hcpId or both');
    const size = checkFirst(first, ctx.app.config.maxFirst);
    const range = { from: optionalIsoDateArg(from, 'from'), to: optionalIsoDateArg(to, 'to') };
    orderedDates(range.from, range.to);
    return new PlanningRepository(ctx.db).list({ mslId: mslId || null, hcpId: hcpId || null, ...range }, size);
  }

  @FieldResolver(() => MSL, { nullable: true })
  msl(@Root() plan: PlannedInteraction, @Ctx() ctx: GraphContext): Promise<MSL | null> {
    return ctx.loaders.get(mslLoaders).byId.load(plan.mslId);
  }

  @FieldResolver(() => HCP, { nullable: true })
  hcp(@Root() plan: PlannedInteraction, @Ctx() ctx: GraphContext): Promise<HCP | null> {
    return ctx.loaders.get(hcpLoaders).byId.load(plan.hcpId);
  }
}

function checkPlan(input: ScheduleInteractionInput): NewPlan {
  const id = input.id ?? `plan-${randomUUID()}`;
  if (!ID_PATTERN.test(id))
    throw new ValidationError('id', 'must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit');
  const date = isoDateArg(input.date, 'date');
  if (date < addDays(isoDate(new Date()), -1)) throw new ValidationError('date', 'must not be in the past');
  const topic = (input.topic ?? '').trim();
  if (topic.length > MAX_TOPIC) throw new ValidationError('topic', `must be at most ${MAX_TOPIC} characters`);
  return {
    id,
    mslId: refId(input.mslId, 'mslId'),
    hcpId: refId(input.hcpId, 'hcpId'),
    date,
    channel: input.channel,
    topic: topic === '' ? null : topic,
  };
}
