import { Field, ID, ObjectType } from 'type-graphql';
import { PersonalData } from '../auth';
import { NetworkNode } from '../common/network-node';

@ObjectType({ implements: NetworkNode, description: 'A Medical Science Liaison.' })
export class MSL implements NetworkNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @PersonalData()
  @Field(() => String, { nullable: true, description: 'Personal data: FORBIDDEN for ANALYST and PLANNER.' })
  email!: string | null;
}
