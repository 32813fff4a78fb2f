import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';

/**
 * (:MSL)-[:KNOWS {strength, baseStrength, since, lastContact, strengthComputedAt}]->(:HCP);
 * `strength` (the field) is resolved from the stored values as of the moment asked
 * (relationship.resolver.ts); `mslId`/`hcpId` are resolved by the fields.
 */
@ObjectType({ implements: Node, description: 'How well an MSL knows an HCP. Its id is `MslRelationship/<msl id>/<hcp id>`.' })
export class MslRelationship {
  /** The stored strength: as of `computedAt` when set, else the starting value. */
  strength!: number;

  /** Epoch milliseconds of the last recomputation from interactions (strengthComputedAt); null: never. */
  computedAt!: number | null;

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
