import { Field, ID, InputType } from 'type-graphql';
import { Channel, Sentiment } from './interaction.type';

@InputType({ description: 'An interaction to log.' })
export class LogInteractionInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Optional client id (letters, digits, . _ : -); generated when absent. Send one to retry safely: the same id with the same content answers the stored interaction.',
  })
  id?: string | null;

  @Field(() => ID)
  mslId!: string;

  @Field(() => ID)
  hcpId!: string;

  @Field({ description: 'ISO 8601 date (YYYY-MM-DD), not in the future.' })
  date!: string;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => String, { nullable: true })
  topic?: string | null;

  @Field(() => Sentiment)
  sentiment!: Sentiment;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
