import { HcpInteractionsResolver, InteractionResolver, MslInteractionsResolver } from './interaction/interaction.resolver';
import { InsightResolver, InteractionInsightsResolver } from './insight/insight.resolver';
import { InstitutionResolver } from './institution/institution.resolver';
import { HcpLinkResolver, HcpLinksResolver } from './link/link.resolver';
import { HcpPublicationsResolver, PublicationResolver } from './publication/publication.resolver';
import { HcpRelationshipsResolver, MslRelationshipResolver, MslRelationshipsResolver } from './relationship/relationship.resolver';
import { TerritoryResolver } from './territory/territory.resolver';
import { TherapeuticAreaResolver } from './therapeutic-area/therapeutic-area.resolver';
import { HcpTrialsResolver, TrialInvestigatorResolver, TrialResolver } from './trial/trial.resolver';

/** The resolvers of the domain model's relations and mutations (issue 4), beyond HcpResolver/MslResolver. */
export const domainResolvers: Function[] = [
  InstitutionResolver,
  TerritoryResolver,
  TherapeuticAreaResolver,
  HcpLinkResolver,
  HcpLinksResolver,
  MslRelationshipResolver,
  HcpRelationshipsResolver,
  MslRelationshipsResolver,
  InteractionResolver,
  HcpInteractionsResolver,
  MslInteractionsResolver,
  InsightResolver,
  InteractionInsightsResolver,
  PublicationResolver,
  HcpPublicationsResolver,
  TrialResolver,
  TrialInvestigatorResolver,
  HcpTrialsResolver,
];
