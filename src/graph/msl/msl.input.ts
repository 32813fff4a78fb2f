import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new MSL. References must exist (else NOT_FOUND).' })
export class CreateMslInput {
  @Field(() => ID, { nullable: true, description: 'Optional client id (letters, digits, . _ : -; at most 128); `msl-<uuid>` when absent.' })
  id?: string | null;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => ID, { nullable: true, description: 'The territory the MSL covers.' })
  territoryId?: string | null;

  @Field(() => [ID], { nullable: true })
  therapeuticAreaIds?: string[] | null;
}

@InputType({ description: 'Changes to an MSL: an absent field is left as it is; null clears an optional one.' })
export class UpdateMslInput {
  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the list; null or [] clears it.' })
  therapeuticAreaIds?: string[] | null;
}
