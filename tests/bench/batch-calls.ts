/**
 * The batch benchmark's calls: BATCH_CALLS different 10-minute realistic calls, derived from the realistic
 * bench call (call-fixture.ts) — call k is the conversation rotated by k × 14.9 s (both channels
 * together, so turns stay turns) with its own low white noise (−75 dBFS RMS, seeded by k) added to both
 * channels, so no two files are alike. Written once into .tmp/bench/batch-<hash>/ (about 4.6 GB) and
 * reused; the folder is complete when its `.complete` marker exists.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseWavHeader } from '../../renderer/engine/wav-codec';
import { PROJECT_ROOT, seededRandom } from '../support/test-audio';
import { BENCH_SAMPLE_RATE, benchCallFile } from './call-fixture';

export const BATCH_CALLS = 40;
const ROTATE_SEC = 14.9;
/** RMS of the added white noise in 16-bit steps (−75 dBFS ≈ 5.8 LSB). */
const NOISE_LSB_RMS = 32768 * Math.pow(10, -75 / 20);

/** The folder of BATCH_CALLS calls, built on first use (about a minute). */
export function batchCallsDir(log: (m: string) => void = () => {}): string {
  const source = benchCallFile(log, 'realistic');
  const hash = createHash('sha256')
    .update(JSON.stringify({ source: path.basename(source), BATCH_CALLS, ROTATE_SEC, v: 1 }))
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(PROJECT_ROOT, `.tmp/bench/batch-${hash}`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`writing ${BATCH_CALLS} 10-minute calls into ${path.relative(PROJECT_ROOT, dir)}…`);
  const bytes = readFileSync(source);
  const header = parseWavHeader(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  const { dataOffset, frameCount } = header;
  const src = new Int16Array(bytes.buffer, bytes.byteOffset + dataOffset, frameCount * 2);
  const out = Buffer.alloc(dataOffset + frameCount * 4);
  bytes.copy(out, 0, 0, dataOffset);
  const dst = new Int16Array(out.buffer, out.byteOffset + dataOffset, frameCount * 2);
  for (let k = 0; k < BATCH_CALLS; k++) {
    const shift = Math.round(k * ROTATE_SEC * BENCH_SAMPLE_RATE) % frameCount;
    const rnd = seededRandom(1000 + k);
    // Uniform noise over ±√3 × RMS has that RMS.
    const amp = Math.sqrt(3) * NOISE_LSB_RMS * 2;
    for (let f = 0; f < frameCount; f++) {
      const from = ((f + shift) % frameCount) * 2;
      for (let c = 0; c < 2; c++) {
        const v = Math.round(src[from + c] + (rnd() - 0.5) * amp);
        dst[f * 2 + c] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
      }
    }
    writeFileSync(path.join(dir, `call-${String(k + 1).padStart(2, '0')}.wav`), out);
  }
  writeFileSync(marker, '');
  return dir;
}
