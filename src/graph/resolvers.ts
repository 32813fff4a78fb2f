import { NonEmptyArray } from 'type-graphql';
import { AuditResolver } from './audit/audit.resolver';
import { HcpResolver } from './hcp/hcp.resolver';
import { MslResolver } from './msl/msl.resolver';

/** Every resolver class of the API. A new concept adds its resolver here. */
export const resolvers: NonEmptyArray<Function> = [HcpResolver, MslResolver, AuditResolver];
