import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A sales/medical territory; HCPs, institutions and MSLs belong to one.' })
export class Territory {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Region or country group, e.g. "US", "EU".' })
  region!: string | null;
}
