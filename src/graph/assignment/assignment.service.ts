import { NotFoundError, ValidationError } from '../../errors';
import { proposeAssignment } from '../../network/assignment';
import { GraphContext } from '../context';
import { distinctIdList, intArg } from '../common/validate';
import { mslsCovering, requireTerritoryReader } from '../continuity/continuity.access';
import { relationshipStrengths, snapshotOf } from '../network/network.context';
import { AssignmentProposal, ProposedAssignment } from './assignment.type';

/** At most this many targets per proposal: each costs one bestIntroducers search. */
export const MAX_TARGETS = 100;
const MAX_HOPS = 6;

/**
 * proposeAssignment (docs/planning.md): arguments checked (BAD_USER_INPUT naming the argument,
 * NOT_FOUND for unknown ids), who may read it (continuity.access.ts), then the pure proposal of
 * src/network/assignment.ts over the request's snapshot, with strengths of the moment and PageRank.
 */
export class AssignmentService {
  constructor(private readonly ctx: GraphContext) {}

  async propose(
    targetHcpIds: readonly string[],
    mslIds: readonly string[] | null,
    territoryId: string | null,
    capacity: number,
    maxHops: number,
  ): Promise<AssignmentProposal> {
    const targets = distinctIdList(targetHcpIds, 'targetHcpIds', MAX_TARGETS);
    const team = mslIds === null ? null : distinctIdList(mslIds, 'mslIds', this.ctx.app.config.maxFirst);
    if (team && territoryId !== null) throw new ValidationError('territoryId', 'give mslIds or territoryId, not both');
    intArg(capacity, 'capacity', 1, MAX_TARGETS);
    intArg(maxHops, 'maxHops', 1, MAX_HOPS);

    const snapshot = await snapshotOf(this.ctx);
    const { net, attributes, territoryIds } = snapshot.projection;
    for (const id of targets) if (!net.hcpIndex.has(id)) throw new NotFoundError('HCP', id);
    for (const id of team ?? []) if (!net.mslIndex.has(id)) throw new NotFoundError('MSL', id);
    if (territoryId !== null && !territoryIds.has(territoryId)) throw new NotFoundError('Territory', territoryId);

    // An MSL reads this only when the targets and the team are all of its own territories.
    const concerned = targets.map((id) => attributes.territory[net.hcpIndex.get(id)!]);
    if (territoryId !== null) concerned.push(territoryId);
    else if (team) concerned.push(...(await this.territoriesOfTeam(team)));
    else concerned.push(null); // every MSL
    await requireTerritoryReader(this.ctx, concerned, 'proposeAssignment');

    const members = territoryId !== null ? await mslsCovering(this.ctx, territoryId) : new Set(team ?? net.mslIds);
    const msls = net.mslIds.flatMap((id, m) => (members.has(id) ? [m] : []));
    const proposal = proposeAssignment(
      net,
      targets,
      msls,
      capacity,
      maxHops,
      relationshipStrengths(this.ctx, net),
      await snapshot.pagerank(),
    );
    return {
      assignments: proposal.assignments.map((pair) => {
        // hcp and msl are resolved from the ids (assignment.resolver.ts).
        const row: Omit<ProposedAssignment, 'hcp' | 'msl'> = { ...pair, path: { ...pair.path, ids: pair.path.nodes, nodes: [] } };
        return row as ProposedAssignment;
      }),
      unassignedIds: proposal.unassigned,
      totalValue: proposal.total,
    } as AssignmentProposal;
  }

  /** The territories the MSLs cover; null for an MSL covering none (no territory of the viewer's). */
  private async territoriesOfTeam(mslIds: string[]): Promise<(string | null)[]> {
    const rows = await this.ctx.db.read<{ territories: string[] }>(
      'MATCH (m:MSL) WHERE m.id IN $mslIds OPTIONAL MATCH (m)-[:COVERS]->(t:Territory) RETURN m.id AS id, collect(t.id) AS territories',
      { mslIds },
    );
    return rows.flatMap((row) => (row.territories.length > 0 ? row.territories : [null]));
  }
}
