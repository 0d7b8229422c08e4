import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FLOOR_CONDITIONS,
  PATH_CONDITIONS,
  analyseFloorCall,
  floorCall,
} from '../support/floor-calls';
import {
  HOLD_CONTROL_KINDS,
  HOLD_MUSIC_KINDS,
  MUSIC_LEVELS_DBFS,
  VENTING_CALLERS,
  holdMusicCall,
  type HoldMusicKind,
} from '../support/hold-music-calls';
import { runHoldMusicCall, talkSec } from '../support/hold-music-run';
import { readWavFile, scratchDir, sox } from '../support/test-audio';
import { analyseDecodedCall } from '../../renderer/engine/call-analysis-report';
import { CallEngine } from '../../renderer/engine/call-engine';

/**
 * Music on hold that no event announces (hold-music.ts through the call engine), on calls built from real
 * recorded voices with the music placed by construction, as loud as the caller and 12 dB under. What the
 * agent would notice: "On hold (music)" within the stated onset delay — 3 s of continuous music; a beep
 * pattern, sound for 0.7 s of every 3 s, within three of its cycles — gone within 0.5 s of the caller's first
 * word, no cue and a frozen venting figure meanwhile, and the music not counted as the caller talking. A
 * venting caller, a silent line, a silence-suppressed line and every floor and audio-path call are never
 * taken for music.
 */
const ONSET_DELAY_SEC: Record<HoldMusicKind, number> = {
  'moh-piece': 3,
  chords: 3,
  pluck: 3,
  beeps: 9,
};
const RELEASE_SEC = 0.5;

describe('music on hold recognised from the sound', () => {
  for (const kind of HOLD_MUSIC_KINDS) {
    for (const db of MUSIC_LEVELS_DBFS) {
      it(`${kind} at ${db} dBFS: shown within ${ONSET_DELAY_SEC[kind]} s, gone at the caller's first word, no cue, venting held`, () => {
        const call = holdMusicCall(kind, db);
        const run = runHoldMusicCall(call);
        expect(run.shown, 'one hold, from music to the caller').toHaveLength(1);
        const [shownAt, goneAt] = run.shown[0];
        expect(shownAt).toBeGreaterThan(call.holdStartSec);
        expect(shownAt - call.holdStartSec).toBeLessThanOrEqual(ONSET_DELAY_SEC[kind]);
        expect(goneAt).toBeGreaterThan(call.holdEndSec - 0.5);
        expect(goneAt - call.callerBackSec).toBeLessThanOrEqual(RELEASE_SEC);
        expect(run.cuesWhileShown).toEqual([]);
        expect(run.ventingWhileShown).toHaveLength(1);
        // The analysis: one music hold dated back to the music, ended by the caller; no cue inside it.
        const holds = run.offline.holds ?? [];
        expect(holds).toHaveLength(1);
        const [h] = holds;
        expect(h.source).toBe('music');
        expect(Math.abs(h.start - call.holdStartSec)).toBeLessThan(0.5);
        expect(h.end).toBeGreaterThan(call.holdEndSec - 0.5);
        expect(h.end).toBeLessThanOrEqual(call.callerBackSec + 0.1);
        for (const c of run.offline.cues)
          expect(c.end <= h.start || c.start >= h.end, c.cue).toBe(true);
        // The 30 s of music are not the caller talking (the silent-line control talks about as much).
        const silent = runHoldMusicCall(holdMusicCall('silent'));
        expect(talkSec(run.offline.speech.caller)).toBeLessThan(
          talkSec(silent.offline.speech.caller) + 1,
        );
        // Live (128-sample blocks) and offline (64 k blocks) agree.
        expect(run.live.holds.map((x) => [x.start, x.end, x.source])).toEqual(
          holds.map((x) => [expect.closeTo(x.start, 3), expect.closeTo(x.end, 3), x.source]),
        );
      });
    }
  }

  for (const kind of HOLD_CONTROL_KINDS) {
    it(`${kind} (control): never taken for music`, () => {
      const run = runHoldMusicCall(holdMusicCall(kind));
      expect(run.shown).toEqual([]);
      expect(run.offline.holds).toBeUndefined();
    });
  }

  it('an event hold takes over a music hold; after its resume the music is recognised again', () => {
    const call = holdMusicCall('chords');
    const { channels, sampleRate } = readWavFile(call.wav);
    const [agent, caller] = channels;
    const engine = new CallEngine({ sampleRate });
    const holdAt = call.holdStartSec + 10;
    const resumeAt = call.holdStartSec + 15;
    const sources: (string | null)[] = [];
    for (let pos = 0; pos < caller.length; pos += 128) {
      const t = pos / sampleRate;
      // The phone software's hold and resume, once each.
      if (t >= holdAt && t - 128 / sampleRate < holdAt) engine.setHeld(true);
      if (t >= resumeAt && t - 128 / sampleRate < resumeAt) engine.setHeld(false);
      engine.process(caller, agent, pos, Math.min(caller.length, pos + 128));
      const s = engine.snapshot().holdSource;
      if (sources[sources.length - 1] !== s) sources.push(s);
    }
    const a = engine.finish();
    expect(sources).toEqual([null, 'music', 'event', null, 'music', null]);
    expect(a.holds.map((h) => h.source)).toEqual(['music', 'event', 'music']);
    const [m1, ev, m2] = a.holds;
    expect(m1.end).toBeCloseTo(ev.start, 2);
    expect(ev.start).toBeCloseTo(holdAt, 1);
    expect(ev.end).toBeCloseTo(resumeAt, 1);
    // Still music after the resume: recognised again within the stated delay.
    expect(m2.start).toBeGreaterThanOrEqual(ev.end);
    expect(m2.start - ev.end).toBeLessThanOrEqual(ONSET_DELAY_SEC.chords);
    expect(a.cues.filter((c) => c.start > m1.start && c.start < m2.end)).toEqual([]);
  });

  it.each(VENTING_CALLERS.slice(1))(
    'venting (control) with the voice %s: never taken for music',
    (voice) => {
      const call = holdMusicCall('venting', undefined, voice);
      const run = runHoldMusicCall(call);
      expect(run.shown).toEqual([]);
      expect(run.offline.holds).toBeUndefined();
      expect(talkSec(run.offline.speech.caller)).toBeGreaterThan(20);
    },
  );

  it('the same holds at 8 kHz (recorded G.711 calls), 16 and 44.1 kHz', () => {
    for (const kind of [...HOLD_MUSIC_KINDS, 'venting'] as const) {
      const call = holdMusicCall(kind);
      const at48 = runHoldMusicCall(call).offline.holds ?? [];
      for (const rate of [8000, 16000, 44100]) {
        const file = path.join(scratchDir('hold-music-rates'), `${kind}-${rate}.wav`);
        sox(call.wav, '-r', String(rate), file);
        const { channels, sampleRate } = readWavFile(file);
        const holds =
          analyseDecodedCall(file, channels, { sampleRate, agentChannel: 'left' }).holds ?? [];
        expect(holds.length, `${kind} at ${rate} Hz`).toBe(at48.length);
        holds.forEach((h, i) => {
          expect(Math.abs(h.start - at48[i].start), `${kind} at ${rate} Hz`).toBeLessThan(0.15);
          expect(Math.abs(h.end - at48[i].end), `${kind} at ${rate} Hz`).toBeLessThan(0.15);
        });
      }
    }
  });

  it('the venting caller keeps the floor: their 30 s count as speech and wait-for-pause shows', () => {
    const call = holdMusicCall('venting');
    const run = runHoldMusicCall(call);
    expect(talkSec(run.offline.speech.caller)).toBeGreaterThan(25);
    expect(
      run.offline.cues.some(
        (c) => c.cue === 'wait-for-pause' && c.start < call.holdEndSec && c.end > call.holdStartSec,
      ),
    ).toBe(true);
  });

  it('no floor or audio-path call (echo, AGC, near voices, line steps) is taken for music', () => {
    for (const condition of [...FLOOR_CONDITIONS, ...PATH_CONDITIONS]) {
      const report = analyseFloorCall(floorCall(condition).wav);
      expect(report.holds, condition).toBeUndefined();
    }
  });
});
