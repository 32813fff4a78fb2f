import { Tx } from '../../db/database';
import { addDays, isoDate } from '../../engagement/dates';
import { ConflictError, ValidationError } from '../../errors';
import { runMutation } from '../common/mutation';
import { isoDateArg, newId, optionalText, refId } from '../common/validate';
import { GraphContext } from '../context';
import { checkInteraction, interactionLiveEvents, interactionNetworkChange, writeInteraction } from '../interaction/interaction.log';
import { liveEvent } from '../live/live.events';
import { Channel } from '../interaction/interaction.type';
import { mslLoaders } from '../msl/msl.loaders';
import { ConflictRow, NewPlan, planningWrites } from './planning.repository';
import {
  CompletePlannedInteractionInput,
  PlannedInteraction,
  ScheduleInteractionInput,
  ScheduleResult,
  SchedulingConflict,
} from './planning.type';

const MAX_TOPIC = 200;
const MAX_REASON = 500;

/**
 * Planned interactions from scheduling to their end (docs/engagement.md): schedule, reschedule
 * (the same conflict rule), cancel, complete (logs the interaction the way logInteraction does).
 * PLANNED is the only status that may change; every change runs through runMutation.
 */
export class PlanningService {
  constructor(private readonly ctx: GraphContext) {}

  async schedule(input: ScheduleInteractionInput): Promise<ScheduleResult> {
    const plan = checkPlan(input);
    const result = await runMutation(this.ctx, {
      creates: { label: 'PlannedInteraction', id: plan.id, entity: 'planned interaction' },
      requires: [
        { label: 'MSL', ids: [plan.mslId] },
        { label: 'HCP', ids: [plan.hcpId] },
      ],
      write: async (tx) => {
        const planned = await planningWrites.create(tx, plan);
        return { planned, conflicts: await this.conflicts(tx, planned, input.rejectOnConflict, 'scheduled') };
      },
      liveEvents: conflictEvents,
    });
    return this.withMsls(result.planned, result.conflicts);
  }

  /** Moves a PLANNED plan to another date (and channel); conflicts as for scheduling, judged at the new date. */
  async reschedule(id: string, date: string, channel: Channel | null, rejectOnConflict: boolean): Promise<ScheduleResult> {
    refId(id, 'id');
    const day = futureDate(date);
    const result = await runMutation(this.ctx, {
      requires: [{ label: 'PlannedInteraction', entity: 'planned interaction', ids: [id] }],
      write: async (tx) => {
        requirePlanned(await planningWrites.lock(tx, id), 'rescheduled');
        const planned = await planningWrites.reschedule(tx, id, day, channel);
        return { planned, conflicts: await this.conflicts(tx, planned, rejectOnConflict, 'rescheduled') };
      },
      liveEvents: conflictEvents,
    });
    return this.withMsls(result.planned, result.conflicts);
  }

  cancel(id: string, reason: string | null): Promise<PlannedInteraction> {
    refId(id, 'id');
    const why = optionalText(reason, 'reason', MAX_REASON);
    return runMutation(this.ctx, {
      requires: [{ label: 'PlannedInteraction', entity: 'planned interaction', ids: [id] }],
      write: async (tx) => {
        requirePlanned(await planningWrites.lock(tx, id), 'cancelled');
        return planningWrites.cancel(tx, id, why);
      },
    });
  }

  /**
   * Logs the interaction the plan was for (same checks and effects as logInteraction: restricted
   * words, the pair's strength recomputed, the network marked) and marks the plan COMPLETED,
   * linked to it. Unset input fields come from the plan; the date defaults to the planned date,
   * or today when that is still ahead (the meeting happened early).
   */
  async complete(id: string, input: CompletePlannedInteractionInput): Promise<PlannedInteraction> {
    refId(id, 'id');
    const interactionId = newId('int', input.interactionId, 'interactionId');
    const today = isoDate(new Date());
    // Checked before the transaction with placeholders for what only the plan knows; checked again with them inside it.
    const check = (plan: Pick<PlannedInteraction, 'mslId' | 'hcpId' | 'date' | 'channel' | 'topic'>) =>
      checkInteraction(
        {
          id: interactionId,
          mslId: plan.mslId,
          hcpId: plan.hcpId,
          date: input.date ?? (plan.date > today ? today : plan.date),
          channel: input.channel ?? plan.channel,
          topic: input.topic ?? plan.topic,
          sentiment: input.sentiment,
          notes: input.notes,
        },
        'interactionId',
      );
    check({ mslId: '-', hcpId: '-', date: today, channel: 'EMAIL', topic: null });
    return runMutation(this.ctx, {
      creates: { label: 'Interaction', id: interactionId, entity: 'interaction', field: 'interactionId' },
      requires: [{ label: 'PlannedInteraction', entity: 'planned interaction', ids: [id] }],
      write: async (tx, defer) => {
        const record = check(requirePlanned(await planningWrites.lock(tx, id), 'completed'));
        const interaction = await writeInteraction(tx, this.ctx.app.config, record, defer);
        return planningWrites.complete(tx, id, interaction.id);
      },
      networkChange: (plan) => interactionNetworkChange(plan),
      liveEvents: (plan) => interactionLiveEvents({ id: plan.interactionId as string, mslId: plan.mslId, hcpId: plan.hcpId }),
    });
  }

  /** Other MSLs' plans near `plan`; with `reject`, CONFLICT (the transaction, and so the write, rolls back). */
  private async conflicts(tx: Tx, plan: PlannedInteraction, reject: boolean, verb: string): Promise<ConflictRow[]> {
    const windowDays = this.ctx.app.config.schedulingConflictDays;
    const conflicts = await planningWrites.conflicts(tx, plan, windowDays);
    if (conflicts.length > 0 && reject) {
      const first = conflicts[0].plan;
      throw new ConflictError(
        `${plan.hcpId} is already planned by ${first.mslId} on ${first.date} (within ${windowDays} days of ${plan.date}); nothing was ${verb}`,
        {
          field: 'date',
          conflicts: conflicts.map((c) => ({ mslId: c.plan.mslId, date: c.plan.date, plannedInteractionId: c.plan.id })),
        },
      );
    }
    return conflicts;
  }

  private async withMsls(planned: PlannedInteraction, rows: ConflictRow[]): Promise<ScheduleResult> {
    const msls = await this.ctx.loaders.get(mslLoaders).byId.loadMany(rows.map((c) => c.plan.mslId));
    const conflicts: SchedulingConflict[] = rows.flatMap((c, i) => {
      const msl = msls[i];
      return msl && !(msl instanceof Error) ? [{ msl, date: c.plan.date, daysApart: c.daysApart, plannedInteraction: c.plan }] : [];
    });
    return { planned, conflicts, windowDays: this.ctx.app.config.schedulingConflictDays };
  }
}

/** Subscribers of the MSLs involved hear of a (re)scheduling that conflicts. */
function conflictEvents(written: { planned: PlannedInteraction; conflicts: ConflictRow[] }) {
  return liveEvent.schedulingConflict(
    written.planned,
    written.conflicts.map((c) => c.plan),
  );
}

/** Only a PLANNED plan changes: a completed or cancelled one is final (BAD_USER_INPUT on `id`). */
function requirePlanned(plan: PlannedInteraction, verb: string): PlannedInteraction {
  if (plan.status !== 'PLANNED') {
    throw new ValidationError('id', `planned interaction "${plan.id}" is ${plan.status.toLowerCase()}: it cannot be ${verb}`);
  }
  return plan;
}

/** A plan's date: a calendar date, today or later (UTC, one day of slack). */
function futureDate(value: string, field = 'date'): string {
  const date = isoDateArg(value, field);
  if (date < addDays(isoDate(new Date()), -1)) throw new ValidationError(field, 'must not be in the past');
  return date;
}

function checkPlan(input: ScheduleInteractionInput): NewPlan {
  const id = newId('plan', input.id);
  const date = futureDate(input.date);
  const topic = optionalText(input.topic, 'topic', MAX_TOPIC);
  return { id, mslId: refId(input.mslId, 'mslId'), hcpId: refId(input.hcpId, 'hcpId'), date, channel: input.channel, topic };
}
