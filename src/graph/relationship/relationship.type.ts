import { Field, Float, ObjectType } from 'type-graphql';

/** (:MSL)-[:KNOWS {strength, baseStrength, since, lastContact}]->(:HCP); `mslId`/`hcpId` resolved by the fields. */
@ObjectType({ description: 'How well an MSL knows an HCP.' })
export class MslRelationship {
  @Field(() => Float, { description: 'Current strength in (0, 1] (may be adjusted by engagement).' })
  strength!: number;

  @Field(() => Float, { nullable: true, description: 'The strength as last set (import or setMslRelationship).' })
  baseStrength!: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date the relationship started.' })
  since!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date of the latest logged interaction.' })
  lastContact!: string | null;

  mslId!: string;

  hcpId!: string;
}
