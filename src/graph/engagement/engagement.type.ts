import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { HCP } from '../hcp/hcp.type';
import { Channel, Sentiment } from '../interaction/interaction.type';
import { CHANNEL_SCORE_FORMULA } from '../../engagement/channel-preference';
import { STRENGTH_FORMULA } from '../../engagement/strength';

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
  @Field(() => ID, { description: '`ChannelPreference/<hcp id>`.' })
  id!: string;

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

  @Field(() => Float, { description: "The HCP's PageRank (see Influence.pagerank)." })
  influence!: number;
}

// ---- 5. engagement plan ----

@ObjectType({ description: 'The best warm introduction path from the MSL to a suggested HCP (as introductionPaths).' })
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

  @Field(() => Float, { description: 'PageRank (see Influence.pagerank).' })
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
