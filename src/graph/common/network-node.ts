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

export function fullName(person: { firstName?: string | null; lastName?: string | null }): string {
  return [person.firstName, person.lastName].filter(Boolean).join(' ');
}
