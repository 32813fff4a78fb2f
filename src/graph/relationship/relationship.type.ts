import { Field, Float, ObjectType } from 'type-graphql';
import { STRENGTH_FORMULA } from '../../engagement/strength';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';

/** (:MSL)-[:KNOWS {strength, baseStrength, since, lastContact}]->(:HCP); `mslId`/`hcpId` resolved by the fields. */
@ObjectType({ implements: Node, description: 'How well an MSL knows an HCP. Its id is `MslRelationship/<msl id>/<hcp id>`.' })
export class MslRelationship {
  // The description states the formula of src/engagement/strength.ts.
  @Field(() => Float, { description: `Current strength in (0, 1], recomputed from the pair's interactions whenever one is logged (see strengthFormula): ${STRENGTH_FORMULA}` })
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

@ObjectType()
export class MslRelationshipConnection extends Connection(MslRelationship, 'MslRelationship') {}
