import { Field, ID, ObjectType } from 'type-graphql';
import { PersonalData } from '../auth';
import { NetworkNode } from '../common/network-node';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';

@ObjectType({ implements: [Node, NetworkNode], description: 'A Medical Science Liaison.' })
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

@ObjectType()
export class MSLConnection extends Connection(MSL, 'MSL') {}
