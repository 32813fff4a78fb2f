import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A therapeutic area, e.g. Oncology.' })
export class TherapeuticArea {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}
