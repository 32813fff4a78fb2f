import { LiveEvent } from '../../db/live-events';
import { LiveTopic } from '../../vocabulary';
import { ValidationError } from '../../errors';
import { epochDay } from '../../engagement/dates';
import { GraphContext } from '../context';
import { interactionLoaders } from '../interaction/interaction.loaders';
import { insightLoaders } from '../insight/insight.loaders';
import { mslLoaders } from '../msl/msl.loaders';
import { PlanningRepository } from '../planning/planning.repository';
import { SchedulingConflict } from '../planning/planning.type';
import { relationshipLoaders } from '../relationship/relationship.loaders';
import { LiveStream } from './live.stream';
import { InsightCapturedEvent, InteractionLoggedEvent, RelationshipStrengthEvent, SchedulingConflictEvent } from './live.type';

/** Who an event must concern for a subscriber: an MSL, an HCP, both (the pair), or anyone when neither is given. */
export interface PartyFilter {
  mslId?: string | null;
  hcpId?: string | null;
}

/** The events of `topic` that `accept` lets through, from the instance's live feed. */
export function liveStream(ctx: GraphContext, topic: LiveTopic, accept: (event: LiveEvent) => boolean = () => true): LiveStream {
  return new LiveStream(ctx.app.live, (event) => event.topic === topic && accept(event));
}

export function concerns({ mslId, hcpId }: PartyFilter): (event: LiveEvent) => boolean {
  return (event) => (!mslId || event.msls.includes(mslId)) && (!hcpId || event.hcps.includes(hcpId));
}

export function inAudiences(audiences: readonly string[] | null | undefined): (event: LiveEvent) => boolean {
  if (audiences && audiences.length === 0) throw new ValidationError('audiences', 'give at least one audience, or leave it out for all');
  return (event) => !audiences || (event.audience !== null && audiences.includes(event.audience));
}

/**
 * The objects of an event, read as it is delivered (with fresh loaders: a subscription's context
 * lives as long as the subscription, and what it read for the previous event may have changed).
 * An object erased in between comes back null.
 */
function fresh(ctx: GraphContext, event: LiveEvent): { eventId: string; at: string } {
  ctx.loaders.clear();
  return { eventId: event.id, at: new Date(event.at).toISOString() };
}

export async function insightCaptured(ctx: GraphContext, event: LiveEvent): Promise<InsightCapturedEvent> {
  const base = fresh(ctx, event);
  return { ...base, insight: await ctx.loaders.get(insightLoaders).byId.load(event.subject) };
}

export async function interactionLogged(ctx: GraphContext, event: LiveEvent): Promise<InteractionLoggedEvent> {
  const base = fresh(ctx, event);
  return { ...base, interaction: await ctx.loaders.get(interactionLoaders).byId.load(event.subject) };
}

export async function relationshipStrength(ctx: GraphContext, event: LiveEvent): Promise<RelationshipStrengthEvent> {
  const base = fresh(ctx, event);
  const [mslId] = event.msls;
  const [hcpId] = event.hcps;
  const relationships = await ctx.loaders.get(relationshipLoaders).ofMsl.load(mslId);
  return { ...base, relationship: relationships.find((r) => r.hcpId === hcpId) ?? null };
}

export async function schedulingConflict(ctx: GraphContext, event: LiveEvent): Promise<SchedulingConflictEvent> {
  const base = fresh(ctx, event);
  const plans = await new PlanningRepository(ctx.db).byIds([event.subject, ...event.related]);
  const planned = plans.find((plan) => plan.id === event.subject) ?? null;
  const others = plans
    // A plan cancelled or completed since no longer conflicts.
    .filter((plan) => plan.id !== event.subject && plan.status === 'PLANNED')
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.mslId < b.mslId ? -1 : a.mslId > b.mslId ? 1 : 0));
  const msls = await ctx.loaders.get(mslLoaders).byId.loadMany(others.map((plan) => plan.mslId));
  const conflicts: SchedulingConflict[] = others.flatMap((plan, i) => {
    const msl = msls[i];
    if (!msl || msl instanceof Error) return [];
    const daysApart = planned ? Math.abs(epochDay(plan.date) - epochDay(planned.date)) : 0;
    return [{ msl, date: plan.date, daysApart, plannedInteraction: plan }];
  });
  return { ...base, planned, conflicts };
}
