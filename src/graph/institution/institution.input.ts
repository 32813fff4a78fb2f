import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new institution. A territory must exist (else NOT_FOUND).' })
export class CreateInstitutionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Optional client id (letters, digits, . _ : -; at most 128); `inst-<uuid>` when absent.',
  })
  id?: string | null;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'e.g. ACADEMIC_MEDICAL_CENTER, COMMUNITY_HOSPITAL, CLINIC.' })
  type?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;
}

@InputType({ description: 'Changes to an institution: an absent field is left as it is; null clears an optional one.' })
export class UpdateInstitutionInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  type?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;
}
