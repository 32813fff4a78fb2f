import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../graph/common/pagination';
import { HCP } from '../graph/hcp/hcp.type';
import { Audience, Insight } from '../graph/insight/insight.type';
import { Channel, Sentiment } from '../graph/interaction/interaction.type';
import { TherapeuticArea } from '../graph/therapeutic-area/therapeutic-area.type';
import { CHANNEL_SCORE_FORMULA } from './channel-preference';
import { STRENGTH_FORMULA } from './strength';

// ---- 1. relationship strength ----

@ObjectType({ description: 'A channel weight of the strength formula.' })
export class ChannelWeight {
  @Field(() => Channel)
  channel!: Channel;

  @Field(() => Float)
  weight!: number;
}

@ObjectType({ description: 'A sentiment multiplier of the strength formula.' })
export class SentimentMultiplier {
  @Field(() => Sentiment)
  sentiment!: Sentiment;

  @Field(() => Float)
  multiplier!: number;
}

@ObjectType({ description: `How MSL relationship strength follows from interaction history: ${STRENGTH_FORMULA}` })
export class StrengthFormula {
  @Field({ description: 'The formula as text.' })
  text!: string;

  @Field(() => Int, { description: 'Half-life of an interaction, in days (STRENGTH_HALF_LIFE_DAYS).' })
  halfLifeDays!: number;

  @Field(() => Float, { description: 'G: how fast evidence saturates towards 1.' })
  gain!: number;

  @Field(() => Float, { description: 'b of a relationship without a recorded starting strength.' })
  defaultBaseStrength!: number;

  @Field(() => [ChannelWeight])
  channelWeights!: ChannelWeight[];

  @Field(() => [SentimentMultiplier])
  sentimentMultipliers!: SentimentMultiplier[];
}

// ---- 2. channel preference ----

@ObjectType({ description: `Interactions with an HCP over one channel (all MSLs). ${CHANNEL_SCORE_FORMULA}.` })
export class ChannelEvidence {
  @Field(() => Channel)
  channel!: Channel;

  @Field(() => Int)
  interactions!: number;

  @Field(() => Int)
  positive!: number;

  @Field(() => Int)
  neutral!: number;

  @Field(() => Int)
  negative!: number;

  @Field(() => Int, { description: 'interactions + positive − negative.' })
  score!: number;
}

@ObjectType({ description: "An HCP's preferred channel: recorded explicitly and derived from interaction history." })
export class ChannelPreference {
  @Field(() => Channel, { nullable: true, description: 'The explicitly recorded preference (HCP.preferredChannel).' })
  explicit!: Channel | null;

  @Field(() => Channel, { nullable: true, description: `Derived from history: ${CHANNEL_SCORE_FORMULA}; null without history.` })
  derived!: Channel | null;

  @Field(() => Channel, { nullable: true, description: 'explicit when recorded, else derived.' })
  effective!: Channel | null;

  @Field(() => [ChannelEvidence], { description: 'Per channel with at least one interaction, by score descending.' })
  evidence!: ChannelEvidence[];
}

// ---- 3. relationship health ----

@ObjectType({ description: 'An MSL relationship not contacted for longer than asked.' })
export class StaleRelationship {
  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => Float)
  strength!: number;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date.' })
  since!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date of the latest interaction; null = never contacted.' })
  lastContact!: string | null;

  @Field(() => Int, { nullable: true, description: 'Days from lastContact to today (UTC); null = never contacted.' })
  daysSinceContact!: number | null;

  @Field(() => Float, { description: "The HCP's PageRank (CONTRACT §4)." })
  influence!: number;
}

// ---- 4. insights ----

@InputType({ description: 'Restricts `insights`. All given criteria must hold.' })
export class InsightFilter {
  @Field(() => Audience, { nullable: true })
  audience?: Audience | null;

  @Field(() => ID, { nullable: true })
  therapeuticAreaId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact category, case-insensitive.' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Captured on or after this ISO date (YYYY-MM-DD, UTC).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Captured on or before this ISO date (YYYY-MM-DD, UTC).' })
  to?: string | null;
}

@ObjectType()
export class InsightConnection extends Connection(Insight, 'Insight') {}

@ObjectType({ description: 'Insights of one category captured in one month.' })
export class CategoryTrend {
  @Field({ description: 'YYYY-MM (UTC).' })
  month!: string;

  @Field()
  category!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Insights about one therapeutic area (or none) captured in one month.' })
export class AreaTrend {
  @Field({ description: 'YYYY-MM (UTC).' })
  month!: string;

  @Field(() => TherapeuticArea, { nullable: true, description: 'null: insights without an area.' })
  therapeuticArea!: TherapeuticArea | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Insight counts per month by category and by therapeutic area.' })
export class InsightTrends {
  @Field(() => Int, { description: 'Insights in the range.' })
  total!: number;

  @Field(() => [CategoryTrend], { description: 'By month, then count descending, then category.' })
  byCategory!: CategoryTrend[];

  @Field(() => [AreaTrend], { description: 'By month, then count descending, then area id (none last).' })
  byTherapeuticArea!: AreaTrend[];
}

// ---- 5. engagement plan ----

@ObjectType({ description: 'The best warm introduction path from the MSL to a suggested HCP (CONTRACT §4 semantics).' })
export class WarmIntroduction {
  @Field(() => [HCP], { description: 'The HCPs after the MSL, in order; the last is the suggested HCP.' })
  hcps!: HCP[];

  @Field(() => Int)
  hops!: number;

  @Field(() => Float, { description: 'Σ −ln(weight).' })
  cost!: number;

  @Field(() => Float, { description: 'e^(−cost): the product of the weights.' })
  strength!: number;

  hcpIds!: string[];
}

@ObjectType({ description: 'An HCP an MSL should engage next, with why.' })
export class EngagementSuggestion {
  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => Float, { description: 'PageRank (CONTRACT §4).' })
  influence!: number;

  @Field(() => Float, { nullable: true, description: "The MSL's current relationship strength; null = none." })
  relationshipStrength!: number | null;

  @Field(() => WarmIntroduction, { nullable: true, description: 'null when no path within maxHops.' })
  warmIntroduction!: WarmIntroduction | null;

  @Field(() => Channel, { nullable: true, description: 'Explicit preference, else derived from history.' })
  preferredChannel!: Channel | null;

  @Field(() => [String], { description: 'Human-readable reasons, most important first.' })
  reasons!: string[];
}
