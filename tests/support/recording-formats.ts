/**
 * A floor call (floor-calls.ts, 48 kHz 16-bit stereo, agent left) as call recorders store it, made by the
 * reference tools and cached under .tmp/fixtures: at 8 kHz in G.711 µ-law and A-law (what a phone system
 * records), at 8 kHz 16-bit PCM (the rate without the companding), µ-law at 8 kHz played back at 48 kHz
 * (the companding without the rate), and stereo Ogg Opus at 24 and 64 kbit/s (libopus; below about 28
 * kbit/s it codes the pair as intensity stereo, which leaks each party into the other's channel).
 * Each is read as the analyser reads it (the file as it is, in its own sample rate) and scored against
 * the same truth as the original.
 */
import { readCallAudio } from '../../main/cli/call-audio-reader';
import {
  analyseDecodedCall,
  type AnalysisReport,
} from '../../renderer/engine/call-analysis-report';
import { scoreFloorCall, type FloorCall, type FloorScore } from './floor-calls';
import { cachedFixture, ffmpeg, sox } from './test-audio';

export type RecordingFormat =
  'pcm-48k' | 'mulaw-8k' | 'alaw-8k' | 'pcm-8k' | 'mulaw-8k-to-48k' | 'opus-24k' | 'opus-64k';

export const RECORDING_FORMATS: readonly RecordingFormat[] = [
  'pcm-48k',
  'mulaw-8k',
  'alaw-8k',
  'pcm-8k',
  'mulaw-8k-to-48k',
  'opus-24k',
  'opus-64k',
];

/** The call at 8 kHz 16-bit (sox's resampler, as phone-system recorders band-limit). */
function pcm8k(source: string): string {
  return cachedFixture({ kind: 'recording-pcm-8k', source, v: 1 }, (out) =>
    sox(source, '-r', '8000', '-b', '16', out),
  );
}

function withFfmpeg(source: string, format: RecordingFormat, args: string[], ext: string): string {
  return cachedFixture(
    { kind: 'recording-format', source, format, args, v: 1 },
    (out) => ffmpeg('-loglevel', 'error', '-y', '-i', source, ...args, out),
    ext,
  );
}

/** `source` (a floor call's WAV) stored as `format`; returns the file. */
export function recordCall(source: string, format: RecordingFormat): string {
  switch (format) {
    case 'pcm-48k':
      return source;
    case 'pcm-8k':
      return pcm8k(source);
    case 'mulaw-8k':
      return withFfmpeg(pcm8k(source), format, ['-c:a', 'pcm_mulaw', '-f', 'wav'], 'wav');
    case 'alaw-8k':
      return withFfmpeg(pcm8k(source), format, ['-c:a', 'pcm_alaw', '-f', 'wav'], 'wav');
    case 'mulaw-8k-to-48k':
      return cachedFixture({ kind: 'recording-mulaw-back', source, v: 1 }, (out) =>
        sox(recordCall(source, 'mulaw-8k'), '-r', '48000', '-b', '16', '-e', 'signed', out),
      );
    case 'opus-24k':
    case 'opus-64k':
      return withFfmpeg(
        source,
        format,
        ['-c:a', 'libopus', '-b:a', format === 'opus-24k' ? '24k' : '64k', '-f', 'ogg'],
        'opus',
      );
  }
}

/** The analyser's document for a recorded file, read as `npm run analyze -- FILE` reads it. */
export async function analyseRecording(file: string): Promise<AnalysisReport> {
  const audio = await readCallAudio(file);
  return analyseDecodedCall(
    file,
    audio.channels,
    { sampleRate: audio.sampleRate, agentChannel: 'left' },
    audio.notes,
  );
}

export interface RecordingScore {
  format: RecordingFormat;
  report: AnalysisReport;
  score: FloorScore;
}

/** `call` stored as `format`, analysed and scored against its truth. */
export async function scoreRecording(
  call: FloorCall,
  format: RecordingFormat,
): Promise<RecordingScore> {
  const report = await analyseRecording(recordCall(call.wav, format));
  return { format, report, score: scoreFloorCall(call, report) };
}
