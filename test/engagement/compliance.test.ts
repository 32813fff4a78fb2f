import { checkText, enforceCompliance, invalidWordReason, normalizeWord } from '../../src/engagement/compliance';
import { ValidationError } from '../../src/errors';

describe('checkText', () => {
  const words = ['cure', 'off-label', 'guaranteed results', 'c++'];

  it('matches whole words case-insensitively', () => {
    expect(checkText('This drug will CURE you', words)).toEqual({ flagged: true, flaggedWords: ['cure'] });
    expect(checkText('Discussed Off-Label use; cure.', words).flaggedWords).toEqual(['cure', 'off-label']);
    expect(checkText('cured patients; procure; cures', words).flagged).toBe(false);
    expect(checkText('offlabel', words).flagged).toBe(false);
  });

  it('matches phrases across any whitespace and words with regex characters literally', () => {
    expect(checkText('Guaranteed\n  results!', words).flaggedWords).toEqual(['guaranteed results']);
    expect(checkText('knows c++ well', words).flaggedWords).toEqual(['c++']);
    expect(checkText('knows cxx well', words).flagged).toBe(false);
  });

  it('respects letters beyond ASCII as word characters', () => {
    expect(checkText('Heilung garantiert', ['heilung']).flagged).toBe(true);
    expect(checkText('Heilungsrate', ['heilung']).flagged).toBe(false);
    expect(checkText('éCURE', ['cure']).flagged).toBe(false);
  });

  it('is clean for empty text or an empty list', () => {
    expect(checkText(null, words)).toEqual({ flagged: false, flaggedWords: [] });
    expect(checkText('cure', [])).toEqual({ flagged: false, flaggedWords: [] });
  });
});

describe('enforceCompliance', () => {
  it('rejects naming the field and the word in mode REJECT', () => {
    let error: unknown;
    try {
      enforceCompliance({ notes: 'all fine', text: 'a Cure at last' }, ['cure'], 'REJECT');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('text: contains the restricted word "cure"');
    expect((error as ValidationError).extensions).toEqual({ field: 'text', word: 'cure' });
  });

  it('flags and merges the words of all fields in mode FLAG', () => {
    expect(enforceCompliance({ notes: 'cure', topic: 'cure and miracle' }, ['miracle', 'cure'], 'FLAG')).toEqual({
      flagged: true,
      flaggedWords: ['cure', 'miracle'],
    });
    expect(enforceCompliance({ notes: 'fine' }, ['cure'], 'REJECT')).toEqual({ flagged: false, flaggedWords: [] });
  });
});

describe('restricted word validation', () => {
  it('normalizes and validates words', () => {
    expect(normalizeWord('  Off   Label ')).toBe('off label');
    expect(invalidWordReason('  ')).toBe('must not be empty');
    expect(invalidWordReason('!!!')).toBe('must contain a letter or digit');
    expect(invalidWordReason('x'.repeat(101))).toBe('must be at most 100 characters');
    expect(invalidWordReason('cure')).toBeNull();
  });
});
