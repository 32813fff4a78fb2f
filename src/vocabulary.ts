/**
 * Every closed vocabulary of the domain, defined once. The GraphQL enums (registered over
 * `enumObject(...)`), CSV validation, import, export, the network and the engagement rules all
 * read these lists. The order of each list is the order clients see (GraphQL enum values, the
 * "expected one of ..." of CSV errors); rules that need another order say so where they use it.
 */

/** How an MSL met an HCP (interactions, planned interactions, an HCP's preferred channel). */
export const CHANNELS = ['IN_PERSON', 'VIRTUAL', 'EMAIL', 'PHONE', 'CONGRESS'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The HCP's attitude in an interaction, as the MSL judged it. */
export const SENTIMENTS = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Who inside the company an insight is for. */
export const AUDIENCES = ['R_AND_D', 'MARKETING', 'REGULATORY', 'MEDICAL_AFFAIRS'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** HCP-to-HCP ties, stored as the Neo4j relationship type. REFERRAL is directed; the others are symmetric. */
export const LINK_TYPES = ['COAUTHOR', 'CO_INVESTIGATOR', 'COLLEAGUE', 'MENTOR', 'REFERRAL'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Symmetric ties are stored once (smaller id -> larger id) and read in either direction. */
export const isSymmetricLink = (type: LinkType): boolean => type !== 'REFERRAL';

/** An investigator's role in a clinical trial. */
export const TRIAL_ROLES = ['PRINCIPAL', 'SUB'] as const;
export type TrialRole = (typeof TRIAL_ROLES)[number];

/** RESTRICTED_WORDS_MODE: reject writes containing a restricted word, or accept and flag them. */
export const RESTRICTED_WORDS_MODES = ['REJECT', 'FLAG'] as const;
export type RestrictedWordsMode = (typeof RESTRICTED_WORDS_MODES)[number];

/** Where a planned interaction stands: PLANNED until it is completed (the interaction logged) or cancelled; never back. */
export const PLAN_STATUSES = ['PLANNED', 'COMPLETED', 'CANCELLED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The roles a bearer token may carry (docs/security.md). */
export const ROLES = ['ADMIN', 'MSL', 'ANALYST', 'PLANNER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What front ends follow live (GraphQL subscriptions): the topic of a `(:LiveEvent)` record
 * (src/db/live-events.ts). Internal: clients see one subscription field per topic.
 */
export const LIVE_TOPICS = ['INSIGHT_CAPTURED', 'INTERACTION_LOGGED', 'SCHEDULING_CONFLICT', 'RELATIONSHIP_STRENGTH'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

/** Whether `value` is one of `values` (narrowing an unknown string to the vocabulary). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** `{ A: 'A', B: 'B' }` of a vocabulary: the object type-graphql's registerEnumType takes. */
export function enumObject<T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}
