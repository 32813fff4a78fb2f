import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'A person in the network: an HCP or an MSL.',
  // HCP objects always carry `specialty` (possibly null); MSL objects never do.
  resolveType: (value: object) => ('specialty' in value ? 'HCP' : 'MSL'),
})
export abstract class NetworkNode {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Display name: first and last name.' })
  name!: string;
}

/** First and last name joined by a space, either left out when empty (no arrays: it runs once per linked HCP read). */
export function fullName(person: { firstName?: string | null; lastName?: string | null }): string {
  const first = person.firstName || '';
  const last = person.lastName || '';
  return first && last ? `${first} ${last}` : first || last;
}
