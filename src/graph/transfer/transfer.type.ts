import { Field, Float, ID, ObjectType } from 'type-graphql';

/** (:RelationshipTransfer {id, at, sub})-[:FROM]->(:MSL), -[:TO]->(:MSL), -[:OF {merged, fromStrength, strength}]->(:HCP). */
@ObjectType({
  description: 'A handover of relationships from one MSL to another (transferRelationships): who, from, to, when, which HCPs.',
})
export class RelationshipTransfer {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'ISO 8601 date-time (UTC) of the transfer.' })
  at!: string;

  @Field({ description: 'Who made it (the token subject).' })
  by!: string;

  @Field(() => [TransferredRelationship], { description: 'One per HCP, by HCP id.' })
  relationships!: TransferredRelationship[];

  fromMslId!: string;

  toMslId!: string;
}

@ObjectType({ description: 'One relationship of a transfer.' })
export class TransferredRelationship {
  @Field({ description: 'True when the receiving MSL already knew the HCP and the two relationships were merged.' })
  merged!: boolean;

  @Field(() => Float, { description: "The leaving MSL's strength at the transfer (as MslRelationship.strength answered it then)." })
  fromStrength!: number;

  @Field(() => Float, { description: "The receiving MSL's strength right after the transfer." })
  strength!: number;

  hcpId!: string;
}
