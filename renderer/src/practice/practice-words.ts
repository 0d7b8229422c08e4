/** The catalogue's keys of what the Practice screen says about a rehearsal in progress and its problems. */
import type { PracticePhase } from '../../engine/practice/practice-run';
import type { MessageKey } from '../i18n/catalogue';
import type { IntlShape } from 'react-intl';
import type { PracticeProblem } from './practice-controller';
import { describeCallAudioProblem } from '../review/call-audio-problem-text';
import { ENGLISH_INTL } from '../i18n/english-intl';

export const PHASE_MESSAGES: Readonly<Record<PracticePhase, MessageKey>> = {
  'lead-in': 'practice.live.lead-in',
  caller: 'practice.live.caller',
  waiting: 'practice.live.waiting',
  reply: 'practice.live.reply',
  done: 'practice.live.done',
};

export const PROBLEM_MESSAGES: Readonly<Record<PracticeProblem['kind'], MessageKey>> = {
  load: 'practice.problem.host',
  import: 'practice.problem.host',
  open: 'practice.problem.host',
  save: 'practice.problem.host',
  delete: 'practice.problem.host',
  audio: 'practice.problem.audio',
};

/** The reason a problem gives: a call file's problem in the agent's language, else the host's words. */
export function problemReason(
  problem: PracticeProblem,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  if (!problem.audioProblem) return problem.reason;
  const why = describeCallAudioProblem(problem.audioProblem, intl);
  return problem.file === undefined ? why : `${problem.file}: ${why}`;
}
