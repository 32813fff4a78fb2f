import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../../errors';
import { GraphContext } from '../context';
import { checkFirst } from '../common/pagination';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { Channel, Sentiment } from '../interaction/interaction.type';
import { mslLoaders } from '../msl/msl.loaders';
import { currentStrength } from '../relationship/relationship.strength';
import { engagement } from './engagement.loaders';
import { ChannelPreference, EngagementSuggestion, StaleRelationship, StrengthFormula, WarmIntroduction } from './engagement.type';
import { EngagementPlanner } from './engagement.planner';
import { channelPreference } from './channel-preference';
import { CHANNEL_WEIGHTS, DEFAULT_BASE_STRENGTH, SENTIMENT_MULTIPLIERS, STRENGTH_FORMULA, STRENGTH_GAIN } from '../../engagement/strength';
import { intArg, refId } from '../common/validate';
import { addDays, epochDay, isoDate } from '../../engagement/dates';
import { derivedId } from '../node/derived-id';

const MAX_DAYS = 36500;
const MAX_PLAN_HOPS = 6;

/** Relationship strength formula, relationship health and the engagement plan. */
@Resolver()
export class EngagementResolver {
  @Query(() => StrengthFormula, { description: 'How MSL relationship strength is computed from interactions (see StrengthFormula).' })
  strengthFormula(@Ctx() ctx: GraphContext): StrengthFormula {
    return {
      text: STRENGTH_FORMULA,
      halfLifeDays: ctx.app.config.strengthHalfLifeDays,
      gain: STRENGTH_GAIN,
      defaultBaseStrength: DEFAULT_BASE_STRENGTH,
      channelWeights: Object.entries(CHANNEL_WEIGHTS).map(([channel, weight]) => ({ channel: channel as Channel, weight })),
      sentimentMultipliers: Object.entries(SENTIMENT_MULTIPLIERS).map(([sentiment, multiplier]) => ({
        sentiment: sentiment as Sentiment,
        multiplier,
      })),
    };
  }

  @Query(() => [StaleRelationship], {
    description:
      "The MSL's relationships not contacted in the last `days` days (lastContact null or before today − days, UTC), " +
      'most influential HCP first (PageRank descending, then id). Unknown MSL: NOT_FOUND.',
  })
  async staleRelationships(
    @Arg('mslId', () => ID) mslId: string,
    @Arg('days', () => Int, { defaultValue: 90 }) days: number,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: GraphContext,
  ): Promise<StaleRelationship[]> {
    refId(mslId, 'mslId');
    intArg(days, 'days', 0, MAX_DAYS);
    const size = checkFirst(first, ctx.app.config.maxFirst);
    if (!(await ctx.loaders.get(mslLoaders).byId.load(mslId))) throw new NotFoundError('MSL', mslId);
    const today = isoDate(new Date());
    const loaders = engagement(ctx);
    const rows = await loaders.repository.staleRelationships(mslId, addDays(today, -days));
    const scores = await loaders.network.pagerank(rows.map((r) => r.hcpId));
    const score = (id: string) => scores.get(id) ?? 0;
    const chosen = rows.sort((a, b) => score(b.hcpId) - score(a.hcpId) || (a.hcpId < b.hcpId ? -1 : 1)).slice(0, size);
    const hcps = await ctx.loaders.get(hcpLoaders).byId.loadMany(chosen.map((r) => r.hcpId));
    return chosen.flatMap((row, i) => {
      const hcp = hcps[i];
      if (!hcp || hcp instanceof Error) return [];
      return [
        {
          hcp,
          strength: currentStrength(ctx, row),
          since: row.since,
          lastContact: row.lastContact,
          daysSinceContact: row.lastContact ? epochDay(today) - epochDay(row.lastContact) : null,
          influence: score(row.hcpId),
        },
      ];
    });
  }

  @Query(() => [EngagementSuggestion], {
    description:
      'The HCPs the MSL should engage next: in its territory and therapeutic areas, no or a weak (< 0.3) relationship, ' +
      'most influential first (PageRank, then id); each with the best warm introduction path within `maxHops`, ' +
      'the preferred channel and the reasons. Unknown MSL: NOT_FOUND.',
  })
  async engagementPlan(
    @Arg('mslId', () => ID) mslId: string,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('maxHops', () => Int, { defaultValue: 4 }) maxHops: number,
    @Ctx() ctx: GraphContext,
  ): Promise<EngagementSuggestion[]> {
    refId(mslId, 'mslId');
    const size = checkFirst(first, Math.min(ctx.app.config.maxFirst, 100));
    intArg(maxHops, 'maxHops', 1, MAX_PLAN_HOPS);
    const loaders = engagement(ctx);
    const hcpLoader = ctx.loaders.get(hcpLoaders).byId;
    const planner = new EngagementPlanner({
      repository: loaders.repository,
      influence: loaders.network,
      paths: loaders.network,
      hcps: async (ids) => (await hcpLoader.loadMany(ids)).map((h) => (h instanceof Error ? null : h)),
      channelCounts: async (ids) => (await loaders.channelCounts.loadMany(ids)).map((c) => (c instanceof Error ? [] : c)),
      today: isoDate(new Date()),
      strengthNow: (knows) => currentStrength(ctx, knows),
    });
    const plan = await planner.plan(mslId, size, maxHops);
    if (plan === null) throw new NotFoundError('MSL', mslId);
    return plan;
  }
}

/** HCP fields of engagement: the channel preference. */
@Resolver(() => HCP)
export class HcpEngagementResolver {
  @FieldResolver(() => ChannelPreference, { description: 'Explicit and history-derived preferred channel, with the evidence per channel.' })
  async channelPreference(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<ChannelPreference> {
    return {
      id: derivedId('ChannelPreference', hcp.id),
      ...channelPreference(hcp.preferredChannel, await engagement(ctx).channelCounts.load(hcp.id)),
    };
  }
}

@Resolver(() => WarmIntroduction)
export class WarmIntroductionResolver {
  @FieldResolver(() => [HCP])
  async hcps(@Root() path: WarmIntroduction, @Ctx() ctx: GraphContext): Promise<HCP[]> {
    const hcps = await ctx.loaders.get(hcpLoaders).byId.loadMany(path.hcpIds);
    return hcps.filter((h): h is HCP => h !== null && !(h instanceof Error));
  }
}
