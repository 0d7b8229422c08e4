/**
 * One real recorded call (real voices, tests/support/floor-calls.ts 'clean') as phone systems store it —
 * G.711 µ-law and A-law WAV, GSM 6.10 WAV, MP3, Ogg Opus, FLAC, each written by ffmpeg or sox from the
 * same 8 kHz 16-bit PCM original — analysed as a user does, `npm run --silent analyze -- FILE`: the
 * same speech segments (±50 ms) and the same cues (kinds in order, ±50 ms) as the PCM original, and
 * loudness within the codec's own deviation (measured here, stated in the README). "Open a recorded
 * call…" (the renderer's analysis, fed the file in slices as its worker is) gives the CLI's document.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../../renderer/engine/call-analysis-report';
import { analyseRecordedCall } from '../../../renderer/src/review/recorded-call-analysis';
import {
  ENCODING_LABELS,
  PHONE_ENCODINGS,
  encodeCall,
  type PhoneEncoding,
} from '../../support/call-encodings';
import { floorCall } from '../../support/floor-calls';
import { PROJECT_ROOT } from '../../support/test-audio';

/**
 * Loudness deviation allowed per codec (LU, encoded − original), for integrated, max momentary and
 * max short-term loudness of each party. Measured on four floor calls (clean, heated-soft, babble-35,
 * street-bus): G.711 within ±0.07; GSM 6.10 (mono) −0.33 to −0.81; MP3 32 kbit/s −0.28 to −0.51;
 * Ogg Opus 32 kbit/s −0.32 to +0.01; FLAC 0.00 (lossless). The lossy codecs read quieter: they drop the
 * top of the band, which K-weighting counts most.
 */
const LOUDNESS_BOUNDS: Record<PhoneEncoding, [number, number]> = {
  mulaw: [-0.1, 0.1],
  alaw: [-0.1, 0.1],
  gsm610: [-1.0, 0.1],
  mp3: [-0.7, 0.1],
  opus: [-0.5, 0.1],
  flac: [-0.01, 0.01],
};
const TIME_TOLERANCE_SEC = 0.05;

function analyze(file: string): AnalysisReport {
  const r = spawnSync('npm', ['run', '--silent', 'analyze', '--', file], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as AnalysisReport;
}

function expectSameIntervals(
  got: readonly (readonly [number, number])[],
  want: readonly (readonly [number, number])[],
  what: string,
): void {
  expect(got.length, `${what}: count`).toBe(want.length);
  got.forEach(([s, e], i) => {
    expect(
      Math.abs(s - want[i][0]),
      `${what} ${i} start ${s} vs ${want[i][0]}`,
    ).toBeLessThanOrEqual(TIME_TOLERANCE_SEC + 1e-9);
    expect(Math.abs(e - want[i][1]), `${what} ${i} end ${e} vs ${want[i][1]}`).toBeLessThanOrEqual(
      TIME_TOLERANCE_SEC + 1e-9,
    );
  });
}

describe('one real call in every format phone systems store', () => {
  let source: string;
  const originals = new Map<string, AnalysisReport>();
  beforeAll(() => {
    source = floorCall('clean').wav;
  });
  const original = (file: string): AnalysisReport => {
    let r = originals.get(file);
    if (!r) originals.set(file, (r = analyze(file)));
    return r;
  };

  it.each(PHONE_ENCODINGS.map((e) => [ENCODING_LABELS[e], e] as const))(
    '%s: the same speech, overtalk and cues as the PCM original; loudness within the codec’s deviation',
    (_label, encoding) => {
      const { file, original: pcm } = encodeCall(source, encoding);
      const want = original(pcm);
      const got = analyze(file);
      expect(got.note).toBe(want.note);
      expect(got.durationSec).toBeCloseTo(want.durationSec, 1);
      expect(want.speech.caller.length).toBeGreaterThan(3);
      expectSameIntervals(got.speech.caller, want.speech.caller, 'caller speech');
      expectSameIntervals(got.speech.agent, want.speech.agent, 'agent speech');
      expectSameIntervals(
        got.overtalk.map((o) => [o.start, o.end] as const),
        want.overtalk.map((o) => [o.start, o.end] as const),
        'overtalk',
      );
      expect(got.overtalk.map((o) => o.startedBy)).toEqual(want.overtalk.map((o) => o.startedBy));
      expect(got.cues.map((c) => c.cue)).toEqual(want.cues.map((c) => c.cue));
      expectSameIntervals(
        got.cues.map((c) => [c.start, c.end] as const),
        want.cues.map((c) => [c.start, c.end] as const),
        'cues',
      );
      const [low, high] = LOUDNESS_BOUNDS[encoding];
      const deviations: string[] = [];
      for (const party of ['caller', 'agent'] as const) {
        for (const k of ['integratedLufs', 'maxMomentaryLufs', 'maxShortTermLufs'] as const) {
          const a = want.loudness[party][k];
          const b = got.loudness[party][k];
          expect(b === null, `${party} ${k}`).toBe(a === null);
          if (a === null || b === null) continue;
          deviations.push(`${party} ${k} ${(b - a).toFixed(2)}`);
          expect(b - a, `${party} ${k}`).toBeGreaterThanOrEqual(low);
          expect(b - a, `${party} ${k}`).toBeLessThanOrEqual(high);
        }
      }
      console.log(`${ENCODING_LABELS[encoding]}: ${deviations.join(', ')} LU`);
    },
    60_000,
  );

  it.each(['mulaw', 'gsm610', 'mp3', 'opus', 'flac'] as const)(
    '"Open a recorded call…" gives the CLI’s document for %s',
    async (encoding) => {
      const { file } = encodeCall(source, encoding);
      const bytes = new Uint8Array(readFileSync(file));
      const cli = analyze(file);
      const renderer = await analyseRecordedCall({
        name: file,
        size: bytes.length,
        read: async (start, end) => bytes.slice(start, Math.min(end, bytes.length)),
        agentChannel: 'left',
      });
      const { series: _series, ...rest } = renderer;
      expect(rest).toEqual(cli);
    },
    60_000,
  );
});
