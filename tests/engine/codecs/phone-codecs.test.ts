/**
 * The phone codecs decode sample for sample as the reference tools do: every one of the 256 G.711 codes
 * against ffmpeg's pcm_mulaw / pcm_alaw, a real recorded call in µ-law and A-law against ffmpeg, and in
 * GSM 6.10 (WAV49) against both sox's libgsm and ffmpeg's gsm_ms decoder; GSM read in blocks of any size
 * gives the same samples as one pass (its decoder carries state from block to block).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { A_LAW_TABLE, MU_LAW_TABLE } from '../../../renderer/engine/codecs/g711';
import { bytesSource, decodeCallAudio } from '../../../renderer/engine/call-audio/open-call-audio';
import { decodeWav } from '../../../renderer/engine/wav-codec';
import { encodeCall } from '../../support/call-encodings';
import { floorCall } from '../../support/floor-calls';
import { ffmpeg, scratchDir, sox } from '../../support/test-audio';

const dir = scratchDir('phone-codecs');

function firstDifference(a: Float32Array, b: Float32Array): string | null {
  if (a.length !== b.length) return `length ${a.length} instead of ${b.length}`;
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i]) return `sample ${i}: ${a[i] * 32768} instead of ${b[i] * 32768}`;
  return null;
}

/** ffmpeg's 16-bit PCM decode of `file`, channels as floats. */
function ffmpegDecode(file: string): Float32Array[] {
  const out = path.join(dir, `${path.basename(file)}.ffmpeg.wav`);
  ffmpeg('-loglevel', 'error', '-y', '-i', file, '-c:a', 'pcm_s16le', out);
  return decodeWav(readFileSync(out)).channels;
}

describe('G.711', () => {
  it.each([
    ['µ-law', 7, MU_LAW_TABLE],
    ['A-law', 6, A_LAW_TABLE],
  ] as const)('all 256 %s codes expand as ffmpeg expands them', (_name, tag, table) => {
    // A mono 8 kHz WAV whose data is the codes 0…255, written by hand (format tag, 8 bits).
    const codes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const header = new Uint8Array(44);
    const v = new DataView(header.buffer);
    header.set([0x52, 0x49, 0x46, 0x46], 0);
    v.setUint32(4, 36 + 256, true);
    header.set([0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20], 8);
    v.setUint32(16, 16, true);
    v.setUint16(20, tag, true);
    v.setUint16(22, 1, true);
    v.setUint32(24, 8000, true);
    v.setUint32(28, 8000, true);
    v.setUint16(32, 1, true);
    v.setUint16(34, 8, true);
    header.set([0x64, 0x61, 0x74, 0x61], 36);
    v.setUint32(40, 256, true);
    const file = path.join(dir, `codes-${tag}.wav`);
    writeFileSync(file, new Uint8Array([...header, ...codes]));
    expect(firstDifference(Float32Array.from(table), ffmpegDecode(file)[0])).toBeNull();
    expect(
      firstDifference(decodeWav(readFileSync(file)).channels[0], Float32Array.from(table)),
    ).toBeNull();
  });
});

describe('a real recorded call', () => {
  let call: string;
  beforeAll(() => {
    call = floorCall('clean').wav;
  });

  it.each(['mulaw', 'alaw'] as const)('in %s decodes exactly as ffmpeg decodes it', (encoding) => {
    const { file } = encodeCall(call, encoding);
    const ours = decodeWav(readFileSync(file)).channels;
    const theirs = ffmpegDecode(file);
    expect(ours).toHaveLength(2);
    ours.forEach((c, i) => expect(firstDifference(c, theirs[i]), `channel ${i}`).toBeNull());
  });

  it('in GSM 6.10 decodes exactly as sox (libgsm) and ffmpeg (gsm_ms) decode it', () => {
    const { file } = encodeCall(call, 'gsm610');
    const ours = decodeWav(readFileSync(file)).channels[0];
    const soxOut = path.join(dir, 'gsm.sox.wav');
    sox(file, '-e', 'signed-integer', '-b', '16', soxOut);
    const bySox = decodeWav(readFileSync(soxOut)).channels[0];
    // sox and ffmpeg decode the padding of the last block too; the fact chunk says where the audio ends.
    expect(bySox.length - ours.length).toBeLessThan(320);
    expect(firstDifference(ours, bySox.subarray(0, ours.length))).toBeNull();
    const byFfmpeg = ffmpegDecode(file)[0];
    expect(firstDifference(ours, byFfmpeg.subarray(0, ours.length))).toBeNull();
    // Not silence: a decoder that lost its state would still "match" a silent file.
    expect(Math.max(...ours.subarray(0, 80000).map(Math.abs))).toBeGreaterThan(0.05);
  });

  it('in GSM 6.10 read block by block, in any block size, gives the samples of one pass', async () => {
    const { file } = encodeCall(call, 'gsm610');
    const bytes = new Uint8Array(readFileSync(file));
    const whole = decodeWav(bytes).channels[0];
    for (const blockFrames of [320, 1000, 7777, 1 << 16]) {
      const streamed = await decodeCallAudio(bytesSource(bytes), {
        refuseCutShort: true,
        blockFrames,
      });
      expect(streamed.formatName).toBe('WAV (GSM 6.10)');
      expect(firstDifference(streamed.channels[0], whole), `${blockFrames}`).toBeNull();
    }
  });
});
