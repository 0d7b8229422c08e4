/**
 * Why "Open a recorded call…" cannot read a file, in the agent's language: the engine says what is wrong
 * as a problem (a code and values), the worker posts it with the error's English message, and the review
 * words it from the catalogue (recorded-call-error.ts, call-audio-problem-text.ts). A French agent reads
 * French; the English catalogue says what the engine's English message says.
 */
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../../renderer/engine/wav-codec';
import { analyseRecordedCall } from '../../../renderer/src/review/recorded-call-analysis';
import {
  describeRecordedCallError,
  recordedCallErrorOf,
  type RecordedCallError,
} from '../../../renderer/src/review/recorded-call-error';
import { ENGLISH_INTL } from '../../../renderer/src/i18n/english-intl';
import { intlForLocale } from '../../support/intl-for-locale';

const french = intlForLocale('fr');

const call = encodeWav([new Float32Array(8000), new Float32Array(8000)], 8000, 16);

/** What the review is told when the worker's analysis of these bytes fails (through structured clone). */
async function errorFor(bytes: Uint8Array): Promise<RecordedCallError & { english: string }> {
  const failed = await analyseRecordedCall({
    name: 'appel.wav',
    size: bytes.length,
    read: async (start, end) => bytes.slice(start, Math.min(end, bytes.length)),
    agentChannel: 'left',
  }).then(
    () => null,
    (error: unknown) => error,
  );
  if (!(failed instanceof Error)) throw new Error('the analysis should have failed');
  return { ...structuredClone(recordedCallErrorOf(failed)), english: failed.message };
}

describe('a recorded call the review cannot read, in French', () => {
  it('a WAV cut off inside its header says so in French; the English says the engine’s words', async () => {
    const cutInFmt = await errorFor(call.slice(0, 30));
    expect(describeRecordedCallError(cutInFmt, french)).toBe(
      'L’en-tête WAV est tronqué\u00a0: le fichier s’arrête dans son bloc fmt.',
    );
    expect(describeRecordedCallError(cutInFmt, ENGLISH_INTL)).toBe(cutInFmt.english);

    const eightBytes = await errorFor(call.slice(0, 8));
    expect(describeRecordedCallError(eightBytes, french)).toBe(
      'L’en-tête WAV est tronqué\u00a0: le fichier ne fait que 8 octets.',
    );
    expect(describeRecordedCallError(eightBytes, ENGLISH_INTL)).toBe(eightBytes.english);
  });

  it('a file that is not audio says what it looks like, in French', async () => {
    const notes = new TextEncoder().encode('Call notes: customer wants a refund. '.repeat(10));
    const error = await errorFor(notes);
    expect(error.problem).toEqual({ code: 'not-audio', values: { looksLike: 'text' } });
    expect(describeRecordedCallError(error, french)).toMatch(
      /^Ce n’est pas un fichier audio que nous lisons\u00a0: il ressemble à du texte\u00a0; nous lisons le WAV/,
    );
  });

  it('an error that is not the file’s keeps its own words, and none at all says the analysis stopped', () => {
    const fault = recordedCallErrorOf(new TypeError('worker ran out of memory'));
    expect(fault.problem).toBeNull();
    expect(describeRecordedCallError(fault, french)).toBe('worker ran out of memory');
    expect(describeRecordedCallError({ problem: null, message: null }, french)).toBe(
      'L’analyse s’est arrêtée de façon inattendue.',
    );
  });
});
