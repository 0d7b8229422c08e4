import { describe, expect, it } from 'vitest';
import { countOf, en, formatNumber, pluralWord } from '../../../preload/domain/count-words';

describe('counts in words', () => {
  it('"1 cue", "2 cues", "0 cues", "2,002 sessions"', () => {
    expect(countOf(1, en('cue'))).toBe('1 cue');
    expect(countOf(2, en('cue'))).toBe('2 cues');
    expect(countOf(0, en('cue'))).toBe('0 cues');
    expect(countOf(2002, en('session'))).toBe('2,002 sessions');
    expect(countOf(1, en('reply', 'replies'))).toBe('1 reply');
  });

  it('formats numbers with group separators and at most the decimals asked', () => {
    expect(formatNumber(1_234_567)).toBe('1,234,567');
    expect(formatNumber(13.46)).toBe('13.5');
    expect(formatNumber(13.46, 'en-US', 2)).toBe('13.46');
  });

  it('picks another language’s forms by its own plural rules', () => {
    const polish = { one: 'sygnał', few: 'sygnały', many: 'sygnałów', other: 'sygnału' };
    expect(pluralWord(1, polish, 'pl')).toBe('sygnał');
    expect(pluralWord(3, polish, 'pl')).toBe('sygnały');
    expect(pluralWord(5, polish, 'pl')).toBe('sygnałów');
    expect(countOf(2002, polish, 'de-DE')).toBe('2.002 sygnału');
  });
});
