/**
 * A problem with the audio sources, as the agent reads it under the banner (source-problem-text.ts): a
 * microphone the browser refuses, in French; the browser's own words quoted for an unexpected error; the
 * English sentence unchanged (it is also the problem's message, for the console).
 */
import { describe, expect, it } from 'vitest';
import {
  MONO_SOURCE_PROBLEM,
  describeCaptureError,
} from '../../../renderer/src/live-coach/audio/source-problems';
import { describeSourceProblem } from '../../../renderer/src/live-coach/audio/source-problem-text';
import { intlForLocale } from '../../support/intl-for-locale';

const french = intlForLocale('fr');

describe('an audio source problem in the agent’s language', () => {
  it('a microphone the browser refuses says what to do, in French', () => {
    const { problem } = describeCaptureError(
      new DOMException('Permission denied', 'NotAllowedError'),
    );
    expect(describeSourceProblem(problem, french)).toBe(
      'Calm Line n’a pas accès au micro. Autorisez l’accès au micro pour Calm Line, puis appuyez sur Réessayer.',
    );
    expect(describeSourceProblem(problem)).toBe(problem.message);
    expect(describeSourceProblem(MONO_SOURCE_PROBLEM)).toBe(MONO_SOURCE_PROBLEM.message);
  });

  it('an unexpected capture error quotes the browser’s words after the catalogue’s', () => {
    const { problem } = describeCaptureError(new Error('Could not start audio source'));
    expect(describeSourceProblem(problem, french)).toBe(
      'La capture audio a échoué\u00a0: Could not start audio source',
    );
    expect(describeSourceProblem(problem)).toBe(problem.message);
  });
});
