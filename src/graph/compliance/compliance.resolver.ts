import DataLoader from 'dataloader';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Database } from '../../db/database';
import { ValidationError } from '../../errors';
import { AdminOnly, OwnNotes } from '../auth';
import { byKey } from '../common/loaders';
import { PageArgs, windowOf } from '../common/pagination';
import { GraphContext } from '../context';
import { runMutation } from '../common/mutation';
import { Insight } from '../insight/insight.type';
import { Interaction } from '../interaction/interaction.type';
import { ComplianceResult, checkText, invalidWordReason } from '../../engagement/compliance';
import { ComplianceRepository, FlaggedLabel, WORD_ORDER, restrictedWordWrites } from './compliance.repository';
import { ComplianceCheck, RestrictedWord, RestrictedWordConnection, RestrictedWordsMode } from './compliance.type';

const MAX_CHECK_TEXT = 100000;

/** Per-request loaders of the compliance flags stored on interactions and insights. */
export function complianceLoaders(db: Database) {
  const repository = new ComplianceRepository(db);
  const flags = (label: FlaggedLabel) =>
    new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await repository.flags(label, ids), (row) => row.id).map(
        (row): ComplianceResult => row ?? { flagged: false, flaggedWords: [] },
      ),
    );
  return {
    interaction: flags('Interaction'),
    insight: flags('Insight'),
    word: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repository.byIds(ids), (row) => row.id)),
  };
}

/** Admin-managed restricted words. */
@Resolver(() => RestrictedWord)
export class ComplianceResolver {
  @Query(() => [RestrictedWord], {
    description: 'The restricted words, alphabetically (the whole list; `restrictedWordsConnection` pages it).',
  })
  restrictedWords(@Ctx() ctx: GraphContext): Promise<RestrictedWord[]> {
    return new ComplianceRepository(ctx.db).list();
  }

  @Query(() => RestrictedWordConnection, { description: 'The restricted words, alphabetically (then id), paginated.' })
  restrictedWordsConnection(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RestrictedWordConnection> {
    return new ComplianceRepository(ctx.db).page(windowOf(page, info, ctx.app.config.maxFirst, WORD_ORDER));
  }

  @Query(() => ComplianceCheck, {
    description: 'The restricted words a text contains (case-insensitive, whole word), without writing anything.',
  })
  async checkCompliance(@Arg('text') text: string, @Ctx() ctx: GraphContext): Promise<ComplianceCheck> {
    if (text.length > MAX_CHECK_TEXT) throw new ValidationError('text', `must be at most ${MAX_CHECK_TEXT} characters`);
    const words = (await new ComplianceRepository(ctx.db).list()).map((w) => w.word);
    const mode = ctx.app.config.restrictedWordsMode;
    return { ...checkText(text, words), mode, restrictedWordsMode: RestrictedWordsMode[mode] };
  }

  @AdminOnly()
  @Mutation(() => RestrictedWord, {
    description: 'Adds a restricted word or phrase (stored in lower case, single spaces); adding an existing one returns it. ADMIN only.',
  })
  addRestrictedWord(@Arg('word') word: string, @Ctx() ctx: GraphContext): Promise<RestrictedWord> {
    const reason = invalidWordReason(word);
    if (reason) throw new ValidationError('word', reason);
    return runMutation(ctx, { write: (tx) => restrictedWordWrites.add(tx, word) });
  }

  @AdminOnly()
  @Mutation(() => Boolean, {
    description: 'Removes a restricted word (matched like addRestrictedWord stores it); false when it was not listed. ADMIN only.',
  })
  removeRestrictedWord(@Arg('word') word: string, @Ctx() ctx: GraphContext): Promise<boolean> {
    // A word that could never have been added is not listed: nothing to remove.
    const listable = !invalidWordReason(word);
    return runMutation(ctx, { write: async (tx) => listable && (await restrictedWordWrites.remove(tx, word)) });
  }
}

@Resolver(() => Interaction)
export class InteractionComplianceResolver {
  // Whether the notes hold a restricted word tells something about the notes: the notes' rule.
  @OwnNotes()
  @FieldResolver(() => Boolean, {
    description: 'True when its notes contained a restricted word and RESTRICTED_WORDS_MODE=FLAG accepted it. Readable like `notes`.',
  })
  async flagged(@Root() interaction: Interaction, @Ctx() ctx: GraphContext): Promise<boolean> {
    return (await ctx.loaders.get(complianceLoaders).interaction.load(interaction.id)).flagged;
  }

  // The words found reveal part of the notes, so they follow the notes' rule.
  @OwnNotes()
  @FieldResolver(() => [String], {
    nullable: true,
    description: 'The restricted words its notes contained when logged (mode FLAG). Readable like `notes`.',
  })
  async flaggedWords(@Root() interaction: Interaction, @Ctx() ctx: GraphContext): Promise<string[]> {
    return (await ctx.loaders.get(complianceLoaders).interaction.load(interaction.id)).flaggedWords;
  }
}

@Resolver(() => Insight)
export class InsightComplianceResolver {
  @FieldResolver(() => Boolean, {
    description: 'True when its text contained a restricted word and RESTRICTED_WORDS_MODE=FLAG accepted it.',
  })
  async flagged(@Root() insight: Insight, @Ctx() ctx: GraphContext): Promise<boolean> {
    return (await ctx.loaders.get(complianceLoaders).insight.load(insight.id)).flagged;
  }

  @FieldResolver(() => [String], { description: 'The restricted words its text contained when captured (mode FLAG).' })
  async flaggedWords(@Root() insight: Insight, @Ctx() ctx: GraphContext): Promise<string[]> {
    return (await ctx.loaders.get(complianceLoaders).insight.load(insight.id)).flaggedWords;
  }
}
