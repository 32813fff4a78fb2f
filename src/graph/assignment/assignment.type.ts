import { Field, Float, ObjectType } from 'type-graphql';
import { HCP } from '../hcp/hcp.type';
import { MSL } from '../msl/msl.type';
import { IntroductionPath } from '../network/network.type';

@ObjectType({ description: 'One target HCP given to one MSL by proposeAssignment.' })
export class ProposedAssignment {
  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => MSL)
  msl!: MSL;

  @Field(() => IntroductionPath, { description: "The MSL's best introduction path to the HCP (as bestIntroducers shows it)." })
  path!: IntroductionPath;

  @Field(() => Float, { description: "The HCP's influence: its PageRank over the whole network." })
  influence!: number;

  @Field(() => Float, { description: 'path.strength × influence: what this pair adds to the total.' })
  value!: number;

  hcpId!: string;
  mslId!: string;
}

@ObjectType({
  description:
    'Target HCPs shared out across MSLs: each target to at most one MSL, each MSL at most `capacity` targets, ' +
    'the largest Σ path strength × influence (docs/planning.md).',
})
export class AssignmentProposal {
  @Field(() => [ProposedAssignment], { description: 'The pairs, in the order the targets were given.' })
  assignments!: ProposedAssignment[];

  @Field(() => [HCP], {
    description: 'Targets given to nobody (no MSL of the team reaches them within maxHops, or capacity ran out), in the order given.',
  })
  unassigned!: HCP[];

  @Field(() => Float, { description: 'Σ value over the assignments.' })
  totalValue!: number;

  unassignedIds!: string[];
}
