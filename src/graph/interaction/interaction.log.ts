import { Config } from '../../config';
import { Defer, Tx } from '../../db/database';
import { LiveEventRecord } from '../../db/live-events';
import { NetworkChange } from '../../network/changes';
import { ReferenceChecks } from '../common/references';
import { MAX_TEXT, newId, optionalText, pastIsoDate, refId } from '../common/validate';
import { afterInteractionLogged } from '../engagement/engagement.hooks';
import { liveEvent } from '../live/live.events';
import { LogInteractionInput } from './interaction.input';
import { NewInteraction, interactionWrites } from './interaction.repository';
import { Interaction } from './interaction.type';

/**
 * Logging an interaction, shared by logInteraction and completePlannedInteraction so both
 * validate and take effect the same way.
 */

/** The checked, normalized interaction (BAD_USER_INPUT naming the field at fault). */
export function checkInteraction(input: LogInteractionInput, idField = 'id'): NewInteraction {
  return {
    id: newId('int', input.id, idField),
    mslId: refId(input.mslId, 'mslId'),
    hcpId: refId(input.hcpId, 'hcpId'),
    date: pastIsoDate(input.date, 'date'),
    channel: input.channel,
    topic: optionalText(input.topic, 'topic'),
    sentiment: input.sentiment,
    notes: optionalText(input.notes, 'notes', MAX_TEXT),
  };
}

type EngagementConfig = Pick<Config, 'restrictedWordsMode' | 'strengthHalfLifeDays'>;

/**
 * Writes the interaction inside the caller's transaction, then the engagement effects: restricted
 * words in the notes (REJECT throws, so nothing is written), the pair's strength recomputed
 * (its write handed to `defer`, runMutation's). With `checks` (runMutation's, `checksInWrite`)
 * the create runs them first: null when the id is taken (nothing written).
 */
export async function writeInteraction(tx: Tx, config: EngagementConfig, record: NewInteraction, defer: Defer): Promise<Interaction>;
export async function writeInteraction(
  tx: Tx,
  config: EngagementConfig,
  record: NewInteraction,
  defer: Defer,
  checks: ReferenceChecks,
): Promise<Interaction | null>;
export async function writeInteraction(
  tx: Tx,
  config: EngagementConfig,
  record: NewInteraction,
  defer: Defer,
  checks?: ReferenceChecks,
): Promise<Interaction | null> {
  const now = new Date();
  const created = await interactionWrites.create(tx, record, now, checks);
  if (created === null) return null;
  await afterInteractionLogged(tx, config, record, created.evidence, now, defer);
  return created.interaction;
}

/** What a logged interaction changes in the network: the pair's strength (paths) and the HCP's interaction counts (COMPOSITE). */
export function interactionNetworkChange(record: Pick<NewInteraction, 'mslId' | 'hcpId'>): NetworkChange {
  return { pairs: [[record.mslId, record.hcpId]], attrs: [record.hcpId] };
}

/** What subscribers hear of a logged interaction: the interaction, and its pair's strength. */
export function interactionLiveEvents(record: Pick<NewInteraction, 'id' | 'mslId' | 'hcpId'>): LiveEventRecord[] {
  return [liveEvent.interactionLogged(record), liveEvent.relationshipStrength(record.mslId, record.hcpId)];
}
