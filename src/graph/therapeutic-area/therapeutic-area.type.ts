import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A therapeutic area, e.g. Oncology.' })
export class TherapeuticArea {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}
