/**
 * Reading a call from disk block by block, with the next block read ahead while this one is analysed:
 * the blocks are the file's, in order, whatever the reader is doing; closing part-way (a call refused
 * after its first block, say) lets go of the file once the read ahead has finished.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCallAudioFile, readCallAudio } from '../../../main/cli/call-audio-reader';
import { scratchDir, seededRandom, writeWavFile } from '../../support/test-audio';

const openFds = (): number => readdirSync('/proc/self/fd').length;

function noiseCall(seconds: number): string {
  const rnd = seededRandom(5);
  const n = seconds * 8000;
  const left = new Float32Array(n).map(() => (rnd() * 2 - 1) * 0.5);
  const right = new Float32Array(n).map(() => (rnd() * 2 - 1) * 0.25);
  const file = path.join(scratchDir('call-audio-reader'), `noise-${seconds}s.wav`);
  writeWavFile(file, [left, right], 8000, 16);
  return file;
}

describe('call audio from disk', () => {
  it('streams every block of the file in order, equal to reading it whole', async () => {
    const file = noiseCall(30); // 240,000 frames: four blocks of 2^16 and a short one
    const whole = await readCallAudio(file);
    const call = await openCallAudioFile(file);
    const left: number[] = [];
    let blocks = 0;
    for (let block = await call.next(); block; block = await call.next()) {
      blocks++;
      for (const v of block[0]) left.push(v);
    }
    call.close();
    expect(blocks).toBe(4);
    expect(left.length).toBe(240000);
    expect(Float32Array.from(left)).toEqual(whole.channels[0]);
  });

  it('lets go of the file when closed part-way, once the read ahead is done', async () => {
    const file = noiseCall(30);
    const before = openFds();
    for (let i = 0; i < 5; i++) {
      const call = await openCallAudioFile(file);
      expect(await call.next()).not.toBeNull();
      call.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(openFds()).toBe(before);
  });
});
