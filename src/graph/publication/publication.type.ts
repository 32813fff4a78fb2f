import { Field, ID, Int, ObjectType } from 'type-graphql';

/** (:HCP)-[:AUTHORED {position}]->(:Publication)-[:IN_AREA]->(:TherapeuticArea). */
@ObjectType({ description: 'A scientific publication.' })
export class Publication {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { nullable: true })
  journal!: string | null;

  /** Resolved by the `therapeuticArea` field. */
  therapeuticAreaId!: string | null;
}
