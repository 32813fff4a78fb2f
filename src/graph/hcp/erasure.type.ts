import { Field, ID, Int, ObjectType } from 'type-graphql';

/** What `deleteHcp` removed: the receipt of a data-subject erasure request. */
@ObjectType({ description: 'Receipt of an HCP erasure: what was deleted.' })
export class ErasureReceipt {
  @Field(() => ID)
  hcpId!: string;

  @Field(() => Int, { description: 'Interactions with the HCP (with their notes), deleted.' })
  interactions!: number;

  @Field(() => Int, { description: 'Insights captured from those interactions, deleted.' })
  insights!: number;

  @Field(() => Int, { description: 'Interactions planned with the HCP, deleted.' })
  plannedInteractions!: number;

  @Field(() => Int, { description: 'Links to other HCPs, deleted.' })
  links!: number;

  @Field(() => Int, { description: 'MSL relationships (KNOWS), deleted.' })
  mslRelationships!: number;

  @Field(() => Int, { description: 'Authorships and trial investigator roles, deleted (the publications and trials stay).' })
  scientificRoles!: number;

  @Field(() => Int, { description: 'Every relationship of the HCP node removed (links, relationships, affiliations, areas, ...).' })
  relationships!: number;

  @Field({ description: 'ISO 8601 date-time of the erasure (UTC).' })
  erasedAt!: string;
}
