import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { LiveEvent } from '../../db/live-events';
import { Roles } from '../auth';
import { GraphContext } from '../context';
import { Audience } from '../insight/insight.type';
import {
  concerns,
  inAudiences,
  insightCaptured,
  interactionLogged,
  liveStream,
  relationshipStrength,
  schedulingConflict,
} from './live.service';
import { InsightCapturedEvent, InteractionLoggedEvent, RelationshipStrengthEvent, SchedulingConflictEvent } from './live.type';

type Data<A> = { args: A; context: GraphContext };
type Parties = { mslId?: string | null; hcpId?: string | null };

const MSL_ARG = { nullable: true, description: 'Only events concerning this MSL.' } as const;
const HCP_ARG = { nullable: true, description: 'Only events concerning this HCP.' } as const;

/**
 * What front ends follow live, over WebSocket (graphql-ws; see docs/live.md). Each subscription
 * streams the events of one topic from the instance's live feed (src/db/live-feed.ts), filtered by
 * its arguments; each event's objects are read as it is delivered.
 */
@Resolver()
export class LiveResolver {
  @Roles()
  @Subscription(() => InsightCapturedEvent, {
    description: 'Insights as they are captured, optionally only for some audiences.',
    subscribe: ({ args, context }: Data<{ audiences?: Audience[] | null }>) =>
      liveStream(context, 'INSIGHT_CAPTURED', inAudiences(args.audiences)),
  })
  insightCaptured(
    @Root() event: LiveEvent,
    @Arg('audiences', () => [Audience], { nullable: true, description: 'Only insights for these audiences (default: all).' })
    _audiences: Audience[] | null,
    @Ctx() ctx: GraphContext,
  ): Promise<InsightCapturedEvent> {
    return insightCaptured(ctx, event);
  }

  @Roles()
  @Subscription(() => InteractionLoggedEvent, {
    description: 'Interactions as they are logged, optionally only those of an MSL and/or with an HCP.',
    subscribe: ({ args, context }: Data<Parties>) => liveStream(context, 'INTERACTION_LOGGED', concerns(args)),
  })
  interactionLogged(
    @Root() event: LiveEvent,
    @Arg('mslId', () => ID, MSL_ARG) _mslId: string | null,
    @Arg('hcpId', () => ID, HCP_ARG) _hcpId: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<InteractionLoggedEvent> {
    return interactionLogged(ctx, event);
  }

  @Roles()
  @Subscription(() => SchedulingConflictEvent, {
    description:
      'Scheduling conflicts as plans create them (scheduleInteraction reporting conflicts), optionally only those involving an MSL (the planner or a conflicting one) and/or an HCP.',
    subscribe: ({ args, context }: Data<Parties>) => liveStream(context, 'SCHEDULING_CONFLICT', concerns(args)),
  })
  schedulingConflict(
    @Root() event: LiveEvent,
    @Arg('mslId', () => ID, MSL_ARG) _mslId: string | null,
    @Arg('hcpId', () => ID, HCP_ARG) _hcpId: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<SchedulingConflictEvent> {
    return schedulingConflict(ctx, event);
  }

  @Roles()
  @Subscription(() => RelationshipStrengthEvent, {
    description: 'MSL relationship strengths as they change, optionally only those of an MSL and/or with an HCP.',
    subscribe: ({ args, context }: Data<Parties>) => liveStream(context, 'RELATIONSHIP_STRENGTH', concerns(args)),
  })
  relationshipStrengthChanged(
    @Root() event: LiveEvent,
    @Arg('mslId', () => ID, MSL_ARG) _mslId: string | null,
    @Arg('hcpId', () => ID, HCP_ARG) _hcpId: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<RelationshipStrengthEvent> {
    return relationshipStrength(ctx, event);
  }
}
