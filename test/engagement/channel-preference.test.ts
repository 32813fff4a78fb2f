import { deriveChannelPreference } from '../../src/engagement/channel-preference';

describe('deriveChannelPreference', () => {
  it('scores each channel by interactions + positive − negative and derives the best', () => {
    const result = deriveChannelPreference([
      { channel: 'EMAIL', sentiment: 'NEUTRAL', count: 4 },
      { channel: 'EMAIL', sentiment: 'NEGATIVE', count: 1 },
      { channel: 'VIRTUAL', sentiment: 'POSITIVE', count: 3 },
      { channel: 'IN_PERSON', sentiment: 'NEGATIVE', count: 2 },
    ]);
    expect(result.derived).toBe('VIRTUAL');
    expect(result.evidence).toEqual([
      { channel: 'VIRTUAL', interactions: 3, positive: 3, neutral: 0, negative: 0, score: 6 },
      { channel: 'EMAIL', interactions: 5, positive: 0, neutral: 4, negative: 1, score: 4 },
      { channel: 'IN_PERSON', interactions: 2, positive: 0, neutral: 0, negative: 2, score: 0 },
    ]);
  });

  it('breaks score ties by channel strength (IN_PERSON first)', () => {
    const result = deriveChannelPreference([
      { channel: 'PHONE', sentiment: 'POSITIVE', count: 1 },
      { channel: 'CONGRESS', sentiment: 'POSITIVE', count: 1 },
    ]);
    expect(result.derived).toBe('CONGRESS');
    expect(result.evidence.map((e) => e.channel)).toEqual(['CONGRESS', 'PHONE']);
  });

  it('derives nothing without history or when every channel went badly', () => {
    expect(deriveChannelPreference([])).toEqual({ derived: null, evidence: [] });
    expect(deriveChannelPreference([{ channel: 'EMAIL', sentiment: 'NEGATIVE', count: 3 }]).derived).toBeNull();
  });

  it('ignores unknown channels and counts a missing sentiment as neutral', () => {
    const result = deriveChannelPreference([
      { channel: 'FAX', sentiment: 'POSITIVE', count: 9 },
      { channel: 'PHONE', sentiment: null, count: 2 },
    ]);
    expect(result).toEqual({
      derived: 'PHONE',
      evidence: [{ channel: 'PHONE', interactions: 2, positive: 0, neutral: 2, negative: 0, score: 2 }],
    });
  });
});
