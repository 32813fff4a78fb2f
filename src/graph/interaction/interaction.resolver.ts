import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { afterInteractionLogged } from '../engagement/engagement.hooks';
import { GraphContext } from '../context';
import { runMutation } from '../common/mutation';
import { loadPage } from '../common/keyed-page';
import { PageArgs } from '../common/pagination';
import { MAX_TEXT, newId, optionalText, pastIsoDate, refId } from '../common/validate';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { HCP } from '../hcp/hcp.type';
import { mslLoaders } from '../msl/msl.loaders';
import { MSL } from '../msl/msl.type';
import { liveEvent } from '../live/live.events';
import { LogInteractionInput } from './interaction.input';
import { interactionLoaders } from './interaction.loaders';
import { INTERACTION_ORDER, NewInteraction, interactionWrites } from './interaction.repository';
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
      "Logs an interaction and updates the pair's relationship: lastContact = the later of it and this date; an MSL who did not know the HCP gets a new relationship (baseStrength 0.2, since = lastContact = the date). Nothing is written when anything is rejected.",
  })
  async logInteraction(
    @Arg('input', () => LogInteractionInput) input: LogInteractionInput,
    @Ctx() ctx: GraphContext,
  ): Promise<Interaction> {
    const record = checkInteraction(input);
    return runMutation(ctx, {
      creates: { label: 'Interaction', id: record.id, entity: 'interaction' },
      requires: [
        { label: 'MSL', ids: [record.mslId] },
        { label: 'HCP', ids: [record.hcpId] },
      ],
      write: async (tx) => {
        const { interaction } = await interactionWrites.create(tx, record);
        // Engagement (graph/engagement/engagement.hooks.ts): restricted words in notes, then the pair's strength recomputed.
        await afterInteractionLogged(tx, ctx.app.config, record);
        return interaction;
      },
      // The pair's strength (paths) and the HCP's interaction counts (COMPOSITE) changed.
      networkChange: { msls: [record.mslId], attrs: [record.hcpId] },
      liveEvents: () => [liveEvent.interactionLogged(record), liveEvent.relationshipStrength(record.mslId, record.hcpId)],
    });
  }
}

function checkInteraction(input: LogInteractionInput): NewInteraction {
  return {
    id: newId('int', input.id),
    mslId: refId(input.mslId, 'mslId'),
    hcpId: refId(input.hcpId, 'hcpId'),
    date: pastIsoDate(input.date, 'date'),
    channel: input.channel,
    topic: optionalText(input.topic, 'topic'),
    sentiment: input.sentiment,
    notes: optionalText(input.notes, 'notes', MAX_TEXT),
  };
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
