import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AUDIENCES, Audience as AudienceName, enumObject } from '../../vocabulary';
import { Node } from '../node/node.type';

export const Audience = enumObject(AUDIENCES);
export type Audience = AudienceName;
registerEnumType(Audience, { name: 'Audience', description: 'Who inside the company an insight is for.' });

/**
 * Something learned in an interaction: (:Insight)-[:FROM]->(:Interaction), and
 * (:Insight)-[:IN_AREA]->(:TherapeuticArea) when it concerns an area.
 * `interactionId`/`therapeuticAreaId` are not GraphQL fields: the field resolvers load them by id.
 */
@ObjectType({ implements: Node, description: 'An insight captured from an interaction.' })
export class Insight {
  @Field(() => ID)
  id!: string;

  @Field()
  text!: string;

  @Field({ description: 'Free classification, e.g. "unmet need", "safety", "competitor".' })
  category!: string;

  @Field(() => Audience)
  audience!: Audience;

  @Field({ description: 'ISO 8601 date-time of capture (UTC).' })
  createdAt!: string;

  interactionId!: string | null;

  therapeuticAreaId!: string | null;
}
