import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A word or phrase interaction notes and insight texts must not contain (case-insensitive, whole word).' })
export class RestrictedWord {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Normalized: lower case, single spaces.' })
  word!: string;
}

@ObjectType({ description: 'The restricted words found in a text.' })
export class ComplianceCheck {
  @Field()
  flagged!: boolean;

  @Field(() => [String], { description: 'Each word found once, in the order of the list.' })
  flaggedWords!: string[];

  @Field({ description: 'RESTRICTED_WORDS_MODE: REJECT (writes containing a word fail with BAD_USER_INPUT) or FLAG (accepted and flagged).' })
  mode!: string;
}
