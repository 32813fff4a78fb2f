import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ValidationError } from '../../errors';
import { GraphContext } from '../context';
import { KeyPart } from '../common/cursor';
import { PageArgs, checkFirst, pageOfList, windowOf } from '../common/pagination';
import { runMutation } from '../common/mutation';
import { refId, unitInterval } from '../common/validate';
import { derivedId } from '../node/derived-id';
import { HCP } from '../hcp/hcp.type';
import { linkLoaders } from './link.loaders';
import { linkWrites } from './link.repository';
import { LINK_TYPES, isSymmetricLink } from '../../vocabulary';
import { HcpLink, HcpLinkConnection, LinkDirection, LinkType } from './link.type';
import { AdminOnly } from '../auth';

/** Strongest first, then the other HCP's id, the type and the direction (a REFERRAL may go both ways). */
const BY_WEIGHT: KeyPart[] = [{ kind: 'number', desc: true }, { kind: 'string' }, { kind: 'string' }, { kind: 'string' }];

@Resolver(() => HcpLink)
export class HcpLinkResolver {
  @FieldResolver(() => ID)
  id(@Root() link: HcpLink): string {
    return derivedId('HcpLink', link.ownerId, link.type, link.direction, link.hcpId);
  }

  @AdminOnly()
  @Mutation(() => HcpLink, {
    description:
      'Links two HCPs, or sets the weight of their existing link of that type (symmetric types in either direction). Returns the link seen from the source.',
  })
  async linkHcps(
    @Arg('sourceId', () => ID) sourceId: string,
    @Arg('targetId', () => ID) targetId: string,
    @Arg('type', () => LinkType) type: LinkType,
    @Arg('weight', () => Float, { description: 'In (0, 1].' }) weight: number,
    @Ctx() ctx: GraphContext,
  ): Promise<HcpLink> {
    checkPair(sourceId, targetId);
    unitInterval(weight, 'weight');
    return runMutation(ctx, {
      requires: [{ label: 'HCP', ids: [sourceId, targetId] }],
      write: (tx) => linkWrites.upsert(tx, sourceId, targetId, type, weight),
      networkChange: { hcps: [sourceId, targetId] },
      answer: ({ target }): HcpLink => ({
        type,
        weight,
        direction: isSymmetricLink(type) ? LinkDirection.UNDIRECTED : LinkDirection.OUTGOING,
        hcpId: targetId,
        ownerId: sourceId,
        hcp: target,
      }),
    });
  }

  @AdminOnly()
  @Mutation(() => Int, {
    description:
      'Removes the link of `type` between two HCPs (REFERRAL: from source to target), or without `type` every link between them. Returns how many were removed.',
  })
  async unlinkHcps(
    @Arg('sourceId', () => ID) sourceId: string,
    @Arg('targetId', () => ID) targetId: string,
    @Arg('type', () => LinkType, { nullable: true }) type: LinkType | null,
    @Ctx() ctx: GraphContext,
  ): Promise<number> {
    checkPair(sourceId, targetId);
    return runMutation(ctx, {
      requires: [{ label: 'HCP', ids: [sourceId, targetId] }],
      write: (tx) => linkWrites.remove(tx, sourceId, targetId, type ?? null),
      networkChange: (removed) => (removed > 0 ? { hcps: [sourceId, targetId] } : null),
    });
  }
}

function checkPair(sourceId: string, targetId: string): void {
  refId(sourceId, 'sourceId');
  refId(targetId, 'targetId');
  if (sourceId === targetId) throw new ValidationError('targetId', 'an HCP cannot be linked to itself');
}

@Resolver(() => HCP)
export class HcpLinksResolver {
  @FieldResolver(() => HcpLinkConnection, {
    description: 'Links to other HCPs, either direction, by descending weight (then the other id, type, direction), paginated.',
  })
  async linksConnection(
    @Root() hcp: HCP,
    @Ctx() ctx: GraphContext,
    @Arg('types', () => [LinkType], { nullable: true, description: 'Only these types (default: all).' }) types: LinkType[] | null,
    @Args(() => PageArgs) args: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HcpLinkConnection> {
    const window = windowOf(args, info, ctx.app.config.maxFirst, BY_WEIGHT);
    const wanted = types ? [...new Set(types)] : [...LINK_TYPES];
    const links = wanted.length === 0 ? [] : await ctx.loaders.get(linkLoaders).of.load({ hcpId: hcp.id, types: wanted, first: null });
    return pageOfList(links, (link) => [link.weight, link.hcpId, link.type, link.direction], BY_WEIGHT, window);
  }

  @FieldResolver(() => [HcpLink], {
    description: 'Links to other HCPs, either direction, by descending weight (then the other id, then type).',
  })
  links(
    @Root() hcp: HCP,
    @Ctx() ctx: GraphContext,
    @Arg('types', () => [LinkType], { nullable: true, description: 'Only these types (default: all).' }) types: LinkType[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (default: all).' }) first: number | null,
  ): HcpLink[] | Promise<HcpLink[]> {
    const size = first === null || first === undefined ? null : checkFirst(first, ctx.app.config.maxFirst);
    if (types && types.length === 0) return [];
    const wanted = types ? [...new Set(types)] : [...LINK_TYPES];
    return ctx.loaders.get(linkLoaders).of.get({ hcpId: hcp.id, types: wanted, first: size });
  }
}
