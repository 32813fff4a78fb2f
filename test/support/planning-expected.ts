import { IntroductionPath } from '../../src/network/paths';

/** The planning answers of test/fixtures/<network>/expected.json, written by scripts/oracle/recompute.py (networkx). */
export interface PlanningExpected {
  bestIntroducers: {
    toHcpId: string;
    territoryId: string | null;
    maxHops: number;
    first: number;
    introducers: { mslId: string; path: IntroductionPath }[];
  }[];
  keyPersonRisk: {
    territoryId: string | null;
    first: number;
    risks: { hcpId: string; mslId: string; strength: number; influence: number }[];
  }[];
  handoverPlan: {
    mslId: string;
    maxHops: number;
    plan: { hcpId: string; successorId: string | null; existingStrength: number | null; path: IntroductionPath | null }[];
  }[];
  territoryCoverage: Record<string, { hcps: number; covered: number; influenceShare: number }>;
}

/** Same nodes and hops, cost and strength within 1e-9 (the oracle's tolerance). */
export function expectSamePath(
  actual: { nodes: string[]; hops: number; cost: number; strength: number },
  expected: IntroductionPath,
): void {
  expect(actual.nodes).toEqual(expected.nodes);
  expect(actual.hops).toBe(expected.hops);
  expect(Math.abs(actual.cost - expected.cost)).toBeLessThanOrEqual(1e-9);
  expect(Math.abs(actual.strength - expected.strength)).toBeLessThanOrEqual(1e-9);
}
