/**
 * Why a recorded call cannot be read, in the CLI's catalogue: the engine's problem (a code and its
 * values, renderer/engine/call-audio/call-audio-problem.ts) as a sentence said in the program's language
 * after the file's name ("calls/a.wav: the WAV header is truncated: …"). The English catalogue says what
 * the engine's own English message says, with the numbers as English writes them.
 */
import type {
  CallAudioProblem,
  CallAudioProblemCode,
} from '../../renderer/engine/call-audio/call-audio-problem';
import type { SaidValue } from '../i18n/catalogue-error';
import type { MainMessageId } from '../i18n/main-text';

const REASONS: Record<CallAudioProblemCode, MainMessageId> = {
  'empty-file': 'cli.call-audio.empty-file',
  'not-audio': 'cli.call-audio.not-audio',
  'ogg-cut-first-page': 'cli.call-audio.ogg-cut-first-page',
  'ogg-codec': 'cli.call-audio.ogg-codec',
  'wav-not-riff': 'cli.call-audio.wav-not-riff',
  'wav-rifx': 'cli.call-audio.wav-rifx',
  'wav-rf64': 'cli.call-audio.wav-rf64',
  'wav-header-short': 'cli.call-audio.wav-header-short',
  'wav-fmt-short': 'cli.call-audio.wav-fmt-short',
  'wav-fmt-cut': 'cli.call-audio.wav-fmt-cut',
  'wav-extensible-short': 'cli.call-audio.wav-extensible-short',
  'wav-no-fmt': 'cli.call-audio.wav-no-fmt',
  'wav-fmt-after-data': 'cli.call-audio.wav-fmt-after-data',
  'wav-no-data': 'cli.call-audio.wav-no-data',
  'wav-data-empty': 'cli.call-audio.wav-data-empty',
  'wav-header-too-large': 'cli.call-audio.wav-header-too-large',
  'wav-g711-bits': 'cli.call-audio.wav-g711-bits',
  'wav-pcm-bits': 'cli.call-audio.wav-pcm-bits',
  'wav-float-bits': 'cli.call-audio.wav-float-bits',
  'wav-format': 'cli.call-audio.wav-format',
  'wav-channels': 'cli.call-audio.wav-channels',
  'wav-gsm-channels': 'cli.call-audio.wav-gsm-channels',
  'wav-gsm-blocks': 'cli.call-audio.wav-gsm-blocks',
  'wav-block-align': 'cli.call-audio.wav-block-align',
  'wav-cut-short': 'cli.call-audio.wav-cut-short',
  'sample-rate': 'cli.call-audio.sample-rate',
  'ended-while-reading': 'cli.call-audio.ended-while-reading',
  'stream-channels': 'cli.call-audio.stream-channels',
  'stream-damaged-frames': 'cli.call-audio.stream-damaged-frames',
  'stream-decoder-stopped': 'cli.call-audio.stream-decoder-stopped',
  'stream-format-change': 'cli.call-audio.stream-format-change',
  'stream-cut': 'cli.call-audio.stream-cut',
  'stream-no-audio': 'cli.call-audio.stream-no-audio',
};

export function callAudioReason(problem: CallAudioProblem): SaidValue {
  return { id: REASONS[problem.code], values: problem.values };
}
