import { NonEmptyArray } from 'type-graphql';
import { AssignmentProposalFields, AssignmentResolver, ProposedAssignmentFields } from './assignment/assignment.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { ComplianceResolver, InsightComplianceResolver, InteractionComplianceResolver } from './compliance/compliance.resolver';
import {
  ContinuityResolver,
  HandoverFields,
  IntroducerFields,
  KeyPersonRiskFields,
  MslWorkloadFields,
} from './continuity/continuity.resolver';
import { EngagementResolver, HcpEngagementResolver, WarmIntroductionResolver } from './engagement/engagement.resolver';
import { HcpInfluenceHistoryField, RisingStarFields, RisingStarsResolver } from './history/history.resolver';
import { FacetResolver } from './facet/facet.resolver';
import { HcpResolver } from './hcp/hcp.resolver';
import { InsightAnalyticsResolver } from './insight-analytics/insight-analytics.resolver';
import { InsightResolver, InteractionInsightsResolver } from './insight/insight.resolver';
import { InstitutionResolver } from './institution/institution.resolver';
import { HcpInteractionsResolver, InteractionResolver, MslInteractionsResolver } from './interaction/interaction.resolver';
import { HcpLinkResolver, HcpLinksResolver } from './link/link.resolver';
import { LiveResolver } from './live/live.resolver';
import { MslResolver } from './msl/msl.resolver';
import {
  CommunityFields,
  CoverageGapFields,
  EgoNodeFields,
  HcpNetworkFields,
  InfluenceFields,
  IntroductionPathFields,
  KolScoreFields,
} from './network/network.fields';
import {
  InfluenceExplanationField,
  InfluenceExplanationFields,
  PageRankContributorFields,
  PageRankExplanationFields,
} from './network/explanation.fields';
import { CommunityConnectionFields, CommunityResultConnectionFields } from './network/network.connections';
import { NetworkResolver } from './network/network.resolver';
import { NodeResolver } from './node/node.resolver';
import { asOfFields } from './network/as-of.fields';
import { PlannedInteractionConnectionResolver } from './planning/planning.connection';
import { PlanningResolver } from './planning/planning.resolver';
import { HcpPublicationsResolver, PublicationResolver } from './publication/publication.resolver';
import { HcpRelationshipsResolver, MslRelationshipResolver, MslRelationshipsResolver } from './relationship/relationship.resolver';
import { SimilarHcpFields, SimilarResolver } from './similar/similar.resolver';
import { TerritoryResolver } from './territory/territory.resolver';
import { TransferResolver, TransferredRelationshipFields } from './transfer/transfer.resolver';
import { TherapeuticAreaResolver } from './therapeutic-area/therapeutic-area.resolver';
import { HcpTrialsResolver, TrialInvestigatorResolver, TrialResolver } from './trial/trial.resolver';

/** Every resolver class of the API, by concept. A new resolver class is added here and nowhere else. */
export const resolvers: NonEmptyArray<Function> = [
  AuditResolver,
  ComplianceResolver,
  InteractionComplianceResolver,
  InsightComplianceResolver,
  ContinuityResolver,
  IntroducerFields,
  KeyPersonRiskFields,
  MslWorkloadFields,
  HandoverFields,
  AssignmentResolver,
  AssignmentProposalFields,
  ProposedAssignmentFields,
  EngagementResolver,
  HcpEngagementResolver,
  WarmIntroductionResolver,
  HcpResolver,
  FacetResolver,
  InsightResolver,
  InteractionInsightsResolver,
  InsightAnalyticsResolver,
  InstitutionResolver,
  InteractionResolver,
  HcpInteractionsResolver,
  MslInteractionsResolver,
  HcpLinkResolver,
  HcpLinksResolver,
  LiveResolver,
  MslResolver,
  NetworkResolver,
  ...asOfFields,
  InfluenceFields,
  KolScoreFields,
  CoverageGapFields,
  EgoNodeFields,
  IntroductionPathFields,
  CommunityFields,
  HcpNetworkFields,
  InfluenceExplanationField,
  InfluenceExplanationFields,
  PageRankExplanationFields,
  PageRankContributorFields,
  CommunityConnectionFields,
  CommunityResultConnectionFields,
  NodeResolver,
  PlanningResolver,
  PlannedInteractionConnectionResolver,
  PublicationResolver,
  HcpPublicationsResolver,
  MslRelationshipResolver,
  HcpRelationshipsResolver,
  MslRelationshipsResolver,
  SimilarResolver,
  RisingStarsResolver,
  RisingStarFields,
  HcpInfluenceHistoryField,
  SimilarHcpFields,
  TerritoryResolver,
  TherapeuticAreaResolver,
  TrialResolver,
  TrialInvestigatorResolver,
  HcpTrialsResolver,
  TransferResolver,
  TransferredRelationshipFields,
];
