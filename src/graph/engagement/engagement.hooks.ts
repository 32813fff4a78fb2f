/**
 * What the domain's writes call inside their transaction, so engagement stays consistent with
 * them. Each throws to abort the transaction (nothing is written).
 */
import { Config } from '../../config';
import { Defer, Tx } from '../../db/database';
import { checkCompliance, recordComplianceFlags } from '../compliance/compliance.repository';
import { PairEvidence, strengthStatement } from '../relationship/strength.repository';

type EngagementConfig = Pick<Config, 'restrictedWordsMode' | 'strengthHalfLifeDays'>;

/**
 * After (:MSL)-[:LOGGED]->(:Interaction)-[:WITH]->(:HCP) is written (with the pair's evidence read
 * under its lock, see interactionWrites.create): checks `notes` against the restricted words
 * (REJECT: BAD_USER_INPUT on field "notes"; FLAG: flags stored on the interaction), then sets the
 * pair's KNOWS.strength from its whole history as of `now` (a write deferred to the end of the
 * mutation's transaction: see runMutation).
 */
export async function afterInteractionLogged(
  tx: Tx,
  config: EngagementConfig,
  interaction: { id: string; mslId: string; hcpId: string; notes: string | null },
  evidence: PairEvidence,
  now: Date,
  defer: Defer,
): Promise<void> {
  const compliance = await checkCompliance(tx, { notes: interaction.notes }, config.restrictedWordsMode);
  await recordComplianceFlags(tx, 'Interaction', interaction.id, compliance);
  defer(strengthStatement(interaction.mslId, interaction.hcpId, evidence, now, { halfLifeDays: config.strengthHalfLifeDays }).statement);
}

/**
 * After an (:Insight) is written: checks `text` against the restricted words (REJECT:
 * BAD_USER_INPUT on field "text"; FLAG: flags stored on the insight).
 */
export async function afterInsightCaptured(tx: Tx, config: EngagementConfig, insight: { id: string; text: string }): Promise<void> {
  const compliance = await checkCompliance(tx, { text: insight.text }, config.restrictedWordsMode);
  await recordComplianceFlags(tx, 'Insight', insight.id, compliance);
}
