import { proposeAssignment } from '../../src/network/assignment';
import { TOLERANCE } from '../../src/network/b-matching';
import { UnknownNodeError, buildNetwork } from '../../src/network/network';
import { pageRank } from '../../src/network/pagerank';
import { introductionPaths } from '../../src/network/paths';
import { seededRandom } from '../../src/network/random';
import { LINK_TYPES } from '../../src/vocabulary';
import { csvRows } from '../support/network400';

describe('proposeAssignment on network-400 against brute force over introductionPaths', () => {
  const net = buildNetwork({
    hcpIds: csvRows('hcps.csv').map((row) => row.id),
    links: csvRows('hcp_links.csv').map((row) => ({
      source: row.sourceId,
      target: row.targetId,
      type: row.type as (typeof LINK_TYPES)[number],
      weight: Number(row.weight),
    })),
    relationships: csvRows('msl_relationships.csv').map((row) => ({ mslId: row.mslId, hcpId: row.hcpId, strength: Number(row.strength) })),
    mslIds: csvRows('msls.csv').map((row) => row.id),
  });
  const pagerank = pageRank(net.directed);
  const strengths = net.msl.weights;

  /** value(m, t) computed independently: the first introductionPaths answer × PageRank. */
  const valueOf = (m: number, hcpId: string, maxHops: number): number => {
    const [path] = introductionPaths(net, net.mslIds[m], hcpId, maxHops, 1, strengths);
    return path ? path.strength * pagerank[net.hcpIndex.get(hcpId)!] : 0;
  };

  const bestTotal = (values: number[][], capacity: number): number => {
    const used = values.map(() => 0);
    const targets = values[0]?.length ?? 0;
    const visit = (t: number): number => {
      if (t === targets) return 0;
      let best = visit(t + 1);
      values.forEach((row, m) => {
        if (used[m] >= capacity || !(row[t] > 0)) return;
        used[m]++;
        best = Math.max(best, row[t] + visit(t + 1));
        used[m]--;
      });
      return best;
    };
    return visit(0);
  };

  it('reaches the optimum on 40 random small cases (2-4 MSLs, 2-6 targets, capacity 1-2, maxHops 2-4)', () => {
    const random = seededRandom(21);
    const pick = (n: number) => Math.floor(random() * n);
    for (let i = 0; i < 40; i++) {
      const team = [...new Set(Array.from({ length: 2 + pick(3) }, () => pick(net.mslIds.length)))];
      const targets = [...new Set(Array.from({ length: 2 + pick(5) }, () => net.hcpIds[pick(net.hcpIds.length)]))];
      const capacity = 1 + pick(2);
      const maxHops = 2 + pick(3);
      const answer = proposeAssignment(net, targets, team, capacity, maxHops, strengths, pagerank);

      const values = team.map((m) => targets.map((id) => valueOf(m, id, maxHops)));
      const optimum = bestTotal(values, capacity);
      expect(Math.abs(answer.total - optimum)).toBeLessThanOrEqual(TOLERANCE * Math.max(...values.flat(), 1e-300));
      // Every target listed once, in the order given; each pair as introductionPaths shows it.
      const listed = [...answer.assignments.map((a) => a.hcpId), ...answer.unassigned];
      expect(listed.sort()).toEqual([...targets].sort());
      expect(answer.assignments.map((a) => a.hcpId)).toEqual(targets.filter((id) => !answer.unassigned.includes(id)));
      const load = new Map<string, number>();
      for (const pair of answer.assignments) {
        const m = net.mslIndex.get(pair.mslId)!;
        expect(team).toContain(m);
        load.set(pair.mslId, (load.get(pair.mslId) ?? 0) + 1);
        expect(pair.path).toEqual(introductionPaths(net, pair.mslId, pair.hcpId, maxHops, 1, strengths)[0]);
        expect(pair.value).toBe(pair.path.strength * pair.influence);
        expect(pair.influence).toBe(pagerank[net.hcpIndex.get(pair.hcpId)!]);
      }
      for (const n of load.values()) expect(n).toBeLessThanOrEqual(capacity);
    }
  });

  it('leaves targets no MSL of the team can reach unassigned', () => {
    const msl = net.mslIndex.get(net.mslIds[0])!;
    // One hop: only the HCPs the MSL knows are reachable.
    const known = new Set(Array.from(net.msl.targets.subarray(net.msl.offsets[msl], net.msl.offsets[msl + 1])).map((v) => net.hcpIds[v]));
    const stranger = net.hcpIds.find((id) => !known.has(id))!;
    const friend = [...known][0];
    const answer = proposeAssignment(net, [stranger, friend], [msl], 5, 1, strengths, pagerank);
    expect(answer.assignments.map((a) => [a.hcpId, a.mslId, a.path.hops])).toEqual([[friend, net.mslIds[0], 1]]);
    expect(answer.unassigned).toEqual([stranger]);
  });

  it('answers the same whatever the order of the targets given (ties decided by influence, then id)', () => {
    const targets = net.hcpIds.slice(0, 8);
    const team = [0, 1, 2];
    const forward = proposeAssignment(net, targets, team, 1, 4, strengths, pagerank);
    const backward = proposeAssignment(net, [...targets].reverse(), team, 1, 4, strengths, pagerank);
    const pairs = (a: typeof forward) => a.assignments.map((p) => `${p.hcpId}:${p.mslId}`).sort();
    expect(pairs(backward)).toEqual(pairs(forward));
    expect(backward.total).toBe(forward.total);
  });

  it('throws UnknownNodeError for an unknown target', () => {
    expect(() => proposeAssignment(net, ['nobody'], [0], 1, 4, strengths, pagerank)).toThrow(UnknownNodeError);
  });
});
