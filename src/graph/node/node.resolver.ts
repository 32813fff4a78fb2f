import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ValidationError } from '../../errors';
import { requireRole } from '../auth/rules';
import { GraphContext } from '../context';
import { Node, Typed } from './node.type';
import { entityTypesOf } from './node.repository';
import { loadDerived, loadEntities } from './node.loaders';

/** The id prefixes of the data and of ids the API generates, deciding between types that share an id. */
const PREFIXES: [string, string][] = [
  ['hcp-', 'HCP'],
  ['msl-', 'MSL'],
  ['inst-', 'Institution'],
  ['ter-', 'Territory'],
  ['ta-', 'TherapeuticArea'],
  ['int-', 'Interaction'],
  ['ins-', 'Insight'],
  ['pub-', 'Publication'],
  ['trial-', 'ClinicalTrial'],
  ['plan-', 'PlannedInteraction'],
  ['rw-', 'RestrictedWord'],
];

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'The object with this id, whatever its type; null when there is none. Entities are found by their domain id, derived objects by their built id (see Node). Ids shared by two entity types (possible only with imported or client-chosen ids) resolve to the type their prefix names (hcp-, msl-, inst-, ter-, ta-, int-, ins-, pub-, trial-, plan-, rw-), else BAD_USER_INPUT.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext): Promise<Typed<object> | null> {
    const [found] = await resolveNodes(ctx, [id], 'id');
    return found;
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'The objects with these ids, in the same order; null for each id with none (as `node`).',
  })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GraphContext): Promise<(Typed<object> | null)[]> {
    if (ids.length > ctx.app.config.maxFirst) throw new ValidationError('ids', `at most ${ctx.app.config.maxFirst} ids`);
    return resolveNodes(ctx, ids, 'ids');
  }
}

async function resolveNodes(ctx: GraphContext, ids: readonly string[], field: string): Promise<(Typed<object> | null)[]> {
  const holders = await entityTypesOf(ctx.db, [...new Set(ids)]);
  const typeOf = (id: string): string | null => {
    const types = holders.get(id) ?? [];
    if (types.length <= 1) return types[0] ?? null;
    const byPrefix = PREFIXES.find(([prefix, type]) => id.startsWith(prefix) && types.includes(type));
    if (!byPrefix) throw new ValidationError(field, `"${id}" is the id of several objects (${types.join(', ')})`);
    return byPrefix[1];
  };
  const typed = ids.map((id) => ({ id, type: typeOf(id) }));
  if (typed.some((entry) => entry.type === 'AuditEvent')) requireRole(ctx.viewer, ['ADMIN'], 'reading audit events');
  return Promise.all(typed.map(async ({ id, type }) => (type ? loadEntities(ctx, type, id) : loadDerived(ctx, id))));
}
