import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';

/** (:HCP)-[:AUTHORED {position}]->(:Publication)-[:IN_AREA]->(:TherapeuticArea). */
@ObjectType({ implements: Node, description: 'A scientific publication.' })
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

@ObjectType()
export class PublicationConnection extends Connection(Publication, 'Publication') {}
