/**
 * The assignment proposal (docs/planning.md): target HCPs shared out across a team of MSLs, each
 * target to at most one MSL, each MSL at most `capacity` targets, so that Σ value is largest,
 * value(MSL, target) = strength of the MSL's best introduction path to the target (paths.ts, the
 * path bestIntroducers shows) × the target's influence. Pairs without a path within maxHops, or
 * of no value, are never made. Solved exactly by b-matching.ts.
 *
 * Order, which decides ties (see b-matching.ts): MSLs by id, targets by influence descending,
 * then id. The answer lists the targets in the order they were given.
 */
import { maxWeightBMatching } from './b-matching';
import { HcpNetwork, hcpIndexOf } from './network';
import { IntroductionPath, RelationshipStrengths, firstPathsTo } from './paths';

export interface ProposedPair {
  hcpId: string;
  mslId: string;
  path: IntroductionPath;
  influence: number;
  /** path.strength × influence. */
  value: number;
}

export interface AssignmentProposal {
  /** In the order of the targets given. */
  assignments: ProposedPair[];
  /** Targets left without an MSL, in the order given. */
  unassigned: string[];
  total: number;
}

/**
 * `msls`: MSL indices of the team; `influence`: one score per HCP index. Unknown target ids:
 * UnknownNodeError. Targets are distinct (callers check).
 */
export function proposeAssignment(
  net: HcpNetwork,
  targetHcpIds: readonly string[],
  msls: readonly number[],
  capacity: number,
  maxHops: number,
  strengths: RelationshipStrengths,
  influence: ArrayLike<number>,
): AssignmentProposal {
  const given = targetHcpIds.map((id) => hcpIndexOf(net, id));
  // HCP indices order like HCP ids.
  const targets = [...given].sort((a, b) => influence[b] - influence[a] || a - b);
  const team = [...msls].sort((a, b) => a - b);
  const paths = targets.map((v) => firstPathsTo(net, net.hcpIds[v], maxHops, team, strengths));
  const weights = team.map((_, m) => targets.map((v, t) => (paths[t][m]?.strength ?? 0) * influence[v]));
  const { leftOf, total } = maxWeightBMatching(weights, targets.length, capacity);

  const pairOf = new Map<number, ProposedPair>();
  targets.forEach((v, t) => {
    const m = leftOf[t];
    const path = m >= 0 ? paths[t][m] : null;
    if (!path) return;
    pairOf.set(v, { hcpId: net.hcpIds[v], mslId: net.mslIds[team[m]], path, influence: influence[v], value: weights[m][t] });
  });
  const assignments: ProposedPair[] = [];
  const unassigned: string[] = [];
  for (const v of given) {
    const pair = pairOf.get(v);
    if (pair) assignments.push(pair);
    else unassigned.push(net.hcpIds[v]);
  }
  return { assignments, unassigned, total };
}
