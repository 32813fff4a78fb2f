import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Restricts `hcps`. All given criteria must hold.' })
export class HcpFilter {
  @Field(() => ID, { nullable: true })
  territoryId?: string;

  @Field(() => ID, { nullable: true })
  therapeuticAreaId?: string;

  @Field(() => ID, { nullable: true })
  institutionId?: string;

  @Field({ nullable: true, description: 'Exact specialty, e.g. "Cardiology".' })
  specialty?: string;

  @Field({ nullable: true, description: 'Full-text search on name, specialty and institution name/city; results ordered by relevance.' })
  search?: string;
}
