import { randomUUID } from 'node:crypto';
import { dayOf, strengthAsOf } from '../../engagement/strength';
import { ForbiddenError, ValidationError } from '../../errors';
import { runMutation } from '../common/mutation';
import { checkFirst } from '../common/pagination';
import { refId } from '../common/validate';
import { GraphContext, hasRole } from '../context';
import { liveEvent } from '../live/live.events';
import { recomputeStrength } from '../relationship/strength.repository';
import { StoredKnows, TransferRepository, transferWrites } from './transfer.repository';
import { RelationshipTransfer } from './transfer.type';

/** The most HCPs one transfer moves (the cost model's bound of RelationshipTransfer.relationships). */
export const MAX_TRANSFER_HCPS = 1000;

/**
 * transferRelationships and the transfer records (docs/planning.md, "Transfers"): all or
 * nothing, through runMutation (audit, network change, live events in the same transaction).
 */
export class TransferService {
  constructor(private readonly ctx: GraphContext) {}

  transfer(fromMslId: string, toMslId: string, hcpIds: readonly string[]): Promise<RelationshipTransfer> {
    const from = refId(fromMslId, 'fromMslId');
    const to = refId(toMslId, 'toMslId');
    if (from === to) throw new ValidationError('toMslId', 'must differ from fromMslId');
    const hcps = checkHcpIds(hcpIds);
    const now = new Date();
    const halfLife = this.ctx.app.config.strengthHalfLifeDays;
    const strengthNow = (k: StoredKnows) =>
      strengthAsOf(
        { strength: k.strength, baseStrength: k.baseStrength, computedDay: k.computedAt === null ? null : dayOf(new Date(k.computedAt)) },
        dayOf(now),
        halfLife,
      );
    return runMutation(this.ctx, {
      requires: [
        { label: 'MSL', ids: [from, to] },
        { label: 'HCP', ids: hcps },
      ],
      write: async (tx) => {
        const leaving = new Map((await transferWrites.lockFrom(tx, from, hcps)).map((k) => [k.hcpId, k]));
        const unknown = hcps.find((id) => !leaving.has(id));
        if (unknown) throw new ValidationError('hcpIds', `${from} has no relationship with ${unknown}`);
        const merged = new Set(await transferWrites.move(tx, from, to, hcps));
        // A merged relationship: its strength from the larger base and both histories, as logInteraction would compute it.
        for (const hcpId of merged) await recomputeStrength(tx, to, hcpId, now, { halfLifeDays: halfLife });
        const received = new Map((await transferWrites.received(tx, to, hcps)).map((k) => [k.hcpId, k]));
        return transferWrites.record(tx, {
          id: `transfer-${randomUUID()}`,
          sub: this.ctx.viewer.sub,
          fromMslId: from,
          toMslId: to,
          relationships: hcps.map((hcpId) => ({
            hcpId,
            merged: merged.has(hcpId),
            fromStrength: strengthNow(leaving.get(hcpId) as StoredKnows),
            strength: strengthNow(received.get(hcpId) as StoredKnows),
          })),
        });
      },
      // Both MSLs' relationships with these HCPs changed (introduction paths, reach, key-person risk, handovers): readers re-read those pairs.
      networkChange: { pairs: hcps.flatMap((hcpId) => [[from, hcpId] as const, [to, hcpId] as const]) },
      liveEvents: () => hcps.flatMap((hcpId) => [liveEvent.relationshipStrength(from, hcpId), liveEvent.relationshipStrength(to, hcpId)]),
    });
  }

  /** Transfers from or to `mslId` (all when null), newest first. ADMIN, PLANNER, ANALYST: any; an MSL: its own. */
  list(mslId: string | null, first: number): Promise<RelationshipTransfer[]> {
    const size = checkFirst(first, this.ctx.app.config.maxFirst);
    const { viewer } = this.ctx;
    if (!hasRole(viewer, 'ADMIN', 'PLANNER', 'ANALYST')) {
      if (!hasRole(viewer, 'MSL') || !viewer.mslId || mslId !== viewer.mslId) {
        throw new ForbiddenError('relationshipTransfers: an MSL reads only the transfers from or to itself (mslId of the token)');
      }
    }
    return new TransferRepository(this.ctx.db).list(mslId, size);
  }
}

function checkHcpIds(hcpIds: readonly string[]): string[] {
  if (hcpIds.length === 0) throw new ValidationError('hcpIds', 'must name at least one HCP');
  if (hcpIds.length > MAX_TRANSFER_HCPS) throw new ValidationError('hcpIds', `at most ${MAX_TRANSFER_HCPS} HCPs per transfer`);
  const seen = new Set<string>();
  for (const id of hcpIds) {
    refId(id, 'hcpIds');
    if (seen.has(id)) throw new ValidationError('hcpIds', `${id} is named twice`);
    seen.add(id);
  }
  return [...seen];
}
