import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { afterInsightCaptured } from '../engagement/engagement.hooks';
import { GraphContext } from '../context';
import { runMutation } from '../common/mutation';
import { MAX_TEXT, newId, refId, requiredText } from '../common/validate';
import { interactionLoaders } from '../interaction/interaction.loaders';
import { Interaction } from '../interaction/interaction.type';
import { referenceLoaders } from '../reference/reference.loaders';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';
import { liveEvent } from '../live/live.events';
import { insightLoaders } from './insight.loaders';
import { NewInsight, insightWrites, sameInsight } from './insight.repository';
import { Audience, Insight } from './insight.type';
import { OwnsInteraction, Roles } from '../auth';

@Resolver(() => Insight)
export class InsightResolver {
  @FieldResolver(() => TherapeuticArea, { nullable: true })
  therapeuticArea(@Root() insight: Insight, @Ctx() ctx: GraphContext): Promise<TherapeuticArea | null> {
    return insight.therapeuticAreaId
      ? ctx.loaders.get(referenceLoaders).therapeuticArea.load(insight.therapeuticAreaId)
      : Promise.resolve(null);
  }

  @FieldResolver(() => Interaction, { nullable: true, description: 'The interaction it was captured from.' })
  interaction(@Root() insight: Insight, @Ctx() ctx: GraphContext): Promise<Interaction | null> {
    return insight.interactionId ? ctx.loaders.get(interactionLoaders).byId.load(insight.interactionId) : Promise.resolve(null);
  }

  @Roles('MSL')
  @OwnsInteraction('interactionId')
  @Mutation(() => Insight, {
    description:
      'Captures an insight from an interaction. Retries are safe with a client id: the same id with the same content answers the insight already stored and writes nothing; the same id with other content is refused (BAD_USER_INPUT on field id).',
  })
  async captureInsight(
    @Arg('interactionId', () => ID) interactionId: string,
    @Arg('text') text: string,
    @Arg('category') category: string,
    @Arg('audience', () => Audience) audience: Audience,
    @Arg('therapeuticAreaId', () => ID, { nullable: true }) therapeuticAreaId: string | null,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Optional client id; generated when absent. The same id with the same content answers the stored insight.',
    })
    id: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<Insight> {
    const record: NewInsight = {
      id: newId('ins', id),
      interactionId: refId(interactionId, 'interactionId'),
      text: requiredText(text, 'text', MAX_TEXT),
      category: requiredText(category, 'category'),
      audience,
      therapeuticAreaId:
        therapeuticAreaId === null || therapeuticAreaId === undefined ? null : refId(therapeuticAreaId, 'therapeuticAreaId'),
    };
    return runMutation(ctx, {
      creates: {
        label: 'Insight',
        id: record.id,
        entity: 'insight',
        // A resend of the same request (a client retrying after a lost answer) answers the stored insight.
        replay: async (tx) => {
          const stored = await insightWrites.stored(tx, record.id);
          return stored && sameInsight(stored, record) ? stored : null;
        },
      },
      requires: [
        { label: 'Interaction', ids: [record.interactionId] },
        { label: 'TherapeuticArea', entity: 'Therapeutic area', ids: [record.therapeuticAreaId] },
      ],
      write: async (tx) => {
        const created = await insightWrites.create(tx, record);
        // Engagement (graph/engagement/engagement.hooks.ts): restricted words in the text.
        await afterInsightCaptured(tx, ctx.app.config, record);
        return created;
      },
      liveEvents: (created) => [liveEvent.insightCaptured(created)],
    });
  }
}

@Resolver(() => Interaction)
export class InteractionInsightsResolver {
  @FieldResolver(() => [Insight], { description: 'Insights captured from it, oldest first.' })
  insights(@Root() interaction: Interaction, @Ctx() ctx: GraphContext): Promise<Insight[]> {
    return ctx.loaders.get(insightLoaders).ofInteraction.load(interaction.id);
  }
}
