import { Statement, Tx } from '../../db/database';
import { DEFAULT_HALF_LIFE_DAYS, InteractionEvidence, effectiveBase, relationshipStrength } from '../../engagement/strength';

export interface RecomputeOptions {
  /** STRENGTH_HALF_LIFE_DAYS (config.strengthHalfLifeDays); default 180. */
  halfLifeDays?: number;
}

export interface RecomputedStrength {
  strength: number;
  baseStrength: number;
  interactions: number;
}

/**
 * Recomputes the strength of (:MSL {id: mslId})-[:KNOWS]->(:HCP {id: hcpId}) from its base and
 * every interaction of the pair (src/engagement/strength.ts), inside the caller's write
 * transaction: call it after writing the interaction, in the same transaction.
 *
 * Contract:
 * - Changes only an existing KNOWS; returns null (writes nothing) when the pair has none.
 * - b = `baseStrength`, or the current `strength` when no base was ever recorded (that value is
 *   then kept as `baseStrength`, so recomputing again never compounds).
 * - Sets `strength`, `strengthComputedAt` (datetime of `now`) and `lastContact` (the later of
 *   itself and the latest interaction date).
 * - Locks the relationship before reading the interactions, so concurrent logs of the same
 *   pair serialize and the last writer has seen every interaction.
 */
export async function recomputeStrength(
  tx: Tx,
  mslId: string,
  hcpId: string,
  now: Date,
  options: RecomputeOptions = {},
): Promise<RecomputedStrength | null> {
  const [row] = await tx.run<PairEvidence>(LOCK_AND_READ, { mslId, hcpId, now: now.toISOString() });
  return row ? writeStrength(tx, mslId, hcpId, row, now, options) : null;
}

/** What a recompute reads of a pair, under the lock on its KNOWS: see lockAndReadPair. */
export interface PairEvidence {
  base: number | null;
  strength: number | null;
  interactions: InteractionEvidence[];
}

/**
 * The second half of a recompute, for a write that read the pair's evidence itself (with
 * lockAndReadPair, in the statement that wrote the interaction: one statement fewer).
 */
export async function writeStrength(
  tx: Tx,
  mslId: string,
  hcpId: string,
  evidence: PairEvidence,
  now: Date,
  options: RecomputeOptions = {},
): Promise<RecomputedStrength> {
  const { statement, recomputed } = strengthStatement(mslId, hcpId, evidence, now, options);
  await tx.run(statement.cypher, statement.params);
  return recomputed;
}

/**
 * writeStrength as a statement (its parameters under `$pairStrength`), for a mutation that runs it
 * together with its records at the end of its transaction (runMutation's `defer`): nothing in the
 * transaction reads the strength before it commits, and the pair's KNOWS is locked already.
 */
export function strengthStatement(
  mslId: string,
  hcpId: string,
  evidence: PairEvidence,
  now: Date,
  options: RecomputeOptions = {},
): { statement: Statement; recomputed: RecomputedStrength } {
  const baseStrength = effectiveBase(evidence.base ?? evidence.strength);
  const strength = relationshipStrength({
    baseStrength,
    interactions: evidence.interactions,
    now,
    halfLifeDays: options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS,
  });
  // The latest interaction date comes from the evidence (read under the lock): no second read of the history.
  const latest = evidence.interactions.reduce<string | null>((max, x) => (max === null || x.date > max ? x.date : max), null);
  return {
    statement: { cypher: WRITE, params: { pairStrength: { mslId, hcpId, strength, baseStrength, latest } } },
    recomputed: { strength, baseStrength, interactions: evidence.interactions.length },
  };
}

/**
 * Cypher continuing a statement that bound `m`, `h` and the pair's KNOWS `k` (and the variables
 * in `carry`, e.g. ", i"): locks `k` (the write of `strengthComputedAt` = `$now`), then reads the
 * pair's interactions; return PAIR_EVIDENCE after it. Locking before reading makes concurrent
 * logs of one pair serialize, so the last writer has seen every interaction.
 */
export function lockAndReadPair(carry = ''): string {
  return `
  SET k.strengthComputedAt = datetime($now)
  WITH m, h, k${carry}
  CALL (m, h) {
    OPTIONAL MATCH (m)-[:LOGGED|INHERITED]->(x:Interaction)-[:WITH]->(h)
    RETURN [y IN collect(x) | {date: toString(y.date), channel: y.channel, sentiment: y.sentiment}] AS interactions
  }`;
}

/** The PairEvidence columns, after lockAndReadPair. */
export const PAIR_EVIDENCE = 'k.baseStrength AS base, k.strength AS strength, interactions';

const LOCK_AND_READ = `
  MATCH (m:MSL {id: $mslId})-[k:KNOWS]->(h:HCP {id: $hcpId})
  WITH m, h, k LIMIT 1
  ${lockAndReadPair()}
  RETURN ${PAIR_EVIDENCE}`;

const WRITE = `
  MATCH (m:MSL {id: $pairStrength.mslId})-[k:KNOWS]->(h:HCP {id: $pairStrength.hcpId})
  WITH k, date($pairStrength.latest) AS latest
  SET k.strength = $pairStrength.strength,
      k.baseStrength = coalesce(k.baseStrength, $pairStrength.baseStrength),
      k.lastContact = CASE WHEN latest IS NOT NULL AND (k.lastContact IS NULL OR k.lastContact < latest) THEN latest ELSE k.lastContact END`;
