import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { runMutation } from '../common/mutation';
import { byId, loadPage } from '../common/keyed-page';
import { PageArgs } from '../common/pagination';
import { refId } from '../common/validate';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCPConnection } from '../hcp/hcp.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { Territory } from '../territory/territory.type';
import { CreateInstitutionInput, UpdateInstitutionInput } from './institution.input';
import { Institution } from './institution.type';
import { checkCreateInstitution, checkUpdateInstitution } from './institution.validate';
import { institutionWrites } from './institution.writes';
import { AdminOnly } from '../auth';

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => Institution, { nullable: true, description: 'One institution by id; null when there is none.' })
  institution(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<Institution | null> {
    return ctx.loaders.get(referenceLoaders).institution.load(id);
  }

  @FieldResolver(() => Territory, { nullable: true })
  territory(@Root() institution: Institution, @Ctx() ctx: GraphContext): Promise<Territory | null> {
    return ctx.loaders.get(referenceLoaders).institutionTerritory.load(institution.id);
  }

  @FieldResolver(() => HCPConnection, { description: 'HCPs affiliated with the institution, by id.' })
  hcps(
    @Root() institution: Institution,
    @Ctx() ctx: GraphContext,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HCPConnection> {
    return loadPage(ctx.loaders.get(hcpLoaders).ofInstitution, institution.id, byId, page, info, ctx.app.config.maxFirst);
  }

  @AdminOnly()
  @Mutation(() => Institution, { description: 'Creates an institution. A given id must be new (else BAD_USER_INPUT on `id`).' })
  async createInstitution(
    @Arg('input', () => CreateInstitutionInput) input: CreateInstitutionInput,
    @Ctx() ctx: GraphContext,
  ): Promise<Institution> {
    const { id, fields, territoryId } = checkCreateInstitution(input);
    return runMutation(ctx, {
      creates: { label: 'Institution', id, entity: 'institution' },
      requires: [{ label: 'Territory', ids: [territoryId] }],
      write: (tx) => institutionWrites.create(tx, id, fields, territoryId),
    });
  }

  @AdminOnly()
  @Mutation(() => Institution, {
    description: 'Changes an institution: absent fields stay, null clears an optional field. Unknown institution or territory: NOT_FOUND.',
  })
  async updateInstitution(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateInstitutionInput) input: UpdateInstitutionInput,
    @Ctx() ctx: GraphContext,
  ): Promise<Institution> {
    refId(id, 'id');
    const { fields, territoryId } = checkUpdateInstitution(input);
    return runMutation(ctx, {
      requires: [
        { label: 'Institution', ids: [id] },
        { label: 'Territory', ids: [territoryId] },
      ],
      write: (tx) => institutionWrites.update(tx, id, fields, territoryId),
    });
  }
}
