import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Channel } from '../interaction/interaction.type';
import { MSL } from '../msl/msl.type';

/** (:MSL)-[:PLANNED]->(:PlannedInteraction {id, date, channel, topic, createdAt})-[:WITH]->(:HCP); msl/hcp resolved by id. */
@ObjectType({ description: 'An interaction an MSL plans with an HCP.' })
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

  mslId!: string;

  hcpId!: string;
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
