import { FieldNode, GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { runMutation } from '../common/mutation';
import { fieldsSelectedOn, selectedFieldNodes, selectedFields } from '../common/lookahead';
import { byId } from '../common/keyed-page';
import { PageArgs, windowOf } from '../common/pagination';
import { Reference } from '../common/references';
import { refId } from '../common/validate';
import { Institution } from '../institution/institution.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { linkLoaders } from '../link/link.loaders';
import { allLinksOf, allLinksRequest, linksFromTuples } from '../link/link.repository';
import { Territory } from '../territory/territory.type';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { hcpLoaders } from './hcp.loaders';
import { ErasureReceipt } from './erasure.type';
import { CreateHcpInput, HcpFilter, UpdateHcpInput } from './hcp.input';
import { HcpRepository, SEARCH_ORDER, toHcp } from './hcp.repository';
import { checkCreateHcp, checkUpdateHcp } from './hcp.validate';
import { HcpRefs, hcpWrites } from './hcp.writes';
import { HCP, HCPConnection } from './hcp.type';
import { AdminOnly } from '../auth';
import { Channel } from '../interaction/interaction.type';
import { CHANNELS, isOneOf } from '../../vocabulary';

@Resolver(() => HCP)
export class HcpResolver {
  @Query(() => HCP, { nullable: true, description: 'One HCP by id; null when there is none.' })
  hcp(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<HCP | null> {
    return ctx.loaders.get(hcpLoaders).byId.load(id);
  }

  @Query(() => HCPConnection, { description: 'HCPs matching the filter, by id (or by relevance with `search`), paginated.' })
  async hcps(
    @Arg('filter', () => HcpFilter, { nullable: true }) filter: HcpFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HCPConnection> {
    const search = Boolean(filter?.search?.trim());
    const window = windowOf(page, info, ctx.app.config.maxFirst, search ? SEARCH_ORDER : byId);
    // A page's institutions, areas and links, when asked for, come with the page: one statement
    // instead of up to four. Links only when some `links`/`linksConnection` takes the default
    // types (and `links` no `first`): that is the request the page's links answer.
    const selected = selectedFieldNodes(info, ['edges', 'node']);
    const has = (name: string) => selected.some((field) => field.name.value === name);
    const namesOnly = linkedNamesOnly(info);
    const include = {
      institution: has('institution'),
      therapeuticAreas: has('therapeuticAreas'),
      links: selected.some(takesAllLinks) ? { read: (x: string) => allLinksOf(x, namesOnly), convert: linksFromTuples } : undefined,
      total: selectedFields(info, []).has('totalCount'),
    };
    const listed = await new HcpRepository(ctx.db).page(filter ?? {}, window, include);
    const loader = ctx.loaders.get(hcpLoaders).byId;
    const references = ctx.loaders.get(referenceLoaders);
    const links = ctx.loaders.get(linkLoaders).of;
    for (const { node: row } of listed.edges) {
      loader.prime(row.hcp.id, row.hcp);
      if (include.institution) references.institutionOf.prime(row.hcp.id, row.institution ?? null);
      if (include.therapeuticAreas) references.hcpAreas.prime(row.hcp.id, row.therapeuticAreas ?? []);
      if (include.links) links.prime(allLinksRequest(row.hcp.id), row.links ?? []);
    }
    return { ...listed, edges: listed.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.hcp })) };
  }

  @FieldResolver(() => Channel, {
    nullable: true,
    description:
      'The explicitly recorded preferred channel; null when none is recorded (`channelPreference` also derives one from history).',
  })
  explicitPreferredChannel(@Root() hcp: HCP): Channel | null {
    return isOneOf(CHANNELS, hcp.preferredChannel) ? hcp.preferredChannel : null;
  }

  @FieldResolver(() => Institution, { nullable: true })
  institution(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Institution | null | Promise<Institution | null> {
    return ctx.loaders.get(referenceLoaders).institutionOf.get(hcp.id);
  }

  @FieldResolver(() => Territory, { nullable: true })
  territory(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Territory | null> {
    return ctx.loaders.get(referenceLoaders).hcpTerritory.load(hcp.id);
  }

  @FieldResolver(() => [TherapeuticArea])
  therapeuticAreas(@Root() hcp: HCP, @Ctx() ctx: GraphContext): TherapeuticArea[] | Promise<TherapeuticArea[]> {
    return ctx.loaders.get(referenceLoaders).hcpAreas.get(hcp.id);
  }

  @AdminOnly()
  @Mutation(() => HCP, {
    description: 'Creates an HCP. A given id must be new (else BAD_USER_INPUT on `id`); references must exist (else NOT_FOUND).',
  })
  async createHcp(@Arg('input', () => CreateHcpInput) input: CreateHcpInput, @Ctx() ctx: GraphContext): Promise<HCP> {
    const { id, fields, refs } = checkCreateHcp(input);
    return runMutation(ctx, {
      creates: { label: 'HCP', id, entity: 'HCP' },
      requires: references(refs),
      write: (tx) => hcpWrites.create(tx, id, fields, refs),
      networkChange: { hcps: [id] },
      answer: toHcp,
    });
  }

  @AdminOnly()
  @Mutation(() => HCP, {
    description: 'Changes an HCP: absent fields stay, null clears an optional field. Unknown HCP or reference: NOT_FOUND.',
  })
  async updateHcp(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateHcpInput) input: UpdateHcpInput,
    @Ctx() ctx: GraphContext,
  ): Promise<HCP> {
    refId(id, 'id');
    const { fields, refs } = checkUpdateHcp(input);
    return runMutation(ctx, {
      requires: [{ label: 'HCP', ids: [id] }, ...references(refs)],
      write: (tx) => hcpWrites.update(tx, id, fields, refs),
      // Only the territory, areas and institution matter to the analytics (filters); names and contact details do not.
      networkChange:
        refs.territoryId !== undefined || refs.therapeuticAreaIds !== undefined || refs.institutionId !== undefined
          ? { attrs: [id] }
          : null,
      answer: toHcp,
    });
  }

  @AdminOnly()
  @Mutation(() => ErasureReceipt, {
    description:
      'Data-subject erasure: deletes the HCP with all its personal data (links, MSL relationships, affiliations, authorships, the interactions with it and their insights, interactions planned with it) in one transaction and returns what was deleted. Publications and trials stay. Unknown id: NOT_FOUND.',
  })
  async deleteHcp(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<ErasureReceipt> {
    return runMutation(ctx, {
      requires: [{ label: 'HCP', ids: [id] }],
      write: (tx) => hcpWrites.erase(tx, id),
      networkChange: ({ node }) => ({ erasedHcps: [{ id, node }] }),
      answer: ({ receipt }) => receipt,
    });
  }
}

/** A `links` without types or first, or a `linksConnection` without types: both load every link of the HCP. */
function takesAllLinks(field: FieldNode): boolean {
  const args = new Set(field.arguments?.map((argument) => argument.name.value));
  if (field.name.value === 'links') return !args.has('types') && !args.has('first');
  return field.name.value === 'linksConnection' && !args.has('types');
}

/** Fields of an HCP answered from its id and names alone: the others read more of it, or may. */
const ID_AND_NAME_FIELDS = new Set([
  '__typename',
  'id',
  'name',
  'firstName',
  'lastName',
  'institution',
  'territory',
  'therapeuticAreas',
  'links',
  'linksConnection',
]);

/**
 * Whether the whole operation reads nothing of any HCP (or person, or node) but what
 * ID_AND_NAME_FIELDS answer: then the HCPs a page's links point to are read with their names
 * only. Decided on the whole operation, not this field's selection, because the page primes the
 * request's links loader, which every selection of those HCPs' links reads.
 */
function linkedNamesOnly(info: GraphQLResolveInfo): boolean {
  return [...fieldsSelectedOn(info, ['HCP', 'NetworkNode', 'Node'])].every((field) => ID_AND_NAME_FIELDS.has(field));
}

/** The references an HCP write names, for the existence check. */
function references(refs: HcpRefs): Reference[] {
  return [
    { label: 'Institution', ids: [refs.institutionId] },
    { label: 'Territory', ids: [refs.territoryId] },
    { label: 'TherapeuticArea', entity: 'Therapeutic area', ids: refs.therapeuticAreaIds ?? [] },
  ];
}
