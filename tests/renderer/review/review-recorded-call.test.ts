/**
 * "Open a recorded call…" without the worker: a WAV read block by block through the same engine gives the
 * same analysis as decoding it whole, whatever the block size and whatever comes before the audio (a big
 * metadata chunk); cancelling stops between blocks; progress rises to 1; a file that is not a WAV says so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyseDecodedCall } from '../../../renderer/engine/call-analysis-report';
import { decodeWav } from '../../../renderer/engine/wav-codec';
import {
  CancelledError,
  analyseRecordedCall,
  type ReadBytes,
} from '../../../renderer/src/review/recorded-call-analysis';
import { buildDialogue, type Dialogue } from '../../support/dialogues';
import type { CallAudioProblem } from '../../../renderer/engine/call-audio/call-audio-problem';
import { describeCallAudioProblem } from '../../../renderer/src/review/call-audio-problem-text';
import type { WavRepair } from '../../../renderer/engine/wav-header';
import { describeWavRepair } from '../../../renderer/src/review/wav-repair-text';
import { interruptionCall } from '../../engine/dialogue-scripts';
import { intlForLocale } from '../../support/intl-for-locale';

let d: Dialogue;
let bytes: Uint8Array;
beforeAll(() => {
  d = buildDialogue({ ...interruptionCall(48000), layout: 'agent-right' });
  bytes = new Uint8Array(readFileSync(d.file));
});

const reader =
  (file: Uint8Array, reads?: [number, number][]): ReadBytes =>
  async (start, end) => {
    reads?.push([start, end]);
    return file.slice(start, Math.min(end, file.length));
  };

/** The same file with a 200 kB LIST chunk between fmt and data (longer than the first header read). */
function withBigChunkBeforeData(wav: Uint8Array): Uint8Array {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  let pos = 12;
  while (String.fromCharCode(...wav.subarray(pos, pos + 4)) !== 'data')
    pos += 8 + view.getUint32(pos + 4, true);
  const junkSize = 200_000;
  const out = new Uint8Array(wav.length + 8 + junkSize);
  out.set(wav.subarray(0, pos), 0);
  out.set([0x4c, 0x49, 0x53, 0x54], pos); // LIST
  new DataView(out.buffer).setUint32(pos + 4, junkSize, true);
  out.set(wav.subarray(pos), pos + 8 + junkSize);
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}

describe('recorded call analysis', () => {
  it('gives the same analysis as decoding the whole file, with the series for the review', async () => {
    const whole = decodeWav(bytes);
    const expected = analyseDecodedCall('call.wav', whole.channels, {
      sampleRate: whole.sampleRate,
      agentChannel: 'right',
      series: true,
    });
    const progress: number[] = [];
    const reads: [number, number][] = [];
    const report = await analyseRecordedCall({
      name: 'call.wav',
      size: bytes.length,
      read: reader(bytes, reads),
      agentChannel: 'right',
      blockFrames: 12_345,
      onProgress: (f) => progress.push(f),
    });
    expect(report).toEqual(expected);
    expect(report.overtalk.map((o) => o.startedBy)).toEqual(['agent', 'caller']);
    expect(report.series?.caller.momentary.length).toBeGreaterThan(d.durationSec * 10 - 2);
    // Read in blocks, never the whole file at once.
    expect(Math.max(...reads.map(([s, e]) => e - s))).toBeLessThanOrEqual(
      Math.max(64 * 1024, 12_345 * 4),
    );
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
    expect(progress.at(-1)).toBe(1);
  });

  it('finds the audio behind a metadata chunk longer than the first read', async () => {
    const padded = withBigChunkBeforeData(bytes);
    const report = await analyseRecordedCall({
      name: 'padded.wav',
      size: padded.length,
      read: reader(padded),
      agentChannel: 'right',
    });
    const plain = await analyseRecordedCall({
      name: 'padded.wav',
      size: bytes.length,
      read: reader(bytes),
      agentChannel: 'right',
    });
    expect(report).toEqual(plain);
  });

  it('stops between blocks when cancelled', async () => {
    let blocks = 0;
    const run = analyseRecordedCall({
      name: 'call.wav',
      size: bytes.length,
      read: reader(bytes),
      agentChannel: 'right',
      blockFrames: 4800,
      onProgress: () => blocks++,
      cancelled: () => blocks >= 3,
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(blocks).toBe(3);
  });

  it('reads a WAV cut short as far as it goes and says so in the agent’s language', async () => {
    const cut = bytes.slice(0, bytes.length - 48_000);
    const problems: CallAudioProblem[] = [];
    const report = await analyseRecordedCall({
      name: 'cut.wav',
      size: cut.length,
      read: reader(cut),
      agentChannel: 'right',
      onCutShort: (problem) => problems.push(problem),
    });
    expect(problems).toHaveLength(1);
    // The English sentence is left out of the note: the page words the problem instead.
    expect(report.note ?? '').not.toContain('cut short');
    const german = intlForLocale('de');
    expect(
      german.formatMessage(
        { id: 'review.recorded.cut-short' },
        { problem: describeCallAudioProblem(problems[0], german) },
      ),
    ).toMatch(/^Die WAV-Datei ist abgeschnitten: .*\. Der vorhandene Ton wurde ausgewertet\.$/);
    // Without a listener (as before) the English note stays in the report.
    const plain = await analyseRecordedCall({
      name: 'cut.wav',
      size: cut.length,
      read: reader(cut),
      agentChannel: 'right',
    });
    expect(plain.note).toContain('(cut short)');
  });

  it('says in French that a streamed WAV with a partial last frame was read to its end', async () => {
    // A streamed recording: the data size left at 0xFFFFFFFF, and 3 bytes of a frame that never ended.
    const streamed = new Uint8Array(bytes.length + 3);
    streamed.set(bytes);
    const data = new TextDecoder('latin1').decode(bytes.subarray(0, 200)).indexOf('data');
    new DataView(streamed.buffer).setUint32(data + 4, 0xffffffff, true);
    const repairs: WavRepair[] = [];
    const report = await analyseRecordedCall({
      name: 'streamed.wav',
      size: streamed.length,
      read: reader(streamed),
      agentChannel: 'right',
      onRepairs: (found) => repairs.push(...found),
    });
    // The English sentences are left out of the note: the page words the repairs instead.
    expect(report.note ?? '').not.toMatch(/streamed|incomplete/);
    const french = intlForLocale('fr');
    expect(repairs.map((r) => describeWavRepair(r, french))).toEqual([
      'La taille des données de l’enregistrement est 0xFFFFFFFF (un enregistrement en flux) : l’audio jusqu’à la fin du fichier a été analysé.',
      'L’audio se termine par 3 octets d’une trame incomplète, laissés de côté.',
    ]);
    // Without a listener (the CLIs) the English notes stay in the report.
    const plain = await analyseRecordedCall({
      name: 'streamed.wav',
      size: streamed.length,
      read: reader(streamed),
      agentChannel: 'right',
    });
    expect(plain.note).toContain('(a streamed recording)');
    expect(plain.note).toContain('3 byte(s) of an incomplete frame');
  });

  it('refuses a file that is not audio with a reason a person can act on', async () => {
    const text = new TextEncoder().encode('Call notes: customer wants a refund. '.repeat(10));
    await expect(
      analyseRecordedCall({
        name: 'notes.wav',
        size: text.length,
        read: reader(text),
        agentChannel: 'left',
      }),
    ).rejects.toThrow('not an audio file we read');
  });
});
