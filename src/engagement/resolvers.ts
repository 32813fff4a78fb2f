import { ComplianceResolver, InsightComplianceResolver, InteractionComplianceResolver } from './compliance.resolver';
import { InsightAnalyticsResolver } from './insight-analytics.resolver';
import { PlanningResolver } from './planning.resolver';
import { EngagementResolver, HcpEngagementResolver, WarmIntroductionResolver } from './engagement.resolver';

/** Every resolver class of the engagement module (issue 6); src/graph/resolvers.ts spreads them in. */
export const engagementResolvers: Function[] = [
  EngagementResolver,
  HcpEngagementResolver,
  WarmIntroductionResolver,
  ComplianceResolver,
  InteractionComplianceResolver,
  InsightComplianceResolver,
  PlanningResolver,
  InsightAnalyticsResolver,
];
