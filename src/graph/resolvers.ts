import { NonEmptyArray } from 'type-graphql';
// Engagement intelligence (issue 6): its resolver classes live in src/engagement.
import { engagementResolvers } from '../engagement/resolvers';
import { AuditResolver } from './audit/audit.resolver';
import { domainResolvers } from './domain.resolvers';
import { HcpResolver } from './hcp/hcp.resolver';
import { MslResolver } from './msl/msl.resolver';
import { networkFieldResolvers } from './network/network.fields';
import { NetworkResolver } from './network/network.resolver';

/** Every resolver class of the API. A new concept adds its resolver here. */
export const resolvers: NonEmptyArray<Function> = [HcpResolver, MslResolver, AuditResolver, NetworkResolver, ...networkFieldResolvers, ...domainResolvers, ...engagementResolvers];
