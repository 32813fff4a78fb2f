import { Field, ID, ObjectType } from 'type-graphql';
import { Insight } from '../insight/insight.type';
import { Interaction } from '../interaction/interaction.type';
import { PlannedInteraction, SchedulingConflict } from '../planning/planning.type';
import { MslRelationship } from '../relationship/relationship.type';

/**
 * What a subscription delivers: the event's own id and time, and the objects it is about as the
 * API's usual types (so their field rules apply: an ANALYST never receives interaction notes).
 * The objects are read when the event is delivered, so they show the state at that moment; one
 * erased in between (data-subject erasure, a cancelled plan) comes back null.
 */
@ObjectType()
abstract class LiveEventFields {
  @Field(() => ID, {
    description: 'Unique per event (not an object id): delivery is at least once, so a client that must not count one twice keeps these.',
  })
  eventId!: string;

  @Field({ description: 'ISO 8601 date-time (UTC) the write happened, by the database clock.' })
  at!: string;
}

@ObjectType({ description: 'An insight was captured.' })
export class InsightCapturedEvent extends LiveEventFields {
  @Field(() => Insight, { nullable: true, description: 'null when erased before delivery.' })
  insight!: Insight | null;
}

@ObjectType({ description: 'An interaction was logged.' })
export class InteractionLoggedEvent extends LiveEventFields {
  @Field(() => Interaction, { nullable: true, description: 'null when erased before delivery.' })
  interaction!: Interaction | null;
}

@ObjectType({ description: 'An MSL planned an HCP whom other MSLs plan within SCHEDULING_CONFLICT_DAYS.' })
export class SchedulingConflictEvent extends LiveEventFields {
  @Field(() => PlannedInteraction, { nullable: true, description: 'The new plan; null when gone before delivery.' })
  planned!: PlannedInteraction | null;

  @Field(() => [SchedulingConflict], {
    description: 'The plans of other MSLs it conflicts with (those still planned), by date then MSL id.',
  })
  conflicts!: SchedulingConflict[];
}

@ObjectType({
  description:
    'The strength of an MSL relationship changed: set (setMslRelationship) or recomputed from a new interaction (logInteraction).',
})
export class RelationshipStrengthEvent extends LiveEventFields {
  @Field(() => MslRelationship, {
    nullable: true,
    description: 'The relationship now (`strength` is its current value); null when gone before delivery.',
  })
  relationship!: MslRelationship | null;
}
