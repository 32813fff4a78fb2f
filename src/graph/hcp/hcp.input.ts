import { Field, ID, InputType } from 'type-graphql';
import { Channel } from '../interaction/interaction.type';

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

  @Field({
    nullable: true,
    description:
      'Every word must match one of first name, last name, specialty, institution name or city: as a prefix, ignoring case and accents, with one typo allowed in words of 5 letters or more. Results by relevance (then id).',
  })
  search?: string;
}

@InputType({ description: 'A new HCP. References must exist (else NOT_FOUND).' })
export class CreateHcpInput {
  @Field(() => ID, { nullable: true, description: 'Optional client id (letters, digits, . _ : -; at most 128); `hcp-<uuid>` when absent.' })
  id?: string | null;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => String, { nullable: true })
  specialty?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => ID, { nullable: true })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: "Default: the institution's territory." })
  territoryId?: string | null;

  @Field(() => [ID], { nullable: true })
  therapeuticAreaIds?: string[] | null;

  @Field(() => Channel, { nullable: true })
  preferredChannel?: Channel | null;
}

@InputType({ description: 'Changes to an HCP: an absent field is left as it is; null clears an optional one.' })
export class UpdateHcpInput {
  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  specialty?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => ID, { nullable: true })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the list; null or [] clears it.' })
  therapeuticAreaIds?: string[] | null;

  @Field(() => Channel, { nullable: true })
  preferredChannel?: Channel | null;
}
