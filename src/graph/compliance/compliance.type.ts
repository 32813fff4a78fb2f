import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/pagination';
import { Node } from '../node/node.type';
import { RESTRICTED_WORDS_MODES, RestrictedWordsMode as RestrictedWordsModeName, enumObject } from '../../vocabulary';

export const RestrictedWordsMode = enumObject(RESTRICTED_WORDS_MODES);
export type RestrictedWordsMode = RestrictedWordsModeName;
registerEnumType(RestrictedWordsMode, {
  name: 'RestrictedWordsMode',
  valuesConfig: {
    REJECT: { description: 'Writes whose text contains a restricted word fail with BAD_USER_INPUT.' },
    FLAG: { description: 'Such writes are accepted and flagged.' },
  },
});

@ObjectType({
  implements: Node,
  description: 'A word or phrase interaction notes and insight texts must not contain (case-insensitive, whole word).',
})
export class RestrictedWord {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Normalized: lower case, single spaces.' })
  word!: string;
}

@ObjectType()
export class RestrictedWordConnection extends Connection(RestrictedWord, 'RestrictedWord') {}

@ObjectType({ description: 'The restricted words found in a text.' })
export class ComplianceCheck {
  @Field()
  flagged!: boolean;

  @Field(() => [String], { description: 'Each word found once, in the order of the list.' })
  flaggedWords!: string[];

  @Field({
    description: 'RESTRICTED_WORDS_MODE: REJECT (writes containing a word fail with BAD_USER_INPUT) or FLAG (accepted and flagged).',
    deprecationReason: 'Use `restrictedWordsMode`: the same value as the RestrictedWordsMode enum.',
  })
  mode!: string;

  @Field(() => RestrictedWordsMode, { description: 'RESTRICTED_WORDS_MODE in force.' })
  restrictedWordsMode!: RestrictedWordsMode;
}
