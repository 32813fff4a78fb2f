import { Field, ID, ObjectType } from 'type-graphql';
import { CHANNELS } from '../../vocabulary';
import { PersonalData } from '../auth';
import { NetworkNode } from '../common/network-node';
import { Connection } from '../common/pagination';
import { Node } from '../node/node.type';

@ObjectType({ implements: [Node, NetworkNode], description: 'A healthcare professional.' })
export class HCP implements NetworkNode {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'First and last name.' })
  name!: string;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => String, { nullable: true })
  specialty!: string | null;

  @PersonalData()
  @Field(() => String, { nullable: true, description: 'Personal data: FORBIDDEN for ANALYST and PLANNER.' })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Explicitly recorded preferred channel (${CHANNELS.join(', ')}).`,
    deprecationReason: 'Use `explicitPreferredChannel`: the same value as the Channel enum.',
  })
  preferredChannel!: string | null;
}

@ObjectType()
export class HCPConnection extends Connection(HCP, 'HCP') {}
