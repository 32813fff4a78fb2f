import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { OwnNotes } from '../auth';
import { CHANNELS, Channel as ChannelName, SENTIMENTS, Sentiment as SentimentName, enumObject } from '../../vocabulary';
import { Connection } from '../common/pagination';
import { Node } from '../node/node.type';

export const Channel = enumObject(CHANNELS);
export type Channel = ChannelName;
registerEnumType(Channel, { name: 'Channel', description: 'How an MSL met an HCP.' });

export const Sentiment = enumObject(SENTIMENTS);
export type Sentiment = SentimentName;
registerEnumType(Sentiment, { name: 'Sentiment', description: "The HCP's attitude in an interaction, as the MSL judged it." });

/**
 * One logged contact between an MSL and an HCP: (:MSL)-[:LOGGED]->(:Interaction)-[:WITH]->(:HCP).
 * `mslId`/`hcpId` are not GraphQL fields: the `msl`/`hcp` field resolvers load them by id.
 */
@ObjectType({ implements: Node, description: 'A logged contact between an MSL and an HCP.' })
export class Interaction {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'ISO 8601 date (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => Sentiment)
  sentiment!: Sentiment;

  @OwnNotes()
  @Field(() => String, {
    nullable: true,
    description: 'Free text. Personal data: FORBIDDEN for ANALYST and PLANNER; an MSL reads only its own.',
  })
  notes!: string | null;

  /** The MSL who logged it (null only for data written by hand without LOGGED). */
  mslId!: string | null;

  /** The HCP it was with (null only for data written by hand without WITH). */
  hcpId!: string | null;
}

@ObjectType()
export class InteractionConnection extends Connection(Interaction, 'Interaction') {}
