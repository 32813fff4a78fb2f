import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { AdminOnly } from '../auth';
import { windowOf } from '../common/pagination';
import { GraphContext } from '../context';
import { AUDIT_ORDER, AuditRepository } from './audit.repository';
import { AuditEvent, AuditEventConnection } from './audit.type';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @AdminOnly()
  @Query(() => AuditEventConnection, { description: 'Recorded writes, newest first. ADMIN only.' })
  auditEvents(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('last', () => Int, {
      nullable: true,
      description: 'At most this many rows before `before` (the end of the list without it); not with `first`.',
    })
    last: number | null,
    @Arg('before', () => String, { nullable: true, description: 'A cursor: rows before it.' }) before: string | null,
    @Arg('sub', () => String, { nullable: true }) sub: string | null,
    @Arg('action', () => String, { nullable: true }) action: string | null,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuditEventConnection> {
    const window = windowOf({ first, after, last, before }, info, ctx.app.config.maxFirst, AUDIT_ORDER, 50);
    return new AuditRepository(ctx.db).page({ sub, action }, window);
  }
}
