import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphContext } from '../context';
import { runMutation } from '../common/mutation';
import { loadPage } from '../common/keyed-page';
import { PageArgs } from '../common/pagination';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { mslLoaders } from '../msl/msl.loaders';
import { MSL } from '../msl/msl.type';
import { LogInteractionInput } from './interaction.input';
import { interactionLoaders } from './interaction.loaders';
import { INTERACTION_ORDER, InteractionRow, STORED_INTERACTION, sameInteraction, toInteraction } from './interaction.repository';
import { checkInteraction, interactionLiveEvents, interactionNetworkChange, writeInteraction } from './interaction.log';
import { Interaction, InteractionConnection } from './interaction.type';
import { ActsForMsl } from '../auth';

@Resolver(() => Interaction)
export class InteractionResolver {
  @Query(() => Interaction, { nullable: true, description: 'One interaction by id; null when there is none.' })
  interaction(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<Interaction | null> {
    return ctx.loaders.get(interactionLoaders).byId.load(id);
  }

  @FieldResolver(() => MSL, { nullable: true, description: 'The MSL who logged it.' })
  msl(@Root() interaction: Interaction, @Ctx() ctx: GraphContext): Promise<MSL | null> {
    return interaction.mslId ? ctx.loaders.get(mslLoaders).byId.load(interaction.mslId) : Promise.resolve(null);
  }

  @FieldResolver(() => HCP, { nullable: true, description: 'The HCP it was with.' })
  hcp(@Root() interaction: Interaction, @Ctx() ctx: GraphContext): Promise<HCP | null> {
    return interaction.hcpId ? ctx.loaders.get(hcpLoaders).byId.load(interaction.hcpId) : Promise.resolve(null);
  }

  @ActsForMsl('input.mslId')
  @Mutation(() => Interaction, {
    description:
      "Logs an interaction and updates the pair's relationship: lastContact = the later of it and this date; an MSL who did not know the HCP gets a new relationship (baseStrength 0.2, since = lastContact = the date). Nothing is written when anything is rejected. " +
      'Retries are safe with a client id: the same id with the same content (MSL, HCP, date, channel, topic, sentiment, notes) answers the interaction already stored and writes nothing (no second audit event), also when both requests arrive at once; the same id with other content is refused (BAD_USER_INPUT on field id).',
  })
  async logInteraction(
    @Arg('input', () => LogInteractionInput) input: LogInteractionInput,
    @Ctx() ctx: GraphContext,
  ): Promise<Interaction> {
    const record = checkInteraction(input);
    return runMutation(ctx, {
      creates: {
        label: 'Interaction',
        id: record.id,
        entity: 'interaction',
        // A resend of the same request (a client retrying after a lost answer) answers the stored
        // interaction, which the checks return.
        storedAs: STORED_INTERACTION,
        replay: async (_tx, row) => {
          const stored = toInteraction(row as InteractionRow);
          return sameInteraction(stored, record) ? stored : null;
        },
      },
      requires: [
        { label: 'MSL', ids: [record.mslId] },
        { label: 'HCP', ids: [record.hcpId] },
      ],
      // The checks ride in the create's statement: one round trip fewer on the busiest write.
      checksInWrite: true,
      write: (tx, defer, checks) => writeInteraction(tx, ctx.app.config, record, defer, checks),
      networkChange: interactionNetworkChange(record),
      liveEvents: () => interactionLiveEvents(record),
    });
  }
}

@Resolver(() => HCP)
export class HcpInteractionsResolver {
  @FieldResolver(() => InteractionConnection, { description: 'Interactions with this HCP, newest first (same day: by id).' })
  interactions(
    @Root() hcp: HCP,
    @Ctx() ctx: GraphContext,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InteractionConnection> {
    return loadPage(ctx.loaders.get(interactionLoaders).ofHcp, hcp.id, INTERACTION_ORDER, page, info, ctx.app.config.maxFirst);
  }
}

@Resolver(() => MSL)
export class MslInteractionsResolver {
  @FieldResolver(() => InteractionConnection, { description: 'Interactions this MSL logged, newest first (same day: by id).' })
  interactions(
    @Root() msl: MSL,
    @Ctx() ctx: GraphContext,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InteractionConnection> {
    return loadPage(ctx.loaders.get(interactionLoaders).ofMsl, msl.id, INTERACTION_ORDER, page, info, ctx.app.config.maxFirst);
  }
}
