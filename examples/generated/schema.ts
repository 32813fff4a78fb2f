export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** Insights about one therapeutic area (or none) captured in one month. */
export type AreaTrend = {
  __typename?: 'AreaTrend';
  count: Scalars['Int']['output'];
  /** YYYY-MM (UTC). */
  month: Scalars['String']['output'];
  /** null: insights without an area. */
  therapeuticArea?: Maybe<TherapeuticArea>;
};

/** Target HCPs shared out across MSLs: each target to at most one MSL, each MSL at most `capacity` targets, the largest Σ path strength × influence (docs/planning.md). */
export type AssignmentProposal = {
  __typename?: 'AssignmentProposal';
  /** The pairs, in the order the targets were given. */
  assignments: Array<ProposedAssignment>;
  /** Σ value over the assignments. */
  totalValue: Scalars['Float']['output'];
  /** Targets given to nobody (no MSL of the team reaches them within maxHops, or capacity ran out), in the order given. */
  unassigned: Array<Hcp>;
};

/** Who inside the company an insight is for. */
export type Audience =
  | 'MARKETING'
  | 'MEDICAL_AFFAIRS'
  | 'REGULATORY'
  | 'R_AND_D';

/** One recorded write: who, what, when. Never carries personal data. */
export type AuditEvent = Node & {
  __typename?: 'AuditEvent';
  /** The mutation (or import) name. */
  action: Scalars['String']['output'];
  /** When the write committed (ISO 8601, UTC). */
  at: Scalars['String']['output'];
  /** Ids of the entities written or referenced. */
  entityIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  /** The `sub` claim of the writer. */
  sub: Scalars['String']['output'];
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

/** Betweenness: how much the HCP brokers between parts of the network, shown by the communities its ties reach. */
export type BetweennessExplanation = {
  __typename?: 'BetweennessExplanation';
  /** Other communities its ties reach: most ties first, then weight, then community id. */
  bridges: Array<BridgedCommunity>;
  /** The HCP's own community. */
  community: Community;
  score: Scalars['Float']['output'];
};

/** A community, other than its own, that the HCP has ties into. */
export type BridgedCommunity = {
  __typename?: 'BridgedCommunity';
  community: Community;
  /** Tied HCPs in that community. */
  ties: Scalars['Int']['output'];
  /** Their summed pair weight (sum of link weights per pair). */
  weight: Scalars['Float']['output'];
};

/** Insights of one category captured in one month. */
export type CategoryTrend = {
  __typename?: 'CategoryTrend';
  category: Scalars['String']['output'];
  count: Scalars['Int']['output'];
  /** YYYY-MM (UTC). */
  month: Scalars['String']['output'];
};

/** How an MSL met an HCP. */
export type Channel =
  | 'CONGRESS'
  | 'EMAIL'
  | 'IN_PERSON'
  | 'PHONE'
  | 'VIRTUAL';

/** Interactions with an HCP over one channel (all MSLs). score = interactions + positive − negative; derived = the channel with the highest score > 0 (ties: IN_PERSON, CONGRESS, VIRTUAL, PHONE, EMAIL). */
export type ChannelEvidence = {
  __typename?: 'ChannelEvidence';
  channel: Channel;
  interactions: Scalars['Int']['output'];
  negative: Scalars['Int']['output'];
  neutral: Scalars['Int']['output'];
  positive: Scalars['Int']['output'];
  /** interactions + positive − negative. */
  score: Scalars['Int']['output'];
};

/** An HCP's preferred channel: recorded explicitly and derived from interaction history. */
export type ChannelPreference = {
  __typename?: 'ChannelPreference';
  /** Derived from history: score = interactions + positive − negative; derived = the channel with the highest score > 0 (ties: IN_PERSON, CONGRESS, VIRTUAL, PHONE, EMAIL); null without history. */
  derived?: Maybe<Channel>;
  /** explicit when recorded, else derived. */
  effective?: Maybe<Channel>;
  /** Per channel with at least one interaction, by score descending. */
  evidence: Array<ChannelEvidence>;
  /** The explicitly recorded preference (HCP.preferredChannel). */
  explicit?: Maybe<Channel>;
  /** `ChannelPreference/<hcp id>`. */
  id: Scalars['ID']['output'];
};

/** A channel weight of the strength formula. */
export type ChannelWeight = {
  __typename?: 'ChannelWeight';
  channel: Channel;
  weight: Scalars['Float']['output'];
};

/** A clinical trial. */
export type ClinicalTrial = Node & {
  __typename?: 'ClinicalTrial';
  id: Scalars['ID']['output'];
  /** Principal investigators first, then by HCP id. */
  investigators: Array<TrialInvestigator>;
  /** e.g. "II", "III". */
  phase?: Maybe<Scalars['String']['output']>;
  /** Year the trial started (dates the co-investigation ties of the scientific network history). */
  startYear?: Maybe<Scalars['Int']['output']>;
  /** e.g. RECRUITING, COMPLETED. */
  status?: Maybe<Scalars['String']['output']>;
  therapeuticArea?: Maybe<TherapeuticArea>;
  title: Scalars['String']['output'];
};

export type ClinicalTrialConnection = {
  __typename?: 'ClinicalTrialConnection';
  edges: Array<ClinicalTrialEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type ClinicalTrialEdge = {
  __typename?: 'ClinicalTrialEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: ClinicalTrial;
};

/** A community of HCPs found by modularity optimisation (Louvain); its id names it in the current partition (communities are recomputed when the network changes). */
export type Community = Node & {
  __typename?: 'Community';
  /** Members with the most tie weight to other communities (the bridges), most first. */
  bridges: Array<Hcp>;
  id: Scalars['ID']['output'];
  /** Every member, by id (the whole list; `membersConnection` pages it). */
  members: Array<Hcp>;
  /** The members, by id, paginated. */
  membersConnection: HcpConnection;
  size: Scalars['Int']['output'];
  /** Members with the highest PageRank, highest first. */
  topKols: Array<Hcp>;
};


/** A community of HCPs found by modularity optimisation (Louvain); its id names it in the current partition (communities are recomputed when the network changes). */
export type CommunityBridgesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A community of HCPs found by modularity optimisation (Louvain); its id names it in the current partition (communities are recomputed when the network changes). */
export type CommunityMembersConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A community of HCPs found by modularity optimisation (Louvain); its id names it in the current partition (communities are recomputed when the network changes). */
export type CommunityTopKolsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CommunityConnection = {
  __typename?: 'CommunityConnection';
  edges: Array<CommunityEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type CommunityEdge = {
  __typename?: 'CommunityEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: Community;
};

export type CommunityResult = {
  __typename?: 'CommunityResult';
  /** The network version this answer was computed on (every network field of one request uses the same). */
  asOf: NetworkAsOf;
  /** Every community, largest first, then by id. */
  communities: Array<Community>;
  /** The communities, largest first (then as `communities`), paginated. */
  communitiesConnection: CommunityConnection;
  /** Weighted modularity of the partition (pair weight = sum of link weights). */
  modularity: Scalars['Float']['output'];
};


export type CommunityResultCommunitiesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The interaction that took place, logged when a plan is completed; unset fields come from the plan. */
export type CompletePlannedInteractionInput = {
  /** Default the plan's channel. */
  channel?: InputMaybe<Channel>;
  /** ISO 8601 date it took place, not in the future; default the planned date, or today when that is still ahead. */
  date?: InputMaybe<Scalars['String']['input']>;
  /** Optional client id of the logged interaction; generated when absent. */
  interactionId?: InputMaybe<Scalars['ID']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  sentiment: Sentiment;
  /** Default the plan's topic. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** The restricted words found in a text. */
export type ComplianceCheck = {
  __typename?: 'ComplianceCheck';
  flagged: Scalars['Boolean']['output'];
  /** Each word found once, in the order of the list. */
  flaggedWords: Array<Scalars['String']['output']>;
  /**
   * RESTRICTED_WORDS_MODE: REJECT (writes containing a word fail with BAD_USER_INPUT) or FLAG (accepted and flagged).
   * @deprecated Use `restrictedWordsMode`: the same value as the RestrictedWordsMode enum.
   */
  mode: Scalars['String']['output'];
  /** RESTRICTED_WORDS_MODE in force. */
  restrictedWordsMode: RestrictedWordsMode;
};

/** COMPOSITE as the sum of its weighted signal percentiles. */
export type CompositeExplanation = {
  __typename?: 'CompositeExplanation';
  score: Scalars['Float']['output'];
  signals: Array<CompositeSignalExplanation>;
};

/** One signal of the COMPOSITE score. */
export type CompositeSignalExplanation = {
  __typename?: 'CompositeSignalExplanation';
  /** weight × percentile; the contributions add up to the score. */
  contribution: Scalars['Float']['output'];
  /** Mid-rank percentile of the value over all HCPs, 0..1 (ties share one). */
  percentile: Scalars['Float']['output'];
  signal: CompositeSignalKind;
  /** The HCP's raw value of the signal. */
  value: Scalars['Float']['output'];
  /** Effective weight (signals no HCP has are left out and the rest rescaled to sum to 1). */
  weight: Scalars['Float']['output'];
};

/** A signal of the COMPOSITE score. */
export type CompositeSignalKind =
  /** Normalized betweenness. */
  | 'BETWEENNESS'
  /** Interactions with MSLs plus the positive ones. */
  | 'ENGAGEMENT'
  /** PageRank. */
  | 'PAGERANK'
  /** Publications authored. */
  | 'PUBLICATIONS'
  /** Trials investigated. */
  | 'TRIALS';

/** An influential HCP of a territory that no MSL has a relationship with. */
export type CoverageGap = {
  __typename?: 'CoverageGap';
  /** The network version this answer was computed on (every network field of one request uses the same). */
  asOf: NetworkAsOf;
  hcp: Hcp;
  /** The HCP's PageRank. */
  influence: Scalars['Float']['output'];
};

/** A new HCP. References must exist (else NOT_FOUND). */
export type CreateHcpInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  firstName: Scalars['String']['input'];
  /** Optional client id (letters, digits, . _ : -; at most 128); `hcp-<uuid>` when absent. */
  id?: InputMaybe<Scalars['ID']['input']>;
  institutionId?: InputMaybe<Scalars['ID']['input']>;
  lastName: Scalars['String']['input'];
  preferredChannel?: InputMaybe<Channel>;
  specialty?: InputMaybe<Scalars['String']['input']>;
  /** Default: the institution's territory. */
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  therapeuticAreaIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A new institution. A territory must exist (else NOT_FOUND). */
export type CreateInstitutionInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  /** Optional client id (letters, digits, . _ : -; at most 128); `inst-<uuid>` when absent. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  /** e.g. ACADEMIC_MEDICAL_CENTER, COMMUNITY_HOSPITAL, CLINIC. */
  type?: InputMaybe<Scalars['String']['input']>;
};

/** A new MSL. References must exist (else NOT_FOUND). */
export type CreateMslInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  firstName: Scalars['String']['input'];
  /** Optional client id (letters, digits, . _ : -; at most 128); `msl-<uuid>` when absent. */
  id?: InputMaybe<Scalars['ID']['input']>;
  lastName: Scalars['String']['input'];
  /** The territory the MSL covers. */
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  therapeuticAreaIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A tie between two HCPs of an ego network (once per pair, source id < target id). */
export type EgoEdge = {
  __typename?: 'EgoEdge';
  /** `EgoEdge/<source id>/<target id>`: the same pair has the same id in every ego network. */
  id: Scalars['ID']['output'];
  /** Link types joining the pair. */
  linkTypes: Array<LinkType>;
  sourceId: Scalars['ID']['output'];
  targetId: Scalars['ID']['output'];
  /**
   * Link types joining the pair.
   * @deprecated Use `linkTypes`: the same values as the LinkType enum.
   */
  types: Array<Scalars['String']['output']>;
  /** Tie weight: the largest weight of the links of the pair. */
  weight: Scalars['Float']['output'];
};

/** The sphere of influence of an HCP, shaped for a network view. */
export type EgoNetwork = {
  __typename?: 'EgoNetwork';
  /** The network version this answer was computed on (every network field of one request uses the same). */
  asOf: NetworkAsOf;
  edges: Array<EgoEdge>;
  nodes: Array<EgoNode>;
  /** True when more HCPs were within reach than `first` allowed. */
  truncated: Scalars['Boolean']['output'];
};

/** An HCP of an ego network. */
export type EgoNode = {
  __typename?: 'EgoNode';
  communityId: Scalars['ID']['output'];
  hcp: Hcp;
  /** Distance from the centre. */
  hops: Scalars['Int']['output'];
  /** `EgoNode/<centre id>/<hops>/<minWeight>/<hcp id>`: its distance depends on the ego network asked for. */
  id: Scalars['ID']['output'];
  pagerank: Scalars['Float']['output'];
};

/** An HCP an MSL should engage next, with why. */
export type EngagementSuggestion = {
  __typename?: 'EngagementSuggestion';
  hcp: Hcp;
  /** PageRank (see Influence.pagerank). */
  influence: Scalars['Float']['output'];
  /** Explicit preference, else derived from history. */
  preferredChannel?: Maybe<Channel>;
  /** Human-readable reasons, most important first. */
  reasons: Array<Scalars['String']['output']>;
  /** The MSL's current relationship strength; null = none. */
  relationshipStrength?: Maybe<Scalars['Float']['output']>;
  /** null when no path within maxHops. */
  warmIntroduction?: Maybe<WarmIntroduction>;
};

/** Receipt of an HCP erasure: what was deleted. */
export type ErasureReceipt = {
  __typename?: 'ErasureReceipt';
  /** ISO 8601 date-time of the erasure (UTC). */
  erasedAt: Scalars['String']['output'];
  hcpId: Scalars['ID']['output'];
  /** Insights captured from those interactions, deleted. */
  insights: Scalars['Int']['output'];
  /** Interactions with the HCP (with their notes), deleted. */
  interactions: Scalars['Int']['output'];
  /** Links to other HCPs, deleted. */
  links: Scalars['Int']['output'];
  /** MSL relationships (KNOWS), deleted. */
  mslRelationships: Scalars['Int']['output'];
  /** Interactions planned with the HCP, deleted. */
  plannedInteractions: Scalars['Int']['output'];
  /** Every relationship of the HCP node removed (links, relationships, affiliations, areas, ...). */
  relationships: Scalars['Int']['output'];
  /** Authorships and trial investigator roles, deleted (the publications and trials stay). */
  scientificRoles: Scalars['Int']['output'];
};

/** One value of a facet and how many HCPs have it. A value of the data, not an entity: it has no id of its own and is cached as part of its facet list. */
export type FacetValue = {
  __typename?: 'FacetValue';
  /** HCPs matching the filter (this facet’s own criterion replaced by this value) that have it. */
  count: Scalars['Int']['output'];
  /** What to show: the name (the id when the entity has no name), or the specialty. */
  label: Scalars['String']['output'];
  /** What to put in the filter to select it: an id (territory, area, institution) or the specialty text. */
  value: Scalars['String']['output'];
};

/** A healthcare professional. */
export type Hcp = NetworkNode & Node & {
  __typename?: 'HCP';
  /** Explicit and history-derived preferred channel, with the evidence per channel. */
  channelPreference: ChannelPreference;
  /** The community the HCP belongs to. */
  community?: Maybe<Community>;
  /** Personal data: FORBIDDEN for ANALYST and PLANNER. */
  email?: Maybe<Scalars['String']['output']>;
  /** The explicitly recorded preferred channel; null when none is recorded (`channelPreference` also derives one from history). */
  explicitPreferredChannel?: Maybe<Channel>;
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Influence over the whole network (null if the HCP was deleted meanwhile). */
  influence?: Maybe<Influence>;
  /** Per year from fromYear to toYear (at most 50 years): the HCP's PageRank and percentile on that year's scientific network. Null if the HCP was deleted meanwhile. */
  influenceHistory?: Maybe<Array<InfluencePoint>>;
  institution?: Maybe<Institution>;
  /** Interactions with this HCP, newest first (same day: by id). */
  interactions: InteractionConnection;
  lastName: Scalars['String']['output'];
  /** Links to other HCPs, either direction, by descending weight (then the other id, then type). */
  links: Array<HcpLink>;
  /** Links to other HCPs, either direction, by descending weight (then the other id, type, direction), paginated. */
  linksConnection: HcpLinkConnection;
  /** The MSLs who know this HCP, by descending strength (as of now), then MSL id (the whole list; `mslRelationshipsConnection` pages it). */
  mslRelationships: Array<MslRelationship>;
  /** The MSLs who know this HCP, by descending strength (as of now), then MSL id, paginated. */
  mslRelationshipsConnection: MslRelationshipConnection;
  /** First and last name. */
  name: Scalars['String']['output'];
  /**
   * Explicitly recorded preferred channel (IN_PERSON, VIRTUAL, EMAIL, PHONE, CONGRESS).
   * @deprecated Use `explicitPreferredChannel`: the same value as the Channel enum.
   */
  preferredChannel?: Maybe<Scalars['String']['output']>;
  /** Publications this HCP authored, newest year first, then id. */
  publications: Array<Publication>;
  /** Publications this HCP authored, newest year first (unknown year last), then id, paginated. */
  publicationsConnection: PublicationConnection;
  specialty?: Maybe<Scalars['String']['output']>;
  territory?: Maybe<Territory>;
  therapeuticAreas: Array<TherapeuticArea>;
  /** Clinical trials this HCP investigates, by id. */
  trials: Array<ClinicalTrial>;
  /** Clinical trials this HCP investigates, by id, paginated. */
  trialsConnection: ClinicalTrialConnection;
};


/** A healthcare professional. */
export type HcpInfluenceHistoryArgs = {
  fromYear: Scalars['Int']['input'];
  toYear: Scalars['Int']['input'];
};


/** A healthcare professional. */
export type HcpInteractionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A healthcare professional. */
export type HcpLinksArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<LinkType>>;
};


/** A healthcare professional. */
export type HcpLinksConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<LinkType>>;
};


/** A healthcare professional. */
export type HcpMslRelationshipsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A healthcare professional. */
export type HcpPublicationsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A healthcare professional. */
export type HcpTrialsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type HcpConnection = {
  __typename?: 'HCPConnection';
  edges: Array<HcpEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type HcpEdge = {
  __typename?: 'HCPEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: Hcp;
};

/** Who should take over one relationship of a leaving MSL: the colleague who knows the HCP best (existingStrength, no path), else the colleague with the best introduction path (path, no existingStrength), else nobody (successor null). */
export type Handover = {
  __typename?: 'Handover';
  /** The successor's own relationship strength with the HCP, when it has one. */
  existingStrength?: Maybe<Scalars['Float']['output']>;
  hcp: Hcp;
  /** The successor's best introduction path, when it does not know the HCP yet. */
  path?: Maybe<IntroductionPath>;
  successor?: Maybe<Msl>;
};

/** Counts for filter UIs over the HCPs a filter (search included) matches. Disjunctive: each facet ignores its own criterion of the filter, so the values of a selected facet stay visible with the counts selecting each instead would give; the other criteria all apply. Every list: by count (highest first), then label, then value; `first` (default 10, at most 100) values, values with no HCP left out. */
export type HcpFacets = {
  __typename?: 'HcpFacets';
  institutions: Array<FacetValue>;
  specialties: Array<FacetValue>;
  territories: Array<FacetValue>;
  therapeuticAreas: Array<FacetValue>;
};


/** Counts for filter UIs over the HCPs a filter (search included) matches. Disjunctive: each facet ignores its own criterion of the filter, so the values of a selected facet stay visible with the counts selecting each instead would give; the other criteria all apply. Every list: by count (highest first), then label, then value; `first` (default 10, at most 100) values, values with no HCP left out. */
export type HcpFacetsInstitutionsArgs = {
  first?: Scalars['Int']['input'];
};


/** Counts for filter UIs over the HCPs a filter (search included) matches. Disjunctive: each facet ignores its own criterion of the filter, so the values of a selected facet stay visible with the counts selecting each instead would give; the other criteria all apply. Every list: by count (highest first), then label, then value; `first` (default 10, at most 100) values, values with no HCP left out. */
export type HcpFacetsSpecialtiesArgs = {
  first?: Scalars['Int']['input'];
};


/** Counts for filter UIs over the HCPs a filter (search included) matches. Disjunctive: each facet ignores its own criterion of the filter, so the values of a selected facet stay visible with the counts selecting each instead would give; the other criteria all apply. Every list: by count (highest first), then label, then value; `first` (default 10, at most 100) values, values with no HCP left out. */
export type HcpFacetsTerritoriesArgs = {
  first?: Scalars['Int']['input'];
};


/** Counts for filter UIs over the HCPs a filter (search included) matches. Disjunctive: each facet ignores its own criterion of the filter, so the values of a selected facet stay visible with the counts selecting each instead would give; the other criteria all apply. Every list: by count (highest first), then label, then value; `first` (default 10, at most 100) values, values with no HCP left out. */
export type HcpFacetsTherapeuticAreasArgs = {
  first?: Scalars['Int']['input'];
};

/** Restricts `hcps`. All given criteria must hold. */
export type HcpFilter = {
  institutionId?: InputMaybe<Scalars['ID']['input']>;
  /** Every word must match one of first name, last name, specialty, institution name or city: as a prefix, ignoring case and accents, with one typo allowed in words of 5 letters or more. Results by relevance (then id). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Exact specialty, e.g. "Cardiology". */
  specialty?: InputMaybe<Scalars['String']['input']>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  therapeuticAreaId?: InputMaybe<Scalars['ID']['input']>;
};

/** A professional tie between two HCPs, seen from one of them. Its id is `HcpLink/<hcp id>/<type>/<direction>/<other hcp id>`. */
export type HcpLink = Node & {
  __typename?: 'HcpLink';
  direction: LinkDirection;
  /** The other HCP. */
  hcp: Hcp;
  id: Scalars['ID']['output'];
  type: LinkType;
  /** In (0, 1]. */
  weight: Scalars['Float']['output'];
};

export type HcpLinkConnection = {
  __typename?: 'HcpLinkConnection';
  edges: Array<HcpLinkEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type HcpLinkEdge = {
  __typename?: 'HcpLinkEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: HcpLink;
};

export type HopCount = {
  __typename?: 'HopCount';
  count: Scalars['Int']['output'];
  hops: Scalars['Int']['output'];
};

/** An HCP's influence over the whole network. Each score is computed on first request, so asking for PageRank never waits for betweenness. Its id is `Influence/<hcp id>`. */
export type Influence = Node & {
  __typename?: 'Influence';
  /** Normalized betweenness: exact when its computation (O(n·m), background threads) finishes within BETWEENNESS_BUDGET_MS of a change, else the sampled estimate so far (kolRanking(metric: BETWEENNESS) says which, with the error bound). */
  betweenness: Scalars['Float']['output'];
  /** Distinct HCPs linked, either direction. */
  degree: Scalars['Int']['output'];
  /** Why each score is what it is: PageRank inflows, the communities bridged, the COMPOSITE signals. */
  explanation: InfluenceExplanation;
  id: Scalars['ID']['output'];
  pagerank: Scalars['Float']['output'];
  /** Share of the other HCPs ranked below this one by PageRank, 0..100. */
  percentile: Scalars['Float']['output'];
  /** Rank by PageRank over all HCPs, from 1 (equal scores by id). */
  rank: Scalars['Int']['output'];
  /** PageRank over referrals only (clinical influence: who receives patients). */
  referralPagerank: Scalars['Float']['output'];
  /** PageRank over co-authorship and co-investigator ties only (scientific influence). */
  scientificPagerank: Scalars['Float']['output'];
};

/** Why the scores of an HCP are what they are. Each part is computed on first request. */
export type InfluenceExplanation = {
  __typename?: 'InfluenceExplanation';
  betweenness: BetweennessExplanation;
  composite: CompositeExplanation;
  pagerank: PageRankExplanation;
};

/** How KOL influence is measured; all computed on the whole HCP network. */
export type InfluenceMetric =
  /** Normalized betweenness on the undirected, unweighted HCP network. */
  | 'BETWEENNESS'
  /** Blend of percentile ranks (0..1) over all HCPs: PageRank 0.4, betweenness 0.15, publications 0.15, trials 0.1, engagement (interactions + positive interactions) 0.2. A signal no HCP has (e.g. no publications imported) is left out and the other weights are scaled to sum to 1. Score in 0..1. */
  | 'COMPOSITE'
  /** Number of distinct HCPs linked, either direction. */
  | 'DEGREE'
  /** PageRank (damping 0.85) over the directed weighted HCP network: symmetric links both ways, referrals source to target. */
  | 'PAGERANK';

/** One year of an HCP's scientific influence (the scientific network as of that year: works dated up to it). */
export type InfluencePoint = {
  __typename?: 'InfluencePoint';
  /** PageRank on that year's scientific network. */
  pagerank: Scalars['Float']['output'];
  /** Mid-rank percentile of that PageRank over all HCPs, 0..100. */
  percentile: Scalars['Float']['output'];
  /** Publications dated that year. */
  publications: Scalars['Int']['output'];
  /** HCPs tied to it in that network (shared a dated publication or trial so far). */
  ties: Scalars['Int']['output'];
  /** Trials started that year. */
  trials: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};

/** An insight captured from an interaction. */
export type Insight = Node & {
  __typename?: 'Insight';
  audience: Audience;
  /** Free classification, e.g. "unmet need", "safety", "competitor". */
  category: Scalars['String']['output'];
  /** ISO 8601 date-time of capture (UTC). */
  createdAt: Scalars['String']['output'];
  /** True when its text contained a restricted word and RESTRICTED_WORDS_MODE=FLAG accepted it. */
  flagged: Scalars['Boolean']['output'];
  /** The restricted words its text contained when captured (mode FLAG). */
  flaggedWords: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The interaction it was captured from. */
  interaction?: Maybe<Interaction>;
  text: Scalars['String']['output'];
  therapeuticArea?: Maybe<TherapeuticArea>;
};

/** An insight was captured. */
export type InsightCapturedEvent = {
  __typename?: 'InsightCapturedEvent';
  /** ISO 8601 date-time (UTC) the write happened, by the database clock. */
  at: Scalars['String']['output'];
  /** Unique per event (not an object id): delivery is at least once, so a client that must not count one twice keeps these. */
  eventId: Scalars['ID']['output'];
  /** null when erased before delivery. */
  insight?: Maybe<Insight>;
};

export type InsightConnection = {
  __typename?: 'InsightConnection';
  edges: Array<InsightEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type InsightEdge = {
  __typename?: 'InsightEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: Insight;
};

/** Restricts `insights`. All given criteria must hold. */
export type InsightFilter = {
  audience?: InputMaybe<Audience>;
  /** Exact category, case-insensitive. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Captured on or after this ISO date (YYYY-MM-DD, UTC). */
  from?: InputMaybe<Scalars['String']['input']>;
  therapeuticAreaId?: InputMaybe<Scalars['ID']['input']>;
  /** Captured on or before this ISO date (YYYY-MM-DD, UTC). */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** Insight counts per month by category and by therapeutic area. */
export type InsightTrends = {
  __typename?: 'InsightTrends';
  /** By month, then count descending, then category. */
  byCategory: Array<CategoryTrend>;
  /** By month, then count descending, then area id (none last). */
  byTherapeuticArea: Array<AreaTrend>;
  /** Insights in the range. */
  total: Scalars['Int']['output'];
};

/** A hospital, academic centre or clinic HCPs are affiliated with. */
export type Institution = Node & {
  __typename?: 'Institution';
  city?: Maybe<Scalars['String']['output']>;
  country?: Maybe<Scalars['String']['output']>;
  /** HCPs affiliated with the institution, by id. */
  hcps: HcpConnection;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  territory?: Maybe<Territory>;
  /** e.g. ACADEMIC_MEDICAL_CENTER, COMMUNITY_HOSPITAL, CLINIC. */
  type?: Maybe<Scalars['String']['output']>;
};


/** A hospital, academic centre or clinic HCPs are affiliated with. */
export type InstitutionHcpsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type InstitutionConnection = {
  __typename?: 'InstitutionConnection';
  edges: Array<InstitutionEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type InstitutionEdge = {
  __typename?: 'InstitutionEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: Institution;
};

/** A logged contact between an MSL and an HCP. */
export type Interaction = Node & {
  __typename?: 'Interaction';
  channel: Channel;
  /** ISO 8601 date (YYYY-MM-DD). */
  date: Scalars['String']['output'];
  /** True when its notes contained a restricted word and RESTRICTED_WORDS_MODE=FLAG accepted it. Readable like `notes`. */
  flagged: Scalars['Boolean']['output'];
  /** The restricted words its notes contained when logged (mode FLAG). Readable like `notes`. */
  flaggedWords?: Maybe<Array<Scalars['String']['output']>>;
  /** The HCP it was with. */
  hcp?: Maybe<Hcp>;
  id: Scalars['ID']['output'];
  /** Insights captured from it, oldest first. */
  insights: Array<Insight>;
  /** The MSL who logged it. */
  msl?: Maybe<Msl>;
  /** Free text. Personal data: FORBIDDEN for ANALYST and PLANNER; an MSL reads only its own. */
  notes?: Maybe<Scalars['String']['output']>;
  sentiment: Sentiment;
  topic?: Maybe<Scalars['String']['output']>;
};

export type InteractionConnection = {
  __typename?: 'InteractionConnection';
  edges: Array<InteractionEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type InteractionEdge = {
  __typename?: 'InteractionEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: Interaction;
};

/** An interaction was logged. */
export type InteractionLoggedEvent = {
  __typename?: 'InteractionLoggedEvent';
  /** ISO 8601 date-time (UTC) the write happened, by the database clock. */
  at: Scalars['String']['output'];
  /** Unique per event (not an object id): delivery is at least once, so a client that must not count one twice keeps these. */
  eventId: Scalars['ID']['output'];
  /** null when erased before delivery. */
  interaction?: Maybe<Interaction>;
};

/** An MSL and its best introduction path to an HCP (the first of introductionPaths with the same maxHops). */
export type Introducer = {
  __typename?: 'Introducer';
  msl: Msl;
  path: IntroductionPath;
};

/** A warm introduction path: MSL, then HCPs, ending at the target HCP. */
export type IntroductionPath = {
  __typename?: 'IntroductionPath';
  /** The network version this answer was computed on (every network field of one request uses the same). */
  asOf: NetworkAsOf;
  /** Sum of -ln(weight) over the edges (MSL relationship strength, then tie weights). */
  cost: Scalars['Float']['output'];
  /** Edges on the path. */
  hops: Scalars['Int']['output'];
  /** The MSL first, then each HCP in order. */
  nodes: Array<NetworkNode>;
  /** e^(-cost): the product of the edge weights, in (0, 1]. */
  strength: Scalars['Float']['output'];
};

/** An HCP whose only relationship with the company is one MSL. */
export type KeyPersonRisk = {
  __typename?: 'KeyPersonRisk';
  hcp: Hcp;
  /** The HCP's PageRank. */
  influence: Scalars['Float']['output'];
  /** The one MSL who knows the HCP. */
  msl: Msl;
  /** That relationship's strength, as MslRelationship.strength answers it now. */
  strength: Scalars['Float']['output'];
};

/** An HCP and its influence score by the requested metric. */
export type KolScore = {
  __typename?: 'KolScore';
  /** The network version this answer was computed on (every network field of one request uses the same). */
  asOf: NetworkAsOf;
  /** When not exact: with probability at least 95%, every HCP's sampled betweenness is within this of its exact normalized value (for COMPOSITE: of the betweenness signal it blends). */
  errorBound?: Maybe<Scalars['Float']['output']>;
  /** False when the metric uses betweenness (BETWEENNESS, COMPOSITE) and the exact computation did not finish within its time budget: the score is then from a sample of shortest-path sources (see sampleSize, errorBound). Exact answers follow once it finishes. */
  exact: Scalars['Boolean']['output'];
  hcp: Hcp;
  /** Position in this listing, from 1; equal scores ordered by id. */
  rank: Scalars['Int']['output'];
  /** When not exact: how many betweenness sources were sampled (of all HCPs). */
  sampleSize?: Maybe<Scalars['Int']['output']>;
  score: Scalars['Float']['output'];
};

/** Seen from the HCP whose link it is: OUTGOING = it refers to the other, INCOMING = the other refers to it, UNDIRECTED = a symmetric tie. */
export type LinkDirection =
  | 'INCOMING'
  | 'OUTGOING'
  | 'UNDIRECTED';

/** REFERRAL is directed (source refers patients to target); the others are symmetric. */
export type LinkType =
  | 'COAUTHOR'
  | 'COLLEAGUE'
  | 'CO_INVESTIGATOR'
  | 'MENTOR'
  | 'REFERRAL';

/** An interaction to log. */
export type LogInteractionInput = {
  channel: Channel;
  /** ISO 8601 date (YYYY-MM-DD), not in the future. */
  date: Scalars['String']['input'];
  hcpId: Scalars['ID']['input'];
  /** Optional client id (letters, digits, . _ : -); generated when absent. Send one to retry safely: the same id with the same content answers the stored interaction. */
  id?: InputMaybe<Scalars['ID']['input']>;
  mslId: Scalars['ID']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  sentiment: Sentiment;
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** A Medical Science Liaison. */
export type Msl = NetworkNode & Node & {
  __typename?: 'MSL';
  /** Personal data: FORBIDDEN for ANALYST and PLANNER. */
  email?: Maybe<Scalars['String']['output']>;
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Interactions this MSL logged, newest first (same day: by id). */
  interactions: InteractionConnection;
  lastName: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The HCPs this MSL knows, by descending strength (as of now), then HCP id (the whole list; `relationshipsConnection` pages it). */
  relationships: Array<MslRelationship>;
  /** The HCPs this MSL knows, by descending strength (as of now), then HCP id, paginated. */
  relationshipsConnection: MslRelationshipConnection;
  /** The territory the MSL covers. */
  territory?: Maybe<Territory>;
  therapeuticAreas: Array<TherapeuticArea>;
};


/** A Medical Science Liaison. */
export type MslInteractionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A Medical Science Liaison. */
export type MslRelationshipsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type MslConnection = {
  __typename?: 'MSLConnection';
  edges: Array<MslEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type MslEdge = {
  __typename?: 'MSLEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: Msl;
};

/** Interactions an MSL logged in one calendar month. */
export type MonthCount = {
  __typename?: 'MonthCount';
  interactions: Scalars['Int']['output'];
  /** The month, YYYY-MM. */
  month: Scalars['String']['output'];
};

/** How well an MSL knows an HCP. Its id is `MslRelationship/<msl id>/<hcp id>`. */
export type MslRelationship = Node & {
  __typename?: 'MslRelationship';
  /** The strength as last set (import or setMslRelationship). */
  baseStrength?: Maybe<Scalars['Float']['output']>;
  hcp: Hcp;
  id: Scalars['ID']['output'];
  /** ISO 8601 date of the latest logged interaction. */
  lastContact?: Maybe<Scalars['String']['output']>;
  msl: Msl;
  /** ISO 8601 date the relationship started. */
  since?: Maybe<Scalars['String']['output']>;
  /** Strength in (0, 1] as of now, or as of `asOf`: the formula evaluated at that moment, so it decays towards baseStrength while nobody meets (see strengthFormula): strength = 1 − (1 − b)·exp(−0.3·E), E = Σ w(channel)·m(sentiment)·2^(−ageDays/halfLife) over the pair's interactions; b = the imported starting strength (baseStrength, 0.1 if none); w: IN_PERSON 1.0, CONGRESS 0.8, VIRTUAL 0.6, PHONE 0.45, EMAIL 0.25; m: POSITIVE 1.25, NEUTRAL 1.0, NEGATIVE 0.4; halfLife = STRENGTH_HALF_LIFE_DAYS (default 180). Always in (0, 1], never below b; ages count to the moment asked, so it decays towards b while nobody meets. */
  strength: Scalars['Float']['output'];
};


/** How well an MSL knows an HCP. Its id is `MslRelationship/<msl id>/<hcp id>`. */
export type MslRelationshipStrengthArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
};

export type MslRelationshipConnection = {
  __typename?: 'MslRelationshipConnection';
  edges: Array<MslRelationshipEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type MslRelationshipEdge = {
  __typename?: 'MslRelationshipEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: MslRelationship;
};

/** One MSL's workload and coverage (docs/planning.md): relationships by strength band, interactions per month, open plans, and the share of its territories' influence its relationships hold. A value of the query, not cached by id. */
export type MslWorkload = {
  __typename?: 'MslWorkload';
  /** The day the answer is computed for (YYYY-MM-DD): strengths as of then, months up to it. */
  asOf: Scalars['String']['output'];
  /** Share of the PageRank of the MSL's territories' HCPs held by the HCPs this MSL has a relationship with (0 to 1). */
  influenceShare: Scalars['Float']['output'];
  /** The last `months` calendar months, oldest first, the current one included (0 when none). */
  interactionsByMonth: Array<MonthCount>;
  msl: Msl;
  /** PLANNED interactions dated before today: neither completed nor cancelled. */
  plannedOverdue: Scalars['Int']['output'];
  /** PLANNED interactions dated today or later. */
  plannedUpcoming: Scalars['Int']['output'];
  /** Relationships the MSL has. */
  relationships: Scalars['Int']['output'];
  /** WEAK, MEDIUM, STRONG, in that order. */
  strengthBands: Array<StrengthBandCount>;
  /** HCPs of the territories the MSL covers. */
  territoryHcps: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a restricted word or phrase (stored in lower case, single spaces); adding an existing one returns it. ADMIN only. */
  addRestrictedWord: RestrictedWord;
  /** Cancels a PLANNED plan (status CANCELLED, final; it no longer conflicts). Otherwise BAD_USER_INPUT. ADMIN, or the MSL who planned it. */
  cancelPlannedInteraction: PlannedInteraction;
  /** Captures an insight from an interaction. Retries are safe with a client id: the same id with the same content answers the insight already stored and writes nothing; the same id with other content is refused (BAD_USER_INPUT on field id). */
  captureInsight: Insight;
  /** Completes a PLANNED plan: logs the interaction exactly as logInteraction does (same checks, strength recomputed, restricted words) and marks the plan COMPLETED, linked to it (`interaction`). Otherwise BAD_USER_INPUT. ADMIN, or the MSL who planned it. */
  completePlannedInteraction: PlannedInteraction;
  /** Creates an HCP. A given id must be new (else BAD_USER_INPUT on `id`); references must exist (else NOT_FOUND). */
  createHcp: Hcp;
  /** Creates an institution. A given id must be new (else BAD_USER_INPUT on `id`). */
  createInstitution: Institution;
  /** Creates an MSL. A given id must be new (else BAD_USER_INPUT on `id`); references must exist (else NOT_FOUND). */
  createMsl: Msl;
  /** Data-subject erasure: deletes the HCP with all its personal data (links, MSL relationships, affiliations, authorships, the interactions with it and their insights, interactions planned with it) in one transaction and returns what was deleted. Publications and trials stay. Unknown id: NOT_FOUND. */
  deleteHcp: ErasureReceipt;
  /** Links two HCPs, or sets the weight of their existing link of that type (symmetric types in either direction). Returns the link seen from the source. */
  linkHcps: HcpLink;
  /** Logs an interaction and updates the pair's relationship: lastContact = the later of it and this date; an MSL who did not know the HCP gets a new relationship (baseStrength 0.2, since = lastContact = the date). Nothing is written when anything is rejected. Retries are safe with a client id: the same id with the same content (MSL, HCP, date, channel, topic, sentiment, notes) answers the interaction already stored and writes nothing (no second audit event), also when both requests arrive at once; the same id with other content is refused (BAD_USER_INPUT on field id). */
  logInteraction: Interaction;
  /** Removes a restricted word (matched like addRestrictedWord stores it); false when it was not listed. ADMIN only. */
  removeRestrictedWord: Scalars['Boolean']['output'];
  /** Moves a PLANNED plan to another date (today or later) and optionally channel. Conflicts as for scheduleInteraction, at the new date (with rejectOnConflict: true, CONFLICT and nothing written). A completed or cancelled plan: BAD_USER_INPUT. ADMIN, or the MSL who planned it. */
  reschedulePlannedInteraction: ScheduleResult;
  /** Plans an interaction. When other MSLs plan the same HCP within SCHEDULING_CONFLICT_DAYS of the date, the result lists them (and with rejectOnConflict: true the call fails with CONFLICT and writes nothing). Unknown MSL or HCP: NOT_FOUND. */
  scheduleInteraction: ScheduleResult;
  /** Creates or updates how well an MSL knows an HCP: strength (and baseStrength) in (0, 1], since (ISO date; default today on create, unchanged on update). */
  setMslRelationship: MslRelationship;
  /** Moves the leaving MSL's relationships with these HCPs, with their history, to the receiving MSL (merged when it already knows the HCP); interactions stay attributed to who had them. All or nothing; recorded (relationshipTransfers) and audited. ADMIN only. */
  transferRelationships: RelationshipTransfer;
  /** Removes the link of `type` between two HCPs (REFERRAL: from source to target), or without `type` every link between them. Returns how many were removed. */
  unlinkHcps: Scalars['Int']['output'];
  /** Changes an HCP: absent fields stay, null clears an optional field. Unknown HCP or reference: NOT_FOUND. */
  updateHcp: Hcp;
  /** Changes an institution: absent fields stay, null clears an optional field. Unknown institution or territory: NOT_FOUND. */
  updateInstitution: Institution;
  /** Changes an MSL: absent fields stay, null clears an optional field. Unknown MSL or reference: NOT_FOUND. */
  updateMsl: Msl;
};


export type MutationAddRestrictedWordArgs = {
  word: Scalars['String']['input'];
};


export type MutationCancelPlannedInteractionArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCaptureInsightArgs = {
  audience: Audience;
  category: Scalars['String']['input'];
  id?: InputMaybe<Scalars['ID']['input']>;
  interactionId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
  therapeuticAreaId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCompletePlannedInteractionArgs = {
  id: Scalars['ID']['input'];
  input: CompletePlannedInteractionInput;
};


export type MutationCreateHcpArgs = {
  input: CreateHcpInput;
};


export type MutationCreateInstitutionArgs = {
  input: CreateInstitutionInput;
};


export type MutationCreateMslArgs = {
  input: CreateMslInput;
};


export type MutationDeleteHcpArgs = {
  id: Scalars['ID']['input'];
};


export type MutationLinkHcpsArgs = {
  sourceId: Scalars['ID']['input'];
  targetId: Scalars['ID']['input'];
  type: LinkType;
  weight: Scalars['Float']['input'];
};


export type MutationLogInteractionArgs = {
  input: LogInteractionInput;
};


export type MutationRemoveRestrictedWordArgs = {
  word: Scalars['String']['input'];
};


export type MutationReschedulePlannedInteractionArgs = {
  channel?: InputMaybe<Channel>;
  date: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  rejectOnConflict?: Scalars['Boolean']['input'];
};


export type MutationScheduleInteractionArgs = {
  input: ScheduleInteractionInput;
};


export type MutationSetMslRelationshipArgs = {
  hcpId: Scalars['ID']['input'];
  mslId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['String']['input']>;
  strength: Scalars['Float']['input'];
};


export type MutationTransferRelationshipsArgs = {
  fromMslId: Scalars['ID']['input'];
  hcpIds: Array<Scalars['ID']['input']>;
  toMslId: Scalars['ID']['input'];
};


export type MutationUnlinkHcpsArgs = {
  sourceId: Scalars['ID']['input'];
  targetId: Scalars['ID']['input'];
  type?: InputMaybe<LinkType>;
};


export type MutationUpdateHcpArgs = {
  id: Scalars['ID']['input'];
  input: UpdateHcpInput;
};


export type MutationUpdateInstitutionArgs = {
  id: Scalars['ID']['input'];
  input: UpdateInstitutionInput;
};


export type MutationUpdateMslArgs = {
  id: Scalars['ID']['input'];
  input: UpdateMslInput;
};

/** What a network answer was computed on. */
export type NetworkAsOf = {
  __typename?: 'NetworkAsOf';
  /** When the newest change it includes was committed, or when it was read from the database (ISO-8601, UTC). */
  time: Scalars['String']['output'];
  /** Names the network data: equal versions, equal data (opaque). */
  version: Scalars['String']['output'];
};

/** A person in the network: an HCP or an MSL. */
export type NetworkNode = {
  id: Scalars['ID']['output'];
  /** Display name: first and last name. */
  name: Scalars['String']['output'];
};

/** HCPs within reach: at unweighted distance 1..maxHops, the start excluded. */
export type NetworkReach = {
  __typename?: 'NetworkReach';
  /** The network version this answer was computed on (every network field of one request uses the same). */
  asOf: NetworkAsOf;
  /** Every distance from 1 to maxHops, zero counts included. */
  byHop: Array<HopCount>;
  total: Scalars['Int']['output'];
};

/** An object with an id (Relay global object identification): refetch it with `node(id:)`. Entities keep their domain ids (`hcp-00042`); objects derived from them have ids built from the ids they relate (`MslRelationship/msl-000/hcp-00042`). */
export type Node = {
  id: Scalars['ID']['output'];
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when rows follow the last edge of this page (in the ordering of the list). */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when rows precede the first edge of this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge’s cursor: pass as `before` for the previous page; null on an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** An in-neighbour whose PageRank flows into the HCP. */
export type PageRankContributor = {
  __typename?: 'PageRankContributor';
  /** α · PageRank(u) · w(u, v) / out(u): the part of the HCP's PageRank that comes from u. */
  amount: Scalars['Float']['output'];
  /** w(u, v) / out(u): the fraction of u's own rank that u passes to the HCP. */
  fraction: Scalars['Float']['output'];
  hcp: Hcp;
  /** amount over the sum of all parts: its share of the score, 0..1. */
  share: Scalars['Float']['output'];
};

/** PageRank split exactly: PR(v) = α·Σ_in PR(u)·w(u,v)/out(u) + α·(dangling rank)/n + (1 − α)/n. Shares are parts over their sum (PR(v) to 1e-10), so inflowShare + danglingShare + teleportShare = 1. */
export type PageRankExplanation = {
  __typename?: 'PageRankExplanation';
  /** The in-neighbours bringing the most, largest amount first (then id). */
  contributors: Array<PageRankContributor>;
  /** Share from the rank of HCPs without out-links, spread evenly over all HCPs. */
  danglingShare: Scalars['Float']['output'];
  /** HCPs with a link into this one. */
  inNeighbours: Scalars['Int']['output'];
  /** Share of the score flowing in from in-neighbours (every one of them). */
  inflowShare: Scalars['Float']['output'];
  score: Scalars['Float']['output'];
  /** Share from the random jump ((1 − α)/n), the same for every HCP. */
  teleportShare: Scalars['Float']['output'];
};


/** PageRank split exactly: PR(v) = α·Σ_in PR(u)·w(u,v)/out(u) + α·(dangling rank)/n + (1 − α)/n. Shares are parts over their sum (PR(v) to 1e-10), so inflowShare + danglingShare + teleportShare = 1. */
export type PageRankExplanationContributorsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** PLANNED until completed (the interaction logged) or cancelled; a completed or cancelled plan never changes again. */
export type PlanStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'PLANNED';

/** An interaction an MSL plans with an HCP. */
export type PlannedInteraction = Node & {
  __typename?: 'PlannedInteraction';
  /** Why it was cancelled, when the canceller said. */
  cancelReason?: Maybe<Scalars['String']['output']>;
  channel: Channel;
  /** ISO 8601 date-time (UTC) it was completed or cancelled; null while PLANNED. */
  closedAt?: Maybe<Scalars['String']['output']>;
  /** ISO 8601 date-time it was scheduled (UTC). */
  createdAt: Scalars['String']['output'];
  /** ISO 8601 date (YYYY-MM-DD). */
  date: Scalars['String']['output'];
  hcp?: Maybe<Hcp>;
  id: Scalars['ID']['output'];
  /** The interaction logged when it was completed; null otherwise. */
  interaction?: Maybe<Interaction>;
  msl?: Maybe<Msl>;
  /** ISO 8601 date-time (UTC) it was last rescheduled; null if never. */
  rescheduledAt?: Maybe<Scalars['String']['output']>;
  /** PLANNED, COMPLETED or CANCELLED (plans made before statuses existed are PLANNED). */
  status: PlanStatus;
  topic?: Maybe<Scalars['String']['output']>;
};

export type PlannedInteractionConnection = {
  __typename?: 'PlannedInteractionConnection';
  edges: Array<PlannedInteractionEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type PlannedInteractionEdge = {
  __typename?: 'PlannedInteractionEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: PlannedInteraction;
};

/** One target HCP given to one MSL by proposeAssignment. */
export type ProposedAssignment = {
  __typename?: 'ProposedAssignment';
  hcp: Hcp;
  /** The HCP's influence: its PageRank over the whole network. */
  influence: Scalars['Float']['output'];
  msl: Msl;
  /** The MSL's best introduction path to the HCP (as bestIntroducers shows it). */
  path: IntroductionPath;
  /** path.strength × influence: what this pair adds to the total. */
  value: Scalars['Float']['output'];
};

/** A scientific publication. */
export type Publication = Node & {
  __typename?: 'Publication';
  /** Authors in author order (first author first). */
  authors: Array<Hcp>;
  id: Scalars['ID']['output'];
  journal?: Maybe<Scalars['String']['output']>;
  therapeuticArea?: Maybe<TherapeuticArea>;
  title: Scalars['String']['output'];
  year?: Maybe<Scalars['Int']['output']>;
};

export type PublicationConnection = {
  __typename?: 'PublicationConnection';
  edges: Array<PublicationEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type PublicationEdge = {
  __typename?: 'PublicationEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: Publication;
};

export type Query = {
  __typename?: 'Query';
  /** Recorded writes, newest first. ADMIN only. */
  auditEvents: AuditEventConnection;
  /** Every MSL's best introduction path to the HCP (only MSLs covering territoryId when given; MSLs without a path left out), by path cost, then hops, then MSL id; at most `first`. */
  bestIntroducers: Array<Introducer>;
  /** The restricted words a text contains (case-insensitive, whole word), without writing anything. */
  checkCompliance: ComplianceCheck;
  /** A partition of all HCPs into communities (Louvain, weighted) and its modularity. */
  communities: CommunityResult;
  /** HCPs of the territory with no relationship to any MSL, by descending PageRank (then id). */
  coverageGaps: Array<CoverageGap>;
  /** An HCP's sphere of influence: HCPs within `hops` ties of weight ≥ minWeight and the ties among them, closest and strongest first, at most `first` HCPs. */
  egoNetwork: EgoNetwork;
  /** The HCPs the MSL should engage next: in its territory and therapeutic areas, no or a weak (< 0.3) relationship, most influential first (PageRank, then id); each with the best warm introduction path within `maxHops`, the preferred channel and the reasons. Unknown MSL: NOT_FOUND. */
  engagementPlan: Array<EngagementSuggestion>;
  /** One row per HCP the MSL has a relationship with, by PageRank descending, then id: who should take it over. */
  handoverPlan: Array<Handover>;
  /** One HCP by id; null when there is none. */
  hcp?: Maybe<Hcp>;
  /** Facet counts (territories, therapeutic areas, specialties, institutions) of the HCPs `hcps(filter:)` lists for the same filter: ask both in one query with one `$filter` variable. See HcpFacets for the order and the disjunctive rule. */
  hcpFacets: HcpFacets;
  /** HCPs matching the filter, by id (or by relevance with `search`), paginated. */
  hcps: HcpConnection;
  /** Insight counts per month (UTC) by category and by therapeutic area, between two ISO dates (inclusive; open when omitted). */
  insightTrends: InsightTrends;
  /** Insights matching the filter (e.g. one audience), newest first (then id), paginated. */
  insights: InsightConnection;
  /** One institution by id; null when there is none. */
  institution?: Maybe<Institution>;
  /** One interaction by id; null when there is none. */
  interaction?: Maybe<Interaction>;
  /** Warm introduction paths from an MSL to an HCP: one MSL relationship, then HCP ties either way, at most maxHops edges, no other MSL. The `first` of least cost (Σ -ln weight), ties by fewer hops then node ids. Empty when there is none. */
  introductionPaths: Array<IntroductionPath>;
  /** HCPs (of the territory when given) with exactly one MSL relationship, by PageRank descending, then id; at most `first`. */
  keyPersonRisk: Array<KeyPersonRisk>;
  /** HCPs by influence. Filters choose who is listed; scores are always over the whole network. */
  kolRanking: Array<KolScore>;
  /** One MSL by id; null when there is none. */
  msl?: Maybe<Msl>;
  /** One MSL's workload and coverage: relationships by strength band (as of now), interactions per month over the last `months`, open plans (upcoming and overdue) and the share of its territories' influence it holds. */
  mslWorkload: MslWorkload;
  /** All MSLs, by id (the whole list; `mslsConnection` pages it). */
  msls: Array<Msl>;
  /** All MSLs, by id, paginated. */
  mslsConnection: MslConnection;
  /** How many HCPs are within 1..maxHops of an HCP, or of an MSL through its relationships. */
  networkReach: NetworkReach;
  /** The object with this id, whatever its type; null when there is none. Entities are found by their domain id, derived objects by their built id (see Node). Ids shared by two entity types (possible only with imported or client-chosen ids) resolve to the type their prefix names (hcp-, msl-, inst-, ter-, ta-, int-, ins-, pub-, trial-, plan-, rw-), else BAD_USER_INPUT. */
  node?: Maybe<Node>;
  /** The objects with these ids, in the same order; null for each id with none (as `node`). */
  nodes: Array<Maybe<Node>>;
  /** Planned interactions of an MSL and/or an HCP (at least one), optionally between two dates (inclusive) and of one status, by date then id (the whole list up to `first`; `plannedInteractionsConnection` pages it). */
  plannedInteractions: Array<PlannedInteraction>;
  /** Planned interactions of an MSL and/or an HCP (at least one), optionally between two dates (inclusive) and of one status, by date then id, paginated (the paged twin of `plannedInteractions`). */
  plannedInteractionsConnection: PlannedInteractionConnection;
  /** Shares the target HCPs out across MSLs (mslIds, or those covering territoryId, or every MSL): each target to at most one MSL, each MSL at most `capacity` targets, maximising Σ (strength of the MSL’s best introduction path within maxHops) × (target’s PageRank). Exact (min-cost flow); targets no MSL reaches are left unassigned. */
  proposeAssignment: AssignmentProposal;
  /** Relationship transfers from or to the MSL (every transfer when mslId is absent), newest first. PLANNER, ANALYST, ADMIN; an MSL its own. */
  relationshipTransfers: Array<RelationshipTransfer>;
  /** The restricted words, alphabetically (the whole list; `restrictedWordsConnection` pages it). */
  restrictedWords: Array<RestrictedWord>;
  /** The restricted words, alphabetically (then id), paginated. */
  restrictedWordsConnection: RestrictedWordConnection;
  /** HCPs whose scientific influence grew most from fromYear to toYear: PageRank percentile on the co-authorship/co-investigation network as of each year (pair weight Σ 1/(k−1) over shared works dated up to the year). Growth > 0 only, by growth, then percentile now, then id. therapeuticAreaId chooses who is listed, never the network. */
  risingStars: Array<RisingStar>;
  /** Lookalikes of an HCP: by default the Jaccard similarity |N(a) ∩ N(b)| / |N(a) ∪ N(b)| of the HCPs tied to each (any link type, either direction), over the HCPs sharing at least one; by score descending, then id. */
  similarHcps: Array<SimilarHcp>;
  /** The MSL's relationships not contacted in the last `days` days (lastContact null or before today − days, UTC), most influential HCP first (PageRank descending, then id). Unknown MSL: NOT_FOUND. */
  staleRelationships: Array<StaleRelationship>;
  /** How MSL relationship strength is computed from interactions (see StrengthFormula). */
  strengthFormula: StrengthFormula;
  /** All territories, by id. */
  territories: Array<Territory>;
  /** One territory by id; null when there is none. */
  territory?: Maybe<Territory>;
  /** How many of the territory's HCPs have an MSL relationship, and their share of its influence. */
  territoryCoverage: TerritoryCoverage;
  /** One therapeutic area by id; null when there is none. */
  therapeuticArea?: Maybe<TherapeuticArea>;
  /** All therapeutic areas, by id. */
  therapeuticAreas: Array<TherapeuticArea>;
};


export type QueryAuditEventsArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sub?: InputMaybe<Scalars['String']['input']>;
};


export type QueryBestIntroducersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  toHcpId: Scalars['ID']['input'];
};


export type QueryCheckComplianceArgs = {
  text: Scalars['String']['input'];
};


export type QueryCoverageGapsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  territoryId: Scalars['ID']['input'];
};


export type QueryEgoNetworkArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  hcpId: Scalars['ID']['input'];
  hops?: InputMaybe<Scalars['Int']['input']>;
  minWeight?: InputMaybe<Scalars['Float']['input']>;
};


export type QueryEngagementPlanArgs = {
  first?: Scalars['Int']['input'];
  maxHops?: Scalars['Int']['input'];
  mslId: Scalars['ID']['input'];
};


export type QueryHandoverPlanArgs = {
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  mslId: Scalars['ID']['input'];
};


export type QueryHcpArgs = {
  id: Scalars['ID']['input'];
};


export type QueryHcpFacetsArgs = {
  filter?: InputMaybe<HcpFilter>;
};


export type QueryHcpsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HcpFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInsightTrendsArgs = {
  audience?: InputMaybe<Audience>;
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};


export type QueryInsightsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InsightFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInstitutionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInteractionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIntroductionPathsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  fromMslId: Scalars['ID']['input'];
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  toHcpId: Scalars['ID']['input'];
};


export type QueryKeyPersonRiskArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryKolRankingArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  metric?: InputMaybe<InfluenceMetric>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  therapeuticAreaId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMslArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMslWorkloadArgs = {
  months?: InputMaybe<Scalars['Int']['input']>;
  mslId: Scalars['ID']['input'];
};


export type QueryMslsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNetworkReachArgs = {
  fromId: Scalars['ID']['input'];
  maxHops?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryPlannedInteractionsArgs = {
  first?: Scalars['Int']['input'];
  from?: InputMaybe<Scalars['String']['input']>;
  hcpId?: InputMaybe<Scalars['ID']['input']>;
  mslId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<PlanStatus>;
  to?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPlannedInteractionsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  hcpId?: InputMaybe<Scalars['ID']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  mslId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<PlanStatus>;
  to?: InputMaybe<Scalars['String']['input']>;
};


export type QueryProposeAssignmentArgs = {
  capacity: Scalars['Int']['input'];
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  mslIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  targetHcpIds: Array<Scalars['ID']['input']>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRelationshipTransfersArgs = {
  first?: Scalars['Int']['input'];
  mslId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRestrictedWordsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRisingStarsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  fromYear: Scalars['Int']['input'];
  therapeuticAreaId?: InputMaybe<Scalars['ID']['input']>;
  toYear: Scalars['Int']['input'];
};


export type QuerySimilarHcpsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  hcpId: Scalars['ID']['input'];
  mode?: InputMaybe<SimilarityMode>;
};


export type QueryStaleRelationshipsArgs = {
  days?: Scalars['Int']['input'];
  first?: Scalars['Int']['input'];
  mslId: Scalars['ID']['input'];
};


export type QueryTerritoryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTerritoryCoverageArgs = {
  territoryId: Scalars['ID']['input'];
};


export type QueryTherapeuticAreaArgs = {
  id: Scalars['ID']['input'];
};

/** The strength of an MSL relationship changed: set (setMslRelationship) or recomputed from a new interaction (logInteraction). */
export type RelationshipStrengthEvent = {
  __typename?: 'RelationshipStrengthEvent';
  /** ISO 8601 date-time (UTC) the write happened, by the database clock. */
  at: Scalars['String']['output'];
  /** Unique per event (not an object id): delivery is at least once, so a client that must not count one twice keeps these. */
  eventId: Scalars['ID']['output'];
  /** The relationship now (`strength` is its current value); null when gone before delivery. */
  relationship?: Maybe<MslRelationship>;
};

/** A handover of relationships from one MSL to another (transferRelationships): who, from, to, when, which HCPs. */
export type RelationshipTransfer = {
  __typename?: 'RelationshipTransfer';
  /** ISO 8601 date-time (UTC) of the transfer. */
  at: Scalars['String']['output'];
  /** Who made it (the token subject). */
  by: Scalars['String']['output'];
  /** The MSL the relationships left. */
  from?: Maybe<Msl>;
  id: Scalars['ID']['output'];
  /** One per HCP, by HCP id. */
  relationships: Array<TransferredRelationship>;
  /** The MSL who received them. */
  to?: Maybe<Msl>;
};

/** A word or phrase interaction notes and insight texts must not contain (case-insensitive, whole word). */
export type RestrictedWord = Node & {
  __typename?: 'RestrictedWord';
  id: Scalars['ID']['output'];
  /** Normalized: lower case, single spaces. */
  word: Scalars['String']['output'];
};

export type RestrictedWordConnection = {
  __typename?: 'RestrictedWordConnection';
  edges: Array<RestrictedWordEdge>;
  pageInfo: PageInfo;
  /** Number of items matching, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type RestrictedWordEdge = {
  __typename?: 'RestrictedWordEdge';
  /** Opaque; pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  node: RestrictedWord;
};

export type RestrictedWordsMode =
  /** Such writes are accepted and flagged. */
  | 'FLAG'
  /** Writes whose text contains a restricted word fail with BAD_USER_INPUT. */
  | 'REJECT';

/** An HCP whose scientific influence grew between two years, with the evidence. */
export type RisingStar = {
  __typename?: 'RisingStar';
  /** percentileTo − percentileFrom, in percentile points. */
  growth: Scalars['Float']['output'];
  hcp: Hcp;
  /** HCPs tied to it as of toYear that were not as of fromYear. */
  newTies: Scalars['Int']['output'];
  pagerankFrom: Scalars['Float']['output'];
  pagerankTo: Scalars['Float']['output'];
  /** Percentile (0..100) on the scientific network as of fromYear. */
  percentileFrom: Scalars['Float']['output'];
  /** Percentile (0..100) on the scientific network as of toYear. */
  percentileTo: Scalars['Float']['output'];
  /** Publications dated after fromYear, up to toYear. */
  publications: Scalars['Int']['output'];
  /** Every year from fromYear to toYear, for drawing the trajectory. */
  trajectory: Array<InfluencePoint>;
  /** Trials started after fromYear, up to toYear. */
  trials: Scalars['Int']['output'];
};

/** An interaction to plan. */
export type ScheduleInteractionInput = {
  channel: Channel;
  /** ISO 8601 date (YYYY-MM-DD), today or later (UTC, one day of slack). */
  date: Scalars['String']['input'];
  hcpId: Scalars['ID']['input'];
  /** Optional client id (letters, digits, . _ : -); generated when absent. */
  id?: InputMaybe<Scalars['ID']['input']>;
  mslId: Scalars['ID']['input'];
  /** When another MSL plans the HCP within the window: fail with CONFLICT and write nothing (default: schedule and report). */
  rejectOnConflict?: Scalars['Boolean']['input'];
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** The planned interaction, and the plans of other MSLs it conflicts with. */
export type ScheduleResult = {
  __typename?: 'ScheduleResult';
  /** By date, then MSL id; empty when none. */
  conflicts: Array<SchedulingConflict>;
  planned: PlannedInteraction;
  /** The window used (SCHEDULING_CONFLICT_DAYS). */
  windowDays: Scalars['Int']['output'];
};

/** Another MSL plans the same HCP within SCHEDULING_CONFLICT_DAYS of the date. */
export type SchedulingConflict = {
  __typename?: 'SchedulingConflict';
  /** The other plan’s date (ISO 8601). */
  date: Scalars['String']['output'];
  /** Days between the two dates (absolute). */
  daysApart: Scalars['Int']['output'];
  msl: Msl;
  plannedInteraction: PlannedInteraction;
};

/** An MSL planned an HCP whom other MSLs plan within SCHEDULING_CONFLICT_DAYS. */
export type SchedulingConflictEvent = {
  __typename?: 'SchedulingConflictEvent';
  /** ISO 8601 date-time (UTC) the write happened, by the database clock. */
  at: Scalars['String']['output'];
  /** The plans of other MSLs it conflicts with (those still planned), by date then MSL id. */
  conflicts: Array<SchedulingConflict>;
  /** Unique per event (not an object id): delivery is at least once, so a client that must not count one twice keeps these. */
  eventId: Scalars['ID']['output'];
  /** The new plan; null when gone before delivery. */
  planned?: Maybe<PlannedInteraction>;
};

/** The HCP's attitude in an interaction, as the MSL judged it. */
export type Sentiment =
  | 'NEGATIVE'
  | 'NEUTRAL'
  | 'POSITIVE';

/** A sentiment multiplier of the strength formula. */
export type SentimentMultiplier = {
  __typename?: 'SentimentMultiplier';
  multiplier: Scalars['Float']['output'];
  sentiment: Sentiment;
};

/** An HCP that looks like another one. */
export type SimilarHcp = {
  __typename?: 'SimilarHcp';
  hcp: Hcp;
  /** Similarity in 0..1 (see SimilarityMode). */
  score: Scalars['Float']['output'];
  /** HCPs tied to both. */
  shared: Scalars['Int']['output'];
};

/** How lookalike HCPs are scored. */
export type SimilarityMode =
  /** Jaccard similarity of the sets of HCPs tied to each (any link type, either direction). */
  | 'NETWORK'
  /** 0.6 × Jaccard of the tied HCPs + 0.25 × Jaccard of the therapeutic areas + 0.15 × Jaccard of the institutions (an empty pair of sets counts 0); candidates share at least one tied HCP, area or institution. */
  | 'PROFILE';

/** An MSL relationship not contacted for longer than asked. */
export type StaleRelationship = {
  __typename?: 'StaleRelationship';
  /** Days from lastContact to today (UTC); null = never contacted. */
  daysSinceContact?: Maybe<Scalars['Int']['output']>;
  hcp: Hcp;
  /** The HCP's PageRank (see Influence.pagerank). */
  influence: Scalars['Float']['output'];
  /** ISO 8601 date of the latest interaction; null = never contacted. */
  lastContact?: Maybe<Scalars['String']['output']>;
  /** ISO 8601 date. */
  since?: Maybe<Scalars['String']['output']>;
  strength: Scalars['Float']['output'];
};

/** How many of an MSL's relationships fall in one strength band (strength as of now). */
export type StrengthBandCount = {
  __typename?: 'StrengthBandCount';
  /** WEAK, MEDIUM or STRONG. */
  band: Scalars['String']['output'];
  /** Highest strength in the band (exclusive, except 1 for STRONG). */
  max: Scalars['Float']['output'];
  /** Lowest strength in the band (inclusive). */
  min: Scalars['Float']['output'];
  relationships: Scalars['Int']['output'];
};

/** How MSL relationship strength follows from interaction history: strength = 1 − (1 − b)·exp(−0.3·E), E = Σ w(channel)·m(sentiment)·2^(−ageDays/halfLife) over the pair's interactions; b = the imported starting strength (baseStrength, 0.1 if none); w: IN_PERSON 1.0, CONGRESS 0.8, VIRTUAL 0.6, PHONE 0.45, EMAIL 0.25; m: POSITIVE 1.25, NEUTRAL 1.0, NEGATIVE 0.4; halfLife = STRENGTH_HALF_LIFE_DAYS (default 180). Always in (0, 1], never below b; ages count to the moment asked, so it decays towards b while nobody meets. */
export type StrengthFormula = {
  __typename?: 'StrengthFormula';
  channelWeights: Array<ChannelWeight>;
  /** b of a relationship without a recorded starting strength. */
  defaultBaseStrength: Scalars['Float']['output'];
  /** G: how fast evidence saturates towards 1. */
  gain: Scalars['Float']['output'];
  /** Half-life of an interaction, in days (STRENGTH_HALF_LIFE_DAYS). */
  halfLifeDays: Scalars['Int']['output'];
  sentimentMultipliers: Array<SentimentMultiplier>;
  /** The formula as text. */
  text: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Insights as they are captured, optionally only for some audiences. */
  insightCaptured: InsightCapturedEvent;
  /** Interactions as they are logged, optionally only those of an MSL and/or with an HCP. */
  interactionLogged: InteractionLoggedEvent;
  /** MSL relationship strengths as they change, optionally only those of an MSL and/or with an HCP. */
  relationshipStrengthChanged: RelationshipStrengthEvent;
  /** Scheduling conflicts as plans create them (scheduleInteraction reporting conflicts), optionally only those involving an MSL (the planner or a conflicting one) and/or an HCP. */
  schedulingConflict: SchedulingConflictEvent;
};


export type SubscriptionInsightCapturedArgs = {
  audiences?: InputMaybe<Array<Audience>>;
};


export type SubscriptionInteractionLoggedArgs = {
  hcpId?: InputMaybe<Scalars['ID']['input']>;
  mslId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionRelationshipStrengthChangedArgs = {
  hcpId?: InputMaybe<Scalars['ID']['input']>;
  mslId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSchedulingConflictArgs = {
  hcpId?: InputMaybe<Scalars['ID']['input']>;
  mslId?: InputMaybe<Scalars['ID']['input']>;
};

/** A sales/medical territory; HCPs, institutions and MSLs belong to one. */
export type Territory = Node & {
  __typename?: 'Territory';
  /** HCPs in the territory, by id. */
  hcps: HcpConnection;
  id: Scalars['ID']['output'];
  /** Institutions in the territory, by id (the whole list; `institutionsConnection` pages it). */
  institutions: Array<Institution>;
  /** Institutions in the territory, by id, paginated. */
  institutionsConnection: InstitutionConnection;
  /** MSLs covering the territory, by id (the whole list; `mslsConnection` pages it). */
  msls: Array<Msl>;
  /** MSLs covering the territory, by id, paginated. */
  mslsConnection: MslConnection;
  name: Scalars['String']['output'];
  /** Region or country group, e.g. "US", "EU". */
  region?: Maybe<Scalars['String']['output']>;
};


/** A sales/medical territory; HCPs, institutions and MSLs belong to one. */
export type TerritoryHcpsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A sales/medical territory; HCPs, institutions and MSLs belong to one. */
export type TerritoryInstitutionsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A sales/medical territory; HCPs, institutions and MSLs belong to one. */
export type TerritoryMslsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** How much of a territory's HCPs and influence the company's relationships cover. */
export type TerritoryCoverage = {
  __typename?: 'TerritoryCoverage';
  /** Of them, those with at least one MSL relationship. */
  covered: Scalars['Int']['output'];
  /** HCPs in the territory. */
  hcps: Scalars['Int']['output'];
  /** Σ PageRank of the covered / Σ PageRank of all the territory's HCPs (PageRank over the whole network); 0 for a territory without HCPs. */
  influenceShare: Scalars['Float']['output'];
};

/** A therapeutic area, e.g. Oncology. */
export type TherapeuticArea = Node & {
  __typename?: 'TherapeuticArea';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** One relationship of a transfer. */
export type TransferredRelationship = {
  __typename?: 'TransferredRelationship';
  /** The leaving MSL's strength at the transfer (as MslRelationship.strength answered it then). */
  fromStrength: Scalars['Float']['output'];
  /** Null once the HCP is erased. */
  hcp?: Maybe<Hcp>;
  /** True when the receiving MSL already knew the HCP and the two relationships were merged. */
  merged: Scalars['Boolean']['output'];
  /** The receiving MSL's strength right after the transfer. */
  strength: Scalars['Float']['output'];
};

/** An investigator of a trial. */
export type TrialInvestigator = {
  __typename?: 'TrialInvestigator';
  hcp: Hcp;
  role?: Maybe<TrialRole>;
};

/** Principal or sub-investigator. */
export type TrialRole =
  | 'PRINCIPAL'
  | 'SUB';

/** Changes to an HCP: an absent field is left as it is; null clears an optional one. */
export type UpdateHcpInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  institutionId?: InputMaybe<Scalars['ID']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  preferredChannel?: InputMaybe<Channel>;
  specialty?: InputMaybe<Scalars['String']['input']>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Replaces the list; null or [] clears it. */
  therapeuticAreaIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Changes to an institution: an absent field is left as it is; null clears an optional one. */
export type UpdateInstitutionInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to an MSL: an absent field is left as it is; null clears an optional one. */
export type UpdateMslInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  territoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Replaces the list; null or [] clears it. */
  therapeuticAreaIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** The best warm introduction path from the MSL to a suggested HCP (as introductionPaths). */
export type WarmIntroduction = {
  __typename?: 'WarmIntroduction';
  /** Σ −ln(weight). */
  cost: Scalars['Float']['output'];
  /** The HCPs after the MSL, in order; the last is the suggested HCP. */
  hcps: Array<Hcp>;
  hops: Scalars['Int']['output'];
  /** e^(−cost): the product of the weights. */
  strength: Scalars['Float']['output'];
};
