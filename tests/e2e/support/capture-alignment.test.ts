/**
 * The capture alignment the live-equals-offline spec compares on: a recording that lost 0.25 s of the file
 * at 12 s and repeated 0.1 s at 30 s maps each of its moments back to the file's, so a speech boundary the
 * coach found live is compared with the same boundary in the file; a recording unlike the file is refused.
 */
import { describe, expect, it } from 'vitest';
import { alignCapture } from './capture-alignment';

const SR = 8000;

/** 40 s of syllable-like bursts at random lengths and levels (the envelope has something to match). */
function speechLike(seconds: number, seed = 3): Float32Array {
  const x = new Float32Array(seconds * SR);
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < x.length;) {
    const on = Math.round((0.1 + 0.3 * rnd()) * SR);
    const gain = rnd() < 0.3 ? 0 : 0.05 + 0.3 * rnd();
    for (let k = 0; k < on && i < x.length; k++, i++)
      x[i] = gain * Math.sin(i * 0.3) * (0.8 + 0.2 * rnd()) + 0.0005 * (rnd() - 0.5);
  }
  return x;
}

/** The file as a glitching capture delivers it, starting `lead` s early: a drop at 12 s, a repeat at 30 s. */
function captured(file: Float32Array, lead: number): Float32Array {
  const at = (s: number) => Math.round(s * SR);
  return Float32Array.from([
    ...new Float32Array(at(lead)),
    ...file.subarray(0, at(12)),
    ...file.subarray(at(12.25), at(30)),
    ...file.subarray(at(29.9)),
  ]);
}

describe('alignCapture', () => {
  const file = speechLike(40);
  const heard = captured(file, 0.4);
  const alignment = alignCapture(
    { channels: [heard], sampleRate: SR },
    { channels: [file], sampleRate: SR },
    0.4,
  );

  it('maps the recording back to the file on each side of a drop and a repeat', () => {
    // Recording time = file time + 0.4 before 12 s, + 0.15 after the drop, + 0.25 after the repeat.
    for (const [fileT, shift] of [
      [5, 0.4],
      [20, 0.15],
      [35, 0.25],
    ])
      expect(alignment.fileTime(fileT + shift)).toBeCloseTo(fileT, 1);
    expect(alignment.driftSec).toBeCloseTo(0.25, 1);
  });

  it('says where the capture kept the file as it is for 1.5 s either side, and where it did not', () => {
    expect(alignment.steadyAround(5)).toBe(true);
    expect(alignment.steadyAround(12.5)).toBe(false); // 0.25 s dropped at 12 s
    expect(alignment.steadyAround(29)).toBe(false); // 0.1 s repeated at 30 s
    expect(alignment.steadyAround(35)).toBe(true);
  });

  it('refuses a recording that is not the file', () => {
    expect(() =>
      alignCapture(
        { channels: [speechLike(40, 11)], sampleRate: SR },
        { channels: [file], sampleRate: SR },
        0,
      ),
    ).toThrow(/not the same sound/);
  });
});
