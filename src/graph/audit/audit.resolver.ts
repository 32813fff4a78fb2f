import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ValidationError } from '../../errors';
import { AdminOnly } from '../auth';
import { checkFirst } from '../common/pagination';
import { GraphContext } from '../context';
import { AuditRepository } from './audit.repository';
import { AuditEvent, AuditEventConnection } from './audit.type';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @AdminOnly()
  @Query(() => AuditEventConnection, { description: 'Recorded writes, newest first. ADMIN only.' })
  async auditEvents(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('sub', () => String, { nullable: true }) sub: string | null,
    @Arg('action', () => String, { nullable: true }) action: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<AuditEventConnection> {
    const size = checkFirst(first ?? 50, ctx.app.config.maxFirst);
    const { rows, total } = await new AuditRepository(ctx.db).list({ sub, action }, decodeAuditCursor(after), size + 1);
    const edges = rows.slice(0, size).map((node) => ({ cursor: encodeAuditCursor(node), node }));
    return { totalCount: total, edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }
}

function encodeAuditCursor(event: { at: string; id: string }): string {
  return Buffer.from(JSON.stringify([event.at, event.id]), 'utf8').toString('base64url');
}

function decodeAuditCursor(after: string | null): { at: string; id: string } | null {
  if (!after) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // falls through to the error below
  }
  throw new ValidationError('after', 'is not a cursor this API issued');
}
