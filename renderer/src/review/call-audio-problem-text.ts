/**
 * Why a recorded call cannot be read, in the page's language: the engine's problem (a code and its values,
 * engine/call-audio/call-audio-problem.ts) worded from the catalogue. "Open a recorded call…" shows it;
 * so can anything else that opens a call file in the page (Practice's scenario from a call file). An error
 * without a problem (a fault of the app, not of the file) keeps its own message.
 */
import type { IntlShape } from 'react-intl';
import type {
  CallAudioProblem,
  CallAudioProblemCode,
} from '../../engine/call-audio/call-audio-problem';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';

const SENTENCES: Record<CallAudioProblemCode, MessageKey> = {
  'empty-file': 'call-audio.problem.empty-file',
  'not-audio': 'call-audio.problem.not-audio',
  'ogg-cut-first-page': 'call-audio.problem.ogg-cut-first-page',
  'ogg-codec': 'call-audio.problem.ogg-codec',
  'wav-not-riff': 'call-audio.problem.wav-not-riff',
  'wav-rifx': 'call-audio.problem.wav-rifx',
  'wav-rf64': 'call-audio.problem.wav-rf64',
  'wav-header-short': 'call-audio.problem.wav-header-short',
  'wav-fmt-short': 'call-audio.problem.wav-fmt-short',
  'wav-fmt-cut': 'call-audio.problem.wav-fmt-cut',
  'wav-extensible-short': 'call-audio.problem.wav-extensible-short',
  'wav-no-fmt': 'call-audio.problem.wav-no-fmt',
  'wav-fmt-after-data': 'call-audio.problem.wav-fmt-after-data',
  'wav-no-data': 'call-audio.problem.wav-no-data',
  'wav-data-empty': 'call-audio.problem.wav-data-empty',
  'wav-header-too-large': 'call-audio.problem.wav-header-too-large',
  'wav-g711-bits': 'call-audio.problem.wav-g711-bits',
  'wav-pcm-bits': 'call-audio.problem.wav-pcm-bits',
  'wav-float-bits': 'call-audio.problem.wav-float-bits',
  'wav-format': 'call-audio.problem.wav-format',
  'wav-channels': 'call-audio.problem.wav-channels',
  'wav-gsm-channels': 'call-audio.problem.wav-gsm-channels',
  'wav-gsm-blocks': 'call-audio.problem.wav-gsm-blocks',
  'wav-block-align': 'call-audio.problem.wav-block-align',
  'wav-cut-short': 'call-audio.problem.wav-cut-short',
  'sample-rate': 'call-audio.problem.sample-rate',
  'ended-while-reading': 'call-audio.problem.ended-while-reading',
  'stream-channels': 'call-audio.problem.stream-channels',
  'stream-damaged-frames': 'call-audio.problem.stream-damaged-frames',
  'stream-decoder-stopped': 'call-audio.problem.stream-decoder-stopped',
  'stream-format-change': 'call-audio.problem.stream-format-change',
  'stream-cut': 'call-audio.problem.stream-cut',
  'stream-no-audio': 'call-audio.problem.stream-no-audio',
};

export function describeCallAudioProblem(
  problem: CallAudioProblem,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  return intl.formatMessage({ id: SENTENCES[problem.code] }, problem.values);
}
