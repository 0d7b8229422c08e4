/** The catalogue's keys of what the Practice screen says about a rehearsal in progress and its problems. */
import type { PracticePhase } from '../../engine/practice/practice-run';
import type { MessageKey } from '../i18n/catalogue';
import type { PracticeProblem } from './practice-controller';

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
