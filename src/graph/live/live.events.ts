import { LiveEventRecord } from '../../db/live-events';
import { derivedId } from '../node/derived-id';

/** The live event records mutations hand to runMutation (`liveEvents`), one builder per topic. */
export const liveEvent = {
  insightCaptured(insight: { id: string; audience: string }): LiveEventRecord {
    return { topic: 'INSIGHT_CAPTURED', subject: insight.id, audience: insight.audience };
  },

  interactionLogged(interaction: { id: string; mslId: string; hcpId: string }): LiveEventRecord {
    return { topic: 'INTERACTION_LOGGED', subject: interaction.id, msls: [interaction.mslId], hcps: [interaction.hcpId] };
  },

  /** `others`: the other MSLs' plans it conflicts with (none: no event). */
  schedulingConflict(
    plan: { id: string; mslId: string; hcpId: string },
    others: readonly { id: string; mslId: string }[],
  ): LiveEventRecord[] {
    if (others.length === 0) return [];
    return [
      {
        topic: 'SCHEDULING_CONFLICT',
        subject: plan.id,
        msls: [plan.mslId, ...others.map((other) => other.mslId)],
        hcps: [plan.hcpId],
        related: others.map((other) => other.id),
      },
    ];
  },

  relationshipStrength(mslId: string, hcpId: string): LiveEventRecord {
    return { topic: 'RELATIONSHIP_STRENGTH', subject: derivedId('MslRelationship', mslId, hcpId), msls: [mslId], hcps: [hcpId] };
  },
};
