import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { LINK_TYPES, LinkType as LinkTypeName, enumObject } from '../../vocabulary';
import { HCP } from '../hcp/hcp.type';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';

/** Stored as the relationship type between two :HCP nodes. REFERRAL is directed, the others symmetric. */
export const LinkType = enumObject(LINK_TYPES);
export type LinkType = LinkTypeName;
registerEnumType(LinkType, {
  name: 'LinkType',
  description: 'REFERRAL is directed (source refers patients to target); the others are symmetric.',
});

export enum LinkDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  UNDIRECTED = 'UNDIRECTED',
}
registerEnumType(LinkDirection, {
  name: 'LinkDirection',
  description:
    'Seen from the HCP whose link it is: OUTGOING = it refers to the other, INCOMING = the other refers to it, UNDIRECTED = a symmetric tie.',
});

/** A link of one HCP to another, seen from the first. `hcpId` is the other HCP's id, `hcp` the other HCP. */
@ObjectType({
  implements: Node,
  description:
    'A professional tie between two HCPs, seen from one of them. Its id is `HcpLink/<hcp id>/<type>/<direction>/<other hcp id>`.',
})
export class HcpLink {
  @Field(() => LinkType)
  type!: LinkType;

  @Field(() => Float, { description: 'In (0, 1].' })
  weight!: number;

  @Field(() => LinkDirection)
  direction!: LinkDirection;

  hcpId!: string;

  /** The HCP it is seen from. */
  ownerId!: string;

  /**
   * Read with the link, always: a field with no resolver, which the compiled executor reads inline.
   * As a field resolver it cost a resolver call (a resolve-info object, its path and closures)
   * per link, about a fifth of the memory a 1,800-link page allocates (docs/performance.md).
   */
  @Field(() => HCP, { description: 'The other HCP.' })
  hcp!: HCP;
}

@ObjectType()
export class HcpLinkConnection extends Connection(HcpLink, 'HcpLink') {}
