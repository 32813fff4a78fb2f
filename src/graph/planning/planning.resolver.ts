import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ActsForMsl, OwnsPlannedInteraction } from '../auth';
import { GraphContext } from '../context';
import { checkFirst } from '../common/pagination';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { interactionLoaders } from '../interaction/interaction.loaders';
import { Channel, Interaction } from '../interaction/interaction.type';
import { mslLoaders } from '../msl/msl.loaders';
import { MSL } from '../msl/msl.type';
import { PlanningRepository } from './planning.repository';
import { PlanningService } from './planning.service';
import { CompletePlannedInteractionInput, PlanStatus, PlannedInteraction, ScheduleInteractionInput, ScheduleResult } from './planning.type';
import { planQuery } from './planning.connection';

/** Planned interactions, double-booking detection and a plan's life (planning.service.ts). */
@Resolver(() => PlannedInteraction)
export class PlanningResolver {
  @ActsForMsl('input.mslId')
  @Mutation(() => ScheduleResult, {
    description:
      'Plans an interaction. When other MSLs plan the same HCP within SCHEDULING_CONFLICT_DAYS of the date, the result lists them ' +
      '(and with rejectOnConflict: true the call fails with CONFLICT and writes nothing). Unknown MSL or HCP: NOT_FOUND.',
  })
  scheduleInteraction(
    @Arg('input', () => ScheduleInteractionInput) input: ScheduleInteractionInput,
    @Ctx() ctx: GraphContext,
  ): Promise<ScheduleResult> {
    return new PlanningService(ctx).schedule(input);
  }

  @OwnsPlannedInteraction('id')
  @Mutation(() => ScheduleResult, {
    description:
      'Moves a PLANNED plan to another date (today or later) and optionally channel. Conflicts as for scheduleInteraction, at the new date ' +
      '(with rejectOnConflict: true, CONFLICT and nothing written). A completed or cancelled plan: BAD_USER_INPUT. ADMIN, or the MSL who planned it.',
  })
  reschedulePlannedInteraction(
    @Arg('id', () => ID) id: string,
    @Arg('date', { description: 'ISO 8601 date (YYYY-MM-DD), today or later (UTC, one day of slack).' }) date: string,
    @Arg('channel', () => Channel, { nullable: true, description: 'Default: unchanged.' }) channel: Channel | null,
    @Arg('rejectOnConflict', { defaultValue: false }) rejectOnConflict: boolean,
    @Ctx() ctx: GraphContext,
  ): Promise<ScheduleResult> {
    return new PlanningService(ctx).reschedule(id, date, channel ?? null, rejectOnConflict);
  }

  @OwnsPlannedInteraction('id')
  @Mutation(() => PlannedInteraction, {
    description:
      'Cancels a PLANNED plan (status CANCELLED, final; it no longer conflicts). Otherwise BAD_USER_INPUT. ADMIN, or the MSL who planned it.',
  })
  cancelPlannedInteraction(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'At most 500 characters.' }) reason: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<PlannedInteraction> {
    return new PlanningService(ctx).cancel(id, reason ?? null);
  }

  @OwnsPlannedInteraction('id')
  @Mutation(() => PlannedInteraction, {
    description:
      'Completes a PLANNED plan: logs the interaction exactly as logInteraction does (same checks, strength recomputed, restricted words) ' +
      'and marks the plan COMPLETED, linked to it (`interaction`). Otherwise BAD_USER_INPUT. ADMIN, or the MSL who planned it.',
  })
  completePlannedInteraction(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CompletePlannedInteractionInput) input: CompletePlannedInteractionInput,
    @Ctx() ctx: GraphContext,
  ): Promise<PlannedInteraction> {
    return new PlanningService(ctx).complete(id, input);
  }

  @Query(() => [PlannedInteraction], {
    description:
      'Planned interactions of an MSL and/or an HCP (at least one), optionally between two dates (inclusive) and of one status, by date then id (the whole list up to `first`; `plannedInteractionsConnection` pages it).',
  })
  async plannedInteractions(
    @Arg('mslId', () => ID, { nullable: true }) mslId: string | null,
    @Arg('hcpId', () => ID, { nullable: true }) hcpId: string | null,
    @Arg('from', () => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' }) to: string | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('status', () => PlanStatus, { nullable: true, description: 'Default: every status.' }) status: PlanStatus | null,
    @Ctx() ctx: GraphContext,
  ): Promise<PlannedInteraction[]> {
    const query = planQuery(mslId, hcpId, from, to, status);
    return new PlanningRepository(ctx.db).list(query, checkFirst(first, ctx.app.config.maxFirst));
  }

  @FieldResolver(() => MSL, { nullable: true })
  msl(@Root() plan: PlannedInteraction, @Ctx() ctx: GraphContext): Promise<MSL | null> {
    return ctx.loaders.get(mslLoaders).byId.load(plan.mslId);
  }

  @FieldResolver(() => HCP, { nullable: true })
  hcp(@Root() plan: PlannedInteraction, @Ctx() ctx: GraphContext): Promise<HCP | null> {
    return ctx.loaders.get(hcpLoaders).byId.load(plan.hcpId);
  }

  @FieldResolver(() => Interaction, { nullable: true, description: 'The interaction logged when it was completed; null otherwise.' })
  interaction(@Root() plan: PlannedInteraction, @Ctx() ctx: GraphContext): Promise<Interaction | null> {
    return plan.interactionId ? ctx.loaders.get(interactionLoaders).byId.load(plan.interactionId) : Promise.resolve(null);
  }
}
