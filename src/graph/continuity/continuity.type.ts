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
