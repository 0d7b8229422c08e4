/**
 * Opted-in call audio on its way to the host (renderer/src/recording/): the two parties interleaved as
 * 16-bit PCM — agent left, caller right, the app's one channel convention — sent as base64 the host
 * decodes byte for byte, and each kept recording found at its own address.
 */
import { describe, expect, it } from 'vitest';
import { bytesToBase64, interleavePcm16 } from '../../../renderer/src/recording/pcm16-base64';
import { recordingUrlOf } from '../../../renderer/src/recording/recording-url';

describe('call audio as 16-bit PCM', () => {
  it('puts the agent on the left and the caller on the right, frame by frame', () => {
    const caller = Float32Array.from([0.5, -0.5]);
    const agent = Float32Array.from([0.25, 0]);
    const view = new DataView(interleavePcm16(caller, agent, 2).buffer);
    expect([0, 2, 4, 6].map((offset) => view.getInt16(offset, true))).toEqual([
      Math.round(0.25 * 0x7fff),
      Math.round(0.5 * 0x7fff),
      0,
      Math.round(-0.5 * 0x8000),
    ]);
  });

  it('clips what is over full scale instead of wrapping it round', () => {
    const view = new DataView(
      interleavePcm16(Float32Array.from([-3]), Float32Array.from([2]), 1).buffer,
    );
    expect(view.getInt16(0, true)).toBe(32767);
    expect(view.getInt16(2, true)).toBe(-32768);
  });

  it('takes only the frames asked for', () => {
    expect(interleavePcm16(new Float32Array(8), new Float32Array(8), 3)).toHaveLength(12);
  });
});

describe('base64 for the host', () => {
  it('is what the host decodes back to the same bytes, at every length', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 6, 7, 6145, 6146, 6147, 20_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(text, 'base64').equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

describe("a session's recording address", () => {
  it('is the host’s /recording/<id> when audio was kept, and none otherwise', () => {
    const id = '3b241101-e2bb-4255-8caf-4136c566a962';
    expect(recordingUrlOf({ id, recording: 'recordings/2026-12/x.wav' })).toBe(`/recording/${id}`);
    expect(recordingUrlOf({ id, recording: null })).toBeNull();
  });
});
