/**
 * The scenarios shipped in assets/scenarios/ (made by tests/tools/shipped-scenarios.ts from the Asterisk
 * prompt voices): each is a file the strict decoder takes, small, at a phone rate, with 3–5 caller turns
 * where the engine itself cuts them, a heated wave made by its own per-turn gain and pace (a louder and
 * faster turn, then a calmer one) that the coach sees when it is rehearsed (caller heated on in the loud
 * turns, off again in a calmer one), and its voice and licence credited beside it and inside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SCENARIO_FILE_EXTENSION,
  decodeScenario,
} from '../../../renderer/engine/practice/scenario-file';
import { PracticeRun } from '../../../renderer/engine/practice/practice-run';
import { cutScenarioTurns } from '../../../renderer/engine/practice/scenario-turns';
import { PROJECT_ROOT } from '../../support/test-audio';

const DIR = path.join(PROJECT_ROOT, 'assets/scenarios');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith(SCENARIO_FILE_EXTENSION));
const ATTRIBUTION = path.join(DIR, 'ATTRIBUTION.txt');

describe('the scenarios shipped with the app', () => {
  it('are at least two, each credited in ATTRIBUTION.txt with its voice, package and licence', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(2);
    const credits = fs.readFileSync(ATTRIBUTION, 'utf8');
    expect(credits).toContain('CC BY-SA 3.0');
    expect(credits).toContain('https://creativecommons.org/licenses/by-sa/3.0/');
    for (const file of FILES) {
      const entry = credits.slice(credits.indexOf(`${file} — `));
      expect(credits, file).toContain(`${file} — `);
      expect(entry).toMatch(
        /^[^\n]+\n {2}Voice: [^\n]+\n {2}Package: asterisk-core-sounds-\w+-wav /,
      );
    }
    // The packages' own copyright file, with the licence's full text, travels with them.
    const copyright = fs.readFileSync(path.join(DIR, 'COPYRIGHT-asterisk-core-sounds.txt'), 'utf8');
    expect(copyright).toContain('License: CC-BY-SA-3.0');
    expect(copyright).toContain('Allison Smith');
  });

  describe.each(FILES)('%s', (file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, file)));
    const scenario = decodeScenario(bytes);

    it('is a small phone-rate file that says it is shipped and whose voice it is', () => {
      expect(bytes.length).toBeLessThan(600 * 1024);
      expect([8000, 16000]).toContain(scenario.sampleRate);
      expect(scenario.source.kind).toBe('shipped');
      expect(scenario.source.credit).toMatch(/Voice: .+CC BY-SA 3\.0/);
      expect(scenario.priorities.length).toBeGreaterThan(0);
    });

    it('has 3 to 5 caller turns, where the engine cuts the audio', () => {
      expect(scenario.turns.length).toBeGreaterThanOrEqual(3);
      expect(scenario.turns.length).toBeLessThanOrEqual(5);
      const cut = cutScenarioTurns(scenario.audio, scenario.sampleRate);
      expect(cut.map((t) => [t.start, t.end])).toEqual(
        scenario.turns.map((t) => [
          expect.closeTo(t.start, 1) as unknown,
          expect.closeTo(t.end, 1) as unknown,
        ]),
      );
    });

    it('makes a heated wave with its own gain and pace: a louder, faster turn, then a calmer one', () => {
      const [first, ...rest] = scenario.turns;
      const peakAt = rest.reduce(
        (best, t, i) => (t.gainDb > scenario.turns[best].gainDb ? i + 1 : best),
        0,
      );
      const peak = scenario.turns[peakAt];
      expect(peak.gainDb - first.gainDb).toBeGreaterThanOrEqual(6);
      expect(peak.pace).toBeGreaterThan(first.pace);
      const after = scenario.turns.slice(peakAt + 1);
      expect(after.length).toBeGreaterThan(0);
      expect(Math.min(...after.map((t) => t.gainDb))).toBeLessThan(peak.gainDb - 6);
      expect(Math.min(...after.map((t) => t.pace))).toBeLessThan(peak.pace);
    });

    it('rehearsed, shows the coach a heated caller in the loud turns, not the first, and calming after', () => {
      const sr = 48000;
      const run = new PracticeRun({
        sampleRate: sr,
        scenario,
        agentNormalLufs: null,
        maxWaitSec: 2,
      });
      const total = 120 * sr;
      const mic = new Float32Array(total);
      const callerOut = new Float32Array(total);
      for (let pos = 0; pos < total && run.phase !== 'done'; pos += 128)
        run.process(mic, callerOut, pos, Math.min(total, pos + 128));
      expect(run.phase).toBe('done');
      const heated = run.finish().cues.filter((c) => c.cue === 'caller-heated');
      const played = run.played;
      const peakAt = scenario.turns.reduce(
        (best, t, i, all) => (t.gainDb > all[best].gainDb ? i : best),
        0,
      );
      const overlaps = (c: { start: number; end: number }, p: { start: number; end: number }) =>
        c.start < p.end && c.end > p.start;
      expect(heated.filter((c) => overlaps(c, played[0]))).toEqual([]);
      expect(heated.some((c) => overlaps(c, played[peakAt]))).toBe(true);
      // The calmer turn after the loudest brings the cue off while the caller is still speaking.
      const calmedIn = played
        .slice(peakAt + 1)
        .filter((p) => heated.some((c) => c.end > p.start && c.end <= p.end));
      expect(calmedIn.length).toBeGreaterThan(0);
    });

    it('does not clip at its loudest turn’s gain', () => {
      const { sampleRate, audio } = scenario;
      for (const t of scenario.turns) {
        let peak = 0;
        for (let i = Math.floor(t.start * sampleRate); i < Math.ceil(t.end * sampleRate); i++)
          peak = Math.max(peak, Math.abs(audio[i] ?? 0));
        expect(peak * Math.pow(10, t.gainDb / 20)).toBeLessThan(1);
      }
    });
  });
});
