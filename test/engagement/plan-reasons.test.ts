import { channelReason, influenceReason, pathReason, plannedReasons, relationshipReason } from '../../src/engagement/plan-rules';
import { channelPreference } from '../../src/graph/engagement/channel-preference';

describe('engagement plan reasons', () => {
  it('states the influence percentile within the area, rounded up', () => {
    expect(influenceReason(1, 80, 'Oncology')).toBe('PageRank top 2% in Oncology (#1 of 80)');
    expect(influenceReason(16, 80, 'Oncology')).toBe('PageRank top 20% in Oncology (#16 of 80)');
    expect(influenceReason(1, 1000, 'Cardiology')).toBe('PageRank top 1% in Cardiology (#1 of 1000)');
    expect(influenceReason(7, 7, 'Neurology')).toBe('PageRank top 100% in Neurology (#7 of 7)');
  });

  it('states the relationship', () => {
    expect(relationshipReason(null)).toBe('no relationship yet');
    expect(relationshipReason(0.214)).toBe('weak relationship (strength 0.21)');
  });

  it('states the warm path, a direct one, or none', () => {
    expect(pathReason({ nodes: ['msl-1', 'h-1', 'h-2'], hops: 2, cost: 0.86, strength: 0.4232 }, 'Vera Rossi', 4)).toBe(
      'warm path via Dr Vera Rossi (path strength 0.42, 2 hops)',
    );
    expect(pathReason({ nodes: ['msl-1', 'h-2'], hops: 1, cost: 1.6, strength: 0.2 }, null, 4)).toBe(
      'best path is the direct relationship (strength 0.20)',
    );
    expect(pathReason(null, null, 3)).toBe('no warm introduction path within 3 hops');
  });

  it('states the channel, recorded first, else derived with its evidence', () => {
    expect(channelReason(channelPreference('VIRTUAL', [{ channel: 'EMAIL', sentiment: 'POSITIVE', count: 3 }]))).toBe(
      'prefers VIRTUAL (recorded)',
    );
    expect(channelReason(channelPreference(null, [{ channel: 'EMAIL', sentiment: 'POSITIVE', count: 3 }]))).toBe(
      'prefers EMAIL (derived from 3 interactions)',
    );
    expect(channelReason(channelPreference('FAX', [{ channel: 'PHONE', sentiment: null, count: 1 }]))).toBe(
      'prefers PHONE (derived from 1 interaction)',
    );
    expect(channelReason(channelPreference(null, []))).toBeNull();
  });

  it('names other MSLs planning the HCP', () => {
    expect(plannedReasons([{ hcpId: 'h-1', mslId: 'msl-2', mslName: 'Maya Eklund', date: '2026-12-01' }])).toEqual([
      'already planned by Maya Eklund on 2026-12-01: coordinate',
    ]);
  });
});
