import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';

@ObjectType({ implements: Node, description: 'A hospital, academic centre or clinic HCPs are affiliated with.' })
export class Institution {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'e.g. ACADEMIC_MEDICAL_CENTER, COMMUNITY_HOSPITAL, CLINIC.' })
  type!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;
}

@ObjectType()
export class InstitutionConnection extends Connection(Institution, 'Institution') {}
