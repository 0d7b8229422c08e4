import { describe, expect, it } from 'vitest';
import {
  CueAnnouncer,
  REPEAT_QUIET_SEC,
  type CueScene,
} from '../../../renderer/src/live-coach/cue-announcement';
import type { BannerState } from '../../../renderer/src/live-coach/cue-copy';

/** Feeds the coach's changes (banner, heated, time) and returns what a screen reader would hear. */
function heard(changes: [BannerState, boolean, number][]): string[] {
  const announcer = new CueAnnouncer();
  return changes.flatMap(([banner, heated, t]) => {
    const scene: CueScene = { banner, heated };
    const said = announcer.next(scene, t);
    return said ? [`${said.politeness}: ${said.text}`] : [];
  });
}

describe('cue announcements', () => {
  it('says each cue once, in words, and nothing for Ready or Listening', () => {
    expect(
      heard([
        ['idle', false, 0],
        ['listening', false, 1],
        ['wait-for-pause', false, 2],
        ['your-turn', false, 6],
        ['listening', false, 7],
        ['wait-for-pause', false, 8],
        ['caller-heated', true, 9],
        ['talking-over', true, 11],
        ['caller-heated', true, 13],
        ['your-turn', true, 14],
        ['too-loud', true, 16],
        ['caller-heated', true, 19],
        ['idle', false, 20],
      ]),
    ).toEqual([
      'polite: Wait for the pause',
      'polite: Your turn — speak softly',
      'polite: Wait for the pause',
      'polite: Caller heated',
      'assertive: You’re talking over',
      // The banner falling back to "Caller heated" is not news.
      'polite: Your turn — speak softly',
      'polite: Speak softly',
    ]);
  });

  it('says "Caller heated" when the caller becomes heated, even under a higher cue, with that cue', () => {
    expect(
      heard([
        ['listening', false, 0],
        ['wait-for-pause', false, 1],
        ['talking-over', true, 4],
        ['caller-heated', true, 5],
        ['wait-for-pause', false, 12],
        ['caller-heated', true, 20],
      ]),
    ).toEqual([
      'polite: Wait for the pause',
      'assertive: Caller heated. You’re talking over',
      'polite: Wait for the pause',
      // A second heated spell, more than 5 s after the first was announced.
      'polite: Caller heated',
    ]);
  });

  it(`repeats a cue only after ${REPEAT_QUIET_SEC} s, and afresh in the next call`, () => {
    expect(
      heard([
        ['wait-for-pause', false, 0],
        ['listening', false, 1],
        ['wait-for-pause', false, 1.5],
        ['your-turn', false, 3],
        ['wait-for-pause', false, REPEAT_QUIET_SEC - 0.1],
        ['listening', false, REPEAT_QUIET_SEC],
        ['wait-for-pause', false, REPEAT_QUIET_SEC + 0.1],
        ['idle', false, REPEAT_QUIET_SEC + 1],
        ['listening', false, REPEAT_QUIET_SEC + 2],
        ['wait-for-pause', false, REPEAT_QUIET_SEC + 2.5],
      ]),
    ).toEqual([
      'polite: Wait for the pause',
      'polite: Your turn — speak softly',
      'polite: Wait for the pause',
      'polite: Wait for the pause',
    ]);
  });
});
