import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError, ValidationError } from '../../errors';
import { GraphContext } from '../context';
import { markNetworkChanged } from '../common/network-change';
import { selectedFields } from '../common/lookahead';
import { byId } from '../common/keyed-page';
import { PageArgs, windowOf } from '../common/pagination';
import { Reference, guardDuplicateId, isTaken, requireExisting } from '../common/references';
import { refId } from '../common/validate';
import { Institution } from '../institution/institution.type';
import { referenceLoaders } from '../reference/reference.loaders';
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
    // A page's institutions and areas, when asked for, come with the page: two statements fewer.
    const selected = selectedFields(info, ['edges', 'node']);
    const include = { institution: selected.has('institution'), therapeuticAreas: selected.has('therapeuticAreas') };
    const listed = await new HcpRepository(ctx.db).page(filter ?? {}, window, include);
    const loader = ctx.loaders.get(hcpLoaders).byId;
    const references = ctx.loaders.get(referenceLoaders);
    for (const { node: row } of listed.edges) {
      loader.prime(row.hcp.id, row.hcp);
      if (include.institution) references.institutionOf.prime(row.hcp.id, row.institution ?? null);
      if (include.therapeuticAreas) references.hcpAreas.prime(row.hcp.id, row.therapeuticAreas ?? []);
    }
    return { ...listed, edges: listed.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.hcp })) };
  }

  @FieldResolver(() => Channel, { nullable: true, description: 'The explicitly recorded preferred channel; null when none is recorded (`channelPreference` also derives one from history).' })
  explicitPreferredChannel(@Root() hcp: HCP): Channel | null {
    return isOneOf(CHANNELS, hcp.preferredChannel) ? hcp.preferredChannel : null;
  }

  @FieldResolver(() => Institution, { nullable: true })
  institution(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Institution | null> {
    return ctx.loaders.get(referenceLoaders).institutionOf.load(hcp.id);
  }

  @FieldResolver(() => Territory, { nullable: true })
  territory(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<Territory | null> {
    return ctx.loaders.get(referenceLoaders).hcpTerritory.load(hcp.id);
  }

  @FieldResolver(() => [TherapeuticArea])
  therapeuticAreas(@Root() hcp: HCP, @Ctx() ctx: GraphContext): Promise<TherapeuticArea[]> {
    return ctx.loaders.get(referenceLoaders).hcpAreas.load(hcp.id);
  }

  @AdminOnly()
  @Mutation(() => HCP, { description: 'Creates an HCP. A given id must be new (else BAD_USER_INPUT on `id`); references must exist (else NOT_FOUND).' })
  async createHcp(@Arg('input', () => CreateHcpInput) input: CreateHcpInput, @Ctx() ctx: GraphContext): Promise<HCP> {
    const { id, fields, refs } = checkCreateHcp(input);
    const props = await guardDuplicateId(
      ctx.db.transaction(async (tx) => {
        if (await isTaken(tx, 'HCP', id)) throw new ValidationError('id', `HCP "${id}" exists already`);
        await requireExisting(tx, references(refs));
        const created = await hcpWrites.create(tx, id, fields, refs);
        await markNetworkChanged(tx, { hcps: [id] });
        return created;
      }),
      'HCP',
      id,
    );
    ctx.loaders.clear();
    return toHcp(props);
  }

  @AdminOnly()
  @Mutation(() => HCP, { description: 'Changes an HCP: absent fields stay, null clears an optional field. Unknown HCP or reference: NOT_FOUND.' })
  async updateHcp(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateHcpInput) input: UpdateHcpInput,
    @Ctx() ctx: GraphContext,
  ): Promise<HCP> {
    refId(id, 'id');
    const { fields, refs } = checkUpdateHcp(input);
    const props = await ctx.db.transaction(async (tx) => {
      await requireExisting(tx, [{ label: 'HCP', ids: [id] }, ...references(refs)]);
      const updated = await hcpWrites.update(tx, id, fields, refs);
      // Only the territory and areas matter to the analytics (filters); names and contact details do not.
      if (refs.territoryId !== undefined || refs.therapeuticAreaIds !== undefined || refs.institutionId !== undefined) await markNetworkChanged(tx, { attrs: [id] });
      return updated;
    });
    ctx.loaders.clear();
    return toHcp(props);
  }

  @AdminOnly()
  @Mutation(() => ErasureReceipt, {
    description:
      'Data-subject erasure: deletes the HCP with all its personal data (links, MSL relationships, affiliations, authorships, the interactions with it and their insights, interactions planned with it) in one transaction and returns what was deleted. Publications and trials stay. Unknown id: NOT_FOUND.',
  })
  async deleteHcp(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<ErasureReceipt> {
    const receipt = await ctx.db.transaction(async (tx) => {
      if (!(await isTaken(tx, 'HCP', id))) throw new NotFoundError('HCP', id);
      const erased = await hcpWrites.erase(tx, id);
      await markNetworkChanged(tx, { erasedHcps: [id] });
      return erased;
    });
    ctx.loaders.clear();
    return receipt;
  }
}

/** The references an HCP write names, for the existence check. */
function references(refs: HcpRefs): Reference[] {
  return [
    { label: 'Institution', ids: [refs.institutionId] },
    { label: 'Territory', ids: [refs.territoryId] },
    { label: 'TherapeuticArea', entity: 'Therapeutic area', ids: refs.therapeuticAreaIds ?? [] },
  ];
}
