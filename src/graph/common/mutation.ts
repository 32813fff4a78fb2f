import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLFieldResolver, GraphQLSchema, defaultFieldResolver } from 'graphql';
import { Defer, Statement, Tx } from '../../db/database';
import { LiveEventRecord, liveEventsStatement } from '../../db/live-events';
import { NetworkChange } from '../../network/changes';
import { ValidationError } from '../../errors';
import { idsOf, resultIds } from '../audit/audit.ids';
import { AuditRepository } from '../audit/audit.repository';
import { GraphContext } from '../context';
import { markNetworkChanged, prepareNetworkChange } from './network-change';
import { PreparedNetwork } from '../../network/network.service';
import { CreatedRef, Reference, ReferenceChecks, isDuplicateKey, runChecks } from './references';

/**
 * The one path every mutation takes (runMutation): one write transaction holding, in order, the
 * authorization checks that read the database, the duplicate-id and existence checks, the writes,
 * the network-change mark, the live events and the audit event; then the request's loaders are
 * reset. Whatever fails (including the audit write) rolls everything back, so nothing is written without its
 * audit event and no client sees success for an unaudited write.
 *
 * Cost: the checks are one statement (none when the plan's first write runs them: `checksInWrite`)
 * and the change record, the live events, the audit event and the writes the mutation deferred
 * (`defer`) share one, so a mutation costs its own writes plus one or two statements (each
 * statement is a round trip and the server's per-statement work; see docs/performance.md, "Writes").
 */
export interface MutationPlan<W, R> {
  /** A node this mutation creates: its id must be new (BAD_USER_INPUT on `field`, default "id"), also under a race. */
  creates?: Creation<R>;
  /** Nodes that must exist: NOT_FOUND naming the first one missing. */
  requires?: readonly Reference[];
  /**
   * Set when `write` runs the creates/requires checks itself, in its first statement (which starts
   * with `checks.clause`, writes only `WHERE checks.ok`, and hands the `checks` column it returns
   * to `checks.read`): the checks then cost no statement of their own. When `checks.read` found
   * the id taken, `write` must return without writing (nor deferring); runMutation then replays
   * or refuses as usual.
   */
  checksInWrite?: boolean;
  /**
   * The writes, inside the transaction. `defer` queues a write whose result nothing before the
   * commit reads, to run in the statement of the records (one round trip fewer); its parameter
   * names must differ from theirs ($change, $live, $audit) and from the other deferred writes'.
   */
  write(tx: Tx, defer: Defer, checks: ReferenceChecks): Promise<W>;
  /** What the writes changed in the network; null or absent: nothing (see markNetworkChanged). */
  networkChange?: NetworkChange | null | ((written: W) => NetworkChange | null);
  /** What subscribers hear of the writes (src/db/live-events.ts); absent: nothing. */
  liveEvents?: (written: W) => readonly LiveEventRecord[];
  /** The mutation's answer from what was written (default: the written value); the audit event names its ids. */
  answer?(written: W): R;
}

/**
 * A node a mutation creates under a client-chosen id. Without `replay` the id must be new. With
 * it, sending the same request again is safe (a client retrying after a lost answer): when the id
 * is taken, `replay` reads what is stored and returns its answer if it holds the same content as
 * this request, which is then the answer (nothing written, no second audit event); null (other
 * content) refuses the request with BAD_USER_INPUT on `field`. Two requests racing with one id:
 * one writes, the other fails on the uniqueness constraint, runs again and replays.
 */
export interface Creation<R> extends CreatedRef {
  /** Name in the message, e.g. "interaction". */
  entity: string;
  /** The argument naming the id (default "id"). */
  field?: string;
  /** `stored`: what the checks found under the id, as `storedAs` projects it (null without it). */
  replay?(tx: Tx, stored: unknown): Promise<R | null>;
}

/** The running root Mutation field: its name and arguments (for the audit) and the checks guards queued for its transaction. */
interface MutationScope {
  action: string;
  args: Record<string, unknown>;
  checks: ((tx: Tx) => Promise<void>)[];
  done: boolean;
}

const scope = new AsyncLocalStorage<MutationScope>();

export async function runMutation<W, R = W>(ctx: GraphContext, plan: MutationPlan<W, R>): Promise<R> {
  const current = scope.getStore();
  if (!current) throw new Error('runMutation runs only inside a root Mutation field (see withMutationPath)');
  const { creates } = plan;
  let prepared: PreparedNetwork | undefined;
  // Names the transaction in the embedded server's commit lines, so the sync can apply the states it keeps.
  const ticket = ctx.app.network.ticket();
  const run = () =>
    ctx.db.transaction(async (tx) => {
      for (const check of current.checks) await check(tx);
      const checks = new ReferenceChecks(creates, plan.requires);
      if (!plan.checksInWrite && (await runChecks(tx, checks))) return replayOrRefuse(tx, creates!, checks.stored);
      const deferred: Statement[] = [];
      const written = await plan.write(tx, (statement) => deferred.push(statement), checks);
      if (checks.taken === null) throw new Error(`mutation ${current.action} set checksInWrite but its write did not read the checks`);
      if (checks.taken) return replayOrRefuse(tx, creates!, checks.stored);
      const change = typeof plan.networkChange === 'function' ? plan.networkChange(written) : plan.networkChange;
      const answer = plan.answer ? plan.answer(written) : (written as unknown as R);
      const entityIds = [...new Set([...idsOf(current.args), ...resultIds(answer)])];
      const audit = new AuditRepository(ctx.db).statement({ sub: ctx.viewer.sub, action: current.action, entityIds });
      const alongside = [...deferred, liveEventsStatement(plan.liveEvents?.(written) ?? []), audit];
      await markNetworkChanged(tx, change ?? {}, alongside, ticket && ctx.app.network.keeper(ticket));
      prepared = await prepareNetworkChange(ctx.app.network, tx, change ?? {});
      return answer;
    }, ticket?.metadata);
  // Not committed: the network prepared for the commit must not stay on offer.
  const attempt = () =>
    run().catch((error: unknown) => {
      prepared?.withdraw();
      throw error;
    });
  let answer: R;
  try {
    answer = await attempt();
  } catch (error) {
    if (!creates || !isDuplicateKey(error)) throw error;
    // Another request created the id between our check and our write: the second attempt replays or refuses.
    if (!creates.replay) throw duplicate(creates);
    answer = await attempt().catch((again) => Promise.reject(isDuplicateKey(again) ? duplicate(creates) : again));
  }
  current.done = true;
  ctx.loaders.clear();
  return answer;
}

async function replayOrRefuse<R>(tx: Tx, creates: Creation<R>, stored: unknown): Promise<R> {
  const answer = creates.replay ? await creates.replay(tx, stored) : null;
  if (answer === null) throw duplicate(creates);
  return answer;
}

function duplicate(creates: Creation<unknown>): ValidationError {
  const retry = creates.replay ? ' with other content (a retry must send the same content)' : '';
  return new ValidationError(creates.field ?? 'id', `${creates.entity} "${creates.id}" exists already${retry}`);
}

/**
 * Queues an authorization check that reads the database into the running mutation's
 * transaction (so it sees exactly what the writes see). Only guards of root Mutation fields may
 * call it: anywhere else it throws, rather than letting the operation through unchecked.
 */
export function authorizeInTransaction(check: (tx: Tx) => Promise<void>): void {
  const current = scope.getStore();
  if (!current) throw new Error('a database-reading authorization check guards mutations only');
  current.checks.push(check);
}

/**
 * Runs every root Mutation field of `schema` in its own mutation scope and makes sure it took
 * runMutation: a mutation that answered without it fails (a programming error, never silent).
 */
export function withMutationPath(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    const resolve: GraphQLFieldResolver<unknown, GraphContext> = field.resolve ?? defaultFieldResolver;
    if ((resolve as { scoped?: boolean }).scoped) continue;
    const scoped: GraphQLFieldResolver<unknown, GraphContext> = (root, args, context, info) => {
      const current: MutationScope = { action: info.fieldName, args, checks: [], done: false };
      return scope.run(current, async () => {
        const answer = await resolve(root, args, context, info);
        if (!current.done) throw new Error(`mutation ${info.fieldName} answered without runMutation (no transaction, no audit)`);
        return answer;
      });
    };
    (scoped as { scoped?: boolean }).scoped = true;
    field.resolve = scoped;
  }
  return schema;
}
