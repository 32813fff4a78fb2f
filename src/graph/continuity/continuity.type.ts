import { Field, Float, Int, ObjectType } from 'type-graphql';
import { HCP } from '../hcp/hcp.type';
import { MSL } from '../msl/msl.type';
import { IntroductionPath } from '../network/network.type';

@ObjectType({ description: 'An MSL and its best introduction path to an HCP (the first of introductionPaths with the same maxHops).' })
export class Introducer {
  @Field(() => MSL)
  msl!: MSL;

  @Field(() => IntroductionPath)
  path!: IntroductionPath;

  mslId!: string;
}

@ObjectType({ description: 'An HCP whose only relationship with the company is one MSL.' })
export class KeyPersonRisk {
  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => MSL, { description: 'The one MSL who knows the HCP.' })
  msl!: MSL;

  @Field(() => Float, { description: "That relationship's strength, as MslRelationship.strength answers it now." })
  strength!: number;

  @Field(() => Float, { description: "The HCP's PageRank." })
  influence!: number;

  hcpId!: string;
  mslId!: string;
}

@ObjectType({
  description:
    'Who should take over one relationship of a leaving MSL: the colleague who knows the HCP best (existingStrength, no path), ' +
    'else the colleague with the best introduction path (path, no existingStrength), else nobody (successor null).',
})
export class Handover {
  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => MSL, { nullable: true })
  successor!: MSL | null;

  @Field(() => Float, { nullable: true, description: "The successor's own relationship strength with the HCP, when it has one." })
  existingStrength!: number | null;

  @Field(() => IntroductionPath, {
    nullable: true,
    description: "The successor's best introduction path, when it does not know the HCP yet.",
  })
  path!: IntroductionPath | null;

  hcpId!: string;
  successorId!: string | null;
}

@ObjectType({ description: "How much of a territory's HCPs and influence the company's relationships cover." })
export class TerritoryCoverage {
  @Field(() => Int, { description: 'HCPs in the territory.' })
  hcps!: number;

  @Field(() => Int, { description: 'Of them, those with at least one MSL relationship.' })
  covered!: number;

  @Field(() => Float, {
    description:
      "Σ PageRank of the covered / Σ PageRank of all the territory's HCPs (PageRank over the whole network); 0 for a territory without HCPs.",
  })
  influenceShare!: number;
}

@ObjectType({ description: "How many of an MSL's relationships fall in one strength band (strength as of now)." })
export class StrengthBandCount {
  @Field({ description: 'WEAK, MEDIUM or STRONG.' })
  band!: string;

  @Field(() => Float, { description: 'Lowest strength in the band (inclusive).' })
  min!: number;

  @Field(() => Float, { description: 'Highest strength in the band (exclusive, except 1 for STRONG).' })
  max!: number;

  @Field(() => Int)
  relationships!: number;
}

@ObjectType({ description: 'Interactions an MSL logged in one calendar month.' })
export class MonthCount {
  @Field({ description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => Int)
  interactions!: number;
}

@ObjectType({
  description:
    "One MSL's workload and coverage (docs/planning.md): relationships by strength band, interactions per month, " +
    "open plans, and the share of its territories' influence its relationships hold. A value of the query, not cached by id.",
})
export class MslWorkload {
  @Field(() => MSL)
  msl!: MSL;

  @Field({ description: 'The day the answer is computed for (YYYY-MM-DD): strengths as of then, months up to it.' })
  asOf!: string;

  @Field(() => Int, { description: 'Relationships the MSL has.' })
  relationships!: number;

  @Field(() => [StrengthBandCount], { description: 'WEAK, MEDIUM, STRONG, in that order.' })
  strengthBands!: StrengthBandCount[];

  @Field(() => [MonthCount], { description: 'The last `months` calendar months, oldest first, the current one included (0 when none).' })
  interactionsByMonth!: MonthCount[];

  @Field(() => Int, { description: 'PLANNED interactions dated today or later.' })
  plannedUpcoming!: number;

  @Field(() => Int, { description: 'PLANNED interactions dated before today: neither completed nor cancelled.' })
  plannedOverdue!: number;

  @Field(() => Int, { description: 'HCPs of the territories the MSL covers.' })
  territoryHcps!: number;

  @Field(() => Float, {
    description: "Share of the PageRank of the MSL's territories' HCPs held by the HCPs this MSL has a relationship with (0 to 1).",
  })
  influenceShare!: number;

  mslId!: string;
}
