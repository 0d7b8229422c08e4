/**
 * The analysis worker for "Open a recorded call…": reads the File in blocks and runs the engine, posting
 * progress. Cancelling terminates the worker. The review plays the file itself, except where Chromium
 * cannot decode it (GSM 6.10 WAV: measured, every other format Calm Line reads plays): then the worker
 * sends a 16-bit PCM copy of the decoded call to play instead.
 */

/** Formats Chromium's media stack does not play (its decodeAudioData refuses them). */
const CHROMIUM_CANNOT_PLAY = new Set(['WAV (GSM 6.10)']);
import { encodeWav } from '../../engine/wav-codec';
import { analyseRecordedCall } from './recorded-call-analysis';
import { recordedCallErrorOf } from './recorded-call-error';
import type { AnalyseRequest, WorkerReply } from './recorded-call-protocol';
import type { CallAudioProblem } from '../../engine/call-audio/call-audio-problem';
import type { WavRepair } from '../../engine/wav-header';

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<AnalyseRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { file, agentChannel, settings } = event.data;
  let lastPosted = -1;
  const copy: Float32Array[][] = [];
  let copyRate = 0;
  let cutShort: CallAudioProblem | undefined;
  let repairs: WavRepair[] | undefined;
  analyseRecordedCall({
    name: file.name,
    size: file.size,
    read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
    agentChannel,
    settings,
    onBlock: (block, sampleRate, formatName) => {
      if (!CHROMIUM_CANNOT_PLAY.has(formatName)) return;
      copyRate = sampleRate;
      copy.push(block.map((c) => c.slice()));
    },
    onCutShort: (problem) => (cutShort = problem),
    onRepairs: (found) => (repairs = found),
    onProgress: (fraction) => {
      // At most one message per percent.
      const pct = Math.floor(fraction * 100);
      if (pct === lastPosted) return;
      lastPosted = pct;
      scope.postMessage({ type: 'progress', fraction });
    },
  }).then(
    (report) => {
      const playable = copy.length > 0 ? playableWav(copy, copyRate) : undefined;
      scope.postMessage({ type: 'done', report, playable, cutShort, repairs });
    },
    (error: unknown) => scope.postMessage({ type: 'error', ...recordedCallErrorOf(error) }),
  );
};

function playableWav(blocks: Float32Array[][], sampleRate: number): ArrayBuffer {
  const frames = blocks.reduce((n, b) => n + b[0].length, 0);
  const channels = blocks[0].map(() => new Float32Array(frames));
  let at = 0;
  for (const b of blocks) {
    b.forEach((c, i) => channels[i].set(c, at));
    at += b[0].length;
  }
  const wav = encodeWav(channels, sampleRate, 16);
  return wav.buffer.slice(wav.byteOffset, wav.byteOffset + wav.byteLength) as ArrayBuffer;
}
