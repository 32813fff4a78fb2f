import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PLAN_STATUSES, PlanStatus as PlanStatusName, enumObject } from '../../vocabulary';
import { Channel, Sentiment } from '../interaction/interaction.type';
import { MSL } from '../msl/msl.type';
import { Connection } from '../common/pagination';
import { Node } from '../node/node.type';

export const PlanStatus = enumObject(PLAN_STATUSES);
export type PlanStatus = PlanStatusName;
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'PLANNED until completed (the interaction logged) or cancelled; a completed or cancelled plan never changes again.',
});

/**
 * (:MSL)-[:PLANNED]->(:PlannedInteraction {id, date, channel, topic, createdAt, status, closedAt, cancelReason})-[:WITH]->(:HCP),
 * and -[:RESULTED_IN]->(:Interaction) once completed; msl/hcp/interaction resolved by id.
 */
@ObjectType({ implements: Node, description: 'An interaction an MSL plans with an HCP.' })
export class PlannedInteraction {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'ISO 8601 date (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field({ description: 'ISO 8601 date-time it was scheduled (UTC).' })
  createdAt!: string;

  @Field(() => PlanStatus, { description: 'PLANNED, COMPLETED or CANCELLED (plans made before statuses existed are PLANNED).' })
  status!: PlanStatus;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time (UTC) it was completed or cancelled; null while PLANNED.' })
  closedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled, when the canceller said.' })
  cancelReason!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time (UTC) it was last rescheduled; null if never.' })
  rescheduledAt!: string | null;

  mslId!: string;

  hcpId!: string;

  /** The interaction logged when it was completed. */
  interactionId!: string | null;
}

@InputType({ description: 'The interaction that took place, logged when a plan is completed; unset fields come from the plan.' })
export class CompletePlannedInteractionInput {
  @Field(() => ID, { nullable: true, description: 'Optional client id of the logged interaction; generated when absent.' })
  interactionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 date it took place, not in the future; default the planned date, or today when that is still ahead.',
  })
  date?: string | null;

  @Field(() => Channel, { nullable: true, description: "Default the plan's channel." })
  channel?: Channel | null;

  @Field(() => String, { nullable: true, description: "Default the plan's topic." })
  topic?: string | null;

  @Field(() => Sentiment)
  sentiment!: Sentiment;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType({ description: 'An interaction to plan.' })
export class ScheduleInteractionInput {
  @Field(() => ID, { nullable: true, description: 'Optional client id (letters, digits, . _ : -); generated when absent.' })
  id?: string | null;

  @Field(() => ID)
  mslId!: string;

  @Field(() => ID)
  hcpId!: string;

  @Field({ description: 'ISO 8601 date (YYYY-MM-DD), today or later (UTC, one day of slack).' })
  date!: string;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => String, { nullable: true })
  topic?: string | null;

  @Field({
    defaultValue: false,
    description: 'When another MSL plans the HCP within the window: fail with CONFLICT and write nothing (default: schedule and report).',
  })
  rejectOnConflict!: boolean;
}

@ObjectType({ description: 'Another MSL plans the same HCP within SCHEDULING_CONFLICT_DAYS of the date.' })
export class SchedulingConflict {
  @Field(() => MSL)
  msl!: MSL;

  @Field({ description: 'The other plan’s date (ISO 8601).' })
  date!: string;

  @Field(() => Int, { description: 'Days between the two dates (absolute).' })
  daysApart!: number;

  @Field(() => PlannedInteraction)
  plannedInteraction!: PlannedInteraction;
}

@ObjectType({ description: 'The planned interaction, and the plans of other MSLs it conflicts with.' })
export class ScheduleResult {
  @Field(() => PlannedInteraction)
  planned!: PlannedInteraction;

  @Field(() => [SchedulingConflict], { description: 'By date, then MSL id; empty when none.' })
  conflicts!: SchedulingConflict[];

  @Field(() => Int, { description: 'The window used (SCHEDULING_CONFLICT_DAYS).' })
  windowDays!: number;
}

@ObjectType()
export class PlannedInteractionConnection extends Connection(PlannedInteraction, 'PlannedInteraction') {}
