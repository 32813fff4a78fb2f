import { AuditRepository } from '../audit/audit.repository';
import { complianceLoaders } from '../compliance/compliance.resolver';
import { GraphContext } from '../context';
import { hcpLoaders } from '../hcp/hcp.loaders';
import { insightLoaders } from '../insight/insight.loaders';
import { interactionLoaders } from '../interaction/interaction.loaders';
import { linkLoaders } from '../link/link.loaders';
import { LinkType } from '../link/link.type';
import { LINK_TYPES } from '../../vocabulary';
import { mslLoaders } from '../msl/msl.loaders';
import { communityOf, influenceOf } from '../network/network.node';
import { planPages } from '../planning/planning.pages';
import { publicationLoaders } from '../publication/publication.loaders';
import { referenceLoaders } from '../reference/reference.loaders';
import { relationshipLoaders } from '../relationship/relationship.loaders';
import { trialLoaders } from '../trial/trial.loaders';
import { parseDerivedId } from './derived-id';
import { Node, Typed } from './node.type';

const typed = <T extends object>(type: string, value: T | null | undefined): Typed<T> | null =>
  value ? { ...value, __typename: type } : null;

/** An entity of GraphQL type `type` by id, through the request's loaders (so `nodes` batches per type). */
export async function loadEntities(ctx: GraphContext, type: string, id: string): Promise<Typed<object> | null> {
  const references = ctx.loaders.get(referenceLoaders);
  const load: Record<string, () => Promise<Node | null>> = {
    HCP: () => ctx.loaders.get(hcpLoaders).byId.load(id),
    MSL: () => ctx.loaders.get(mslLoaders).byId.load(id),
    Institution: () => references.institution.load(id),
    Territory: () => references.territory.load(id),
    TherapeuticArea: () => references.therapeuticArea.load(id),
    Interaction: () => ctx.loaders.get(interactionLoaders).byId.load(id),
    Insight: () => ctx.loaders.get(insightLoaders).byId.load(id),
    Publication: () => ctx.loaders.get(publicationLoaders).byId.load(id),
    ClinicalTrial: () => ctx.loaders.get(trialLoaders).byId.load(id),
    AuditEvent: async () => (await new AuditRepository(ctx.db).byIds([id]))[0] ?? null,
    PlannedInteraction: async () => (await planPages.byIds(ctx.db, [id]))[0] ?? null,
    RestrictedWord: () => ctx.loaders.get(complianceLoaders).word.load(id),
  };
  return typed(type, await load[type]());
}

/** An object derived from entities, by its built id (see derived-id.ts), or a community; null when there is none. */
export async function loadDerived(ctx: GraphContext, id: string): Promise<Typed<object> | null> {
  const community = await communityOf(ctx, id);
  if (community) return typed('Community', community);
  const derived = parseDerivedId(id);
  if (!derived) return null;
  const [a, b, c, d] = derived.parts;
  switch (`${derived.type}/${derived.parts.length}`) {
    case 'MslRelationship/2': {
      const relationships = await ctx.loaders.get(relationshipLoaders).ofMsl.load(a);
      return typed(
        'MslRelationship',
        relationships.find((r) => r.hcpId === b),
      );
    }
    case 'HcpLink/4': {
      if (!LINK_TYPES.includes(b as LinkType)) return null;
      const links = await ctx.loaders.get(linkLoaders).of.load({ hcpId: a, types: [b as LinkType], first: null });
      return typed(
        'HcpLink',
        links.find((link) => link.direction === c && link.hcpId === d),
      );
    }
    case 'Influence/1':
      return typed('Influence', await influenceOf(ctx, a));
    default:
      return null;
  }
}
