/**
 * The wrap-up controller's problems and notices in words, in the language of `intl` (English without
 * one): the controller keeps what happened, so a change of language rewords a notice already shown.
 * Times are the calls' end times in the locale's own format.
 */
import type { IntlShape } from 'react-intl';
import { describeHostFailure, type HostFailure } from '../api/host-failure-text';
import { ENGLISH_INTL } from '../i18n/english-intl';
import type { WrapUpNotice, WrapUpProblem } from './wrap-up-controller';
import { STEP_MESSAGES, STEP_REQUIREMENT_MESSAGES } from './wrap-up-steps';

type Formatter = Pick<IntlShape, 'formatMessage' | 'formatTime' | 'formatList'>;

/** "Your team needs a resolution (Resolution) before saving." — or the host's reason it was not done. */
export function problemText(problem: WrapUpProblem, intl: Formatter = ENGLISH_INTL): string {
  switch (problem.kind) {
    case 'missing-steps': {
      const needed = problem.steps.map((step) =>
        intl.formatMessage(
          { id: 'wrap-up.problem.missing-step' },
          {
            requirement: intl.formatMessage({ id: STEP_REQUIREMENT_MESSAGES[step] }),
            step: intl.formatMessage({ id: STEP_MESSAGES[step] }),
          },
        ),
      );
      return intl.formatMessage(
        { id: 'wrap-up.problem.missing' },
        { needed: intl.formatList(needed, { type: 'unit', style: 'short' }) },
      );
    }
    case 'not-saved':
      return intl.formatMessage(
        { id: 'wrap-up.problem.not-saved' },
        { error: describeHostFailure(problem.error, intl) },
      );
    case 'not-discarded':
      return intl.formatMessage(
        { id: 'wrap-up.problem.not-discarded' },
        { error: describeHostFailure(problem.error, intl) },
      );
  }
}

/** "Draft not saved: the disk is full. …" — the host's failure to write the draft, in the agent's language. */
export function autosaveErrorText(
  error: HostFailure,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  return intl.formatMessage(
    { id: 'wrap-up.autosave.error-because' },
    { error: describeHostFailure(error, intl) },
  );
}

/** The end time of a call, as a wrap-up is named by it ("the call that ended at 2:30:15 PM": with the
 * seconds, as back-to-back calls can end in the same minute). */
export function endTime(
  endedAt: string,
  intl: Pick<IntlShape, 'formatTime'> = ENGLISH_INTL,
): string {
  return intl.formatTime(new Date(endedAt), { timeStyle: 'medium' });
}

/** What waits behind the open wrap-up, and what opened after a save or a discard. */
export function noticeText(notice: WrapUpNotice, intl: Formatter = ENGLISH_INTL): string {
  switch (notice.kind) {
    case 'waiting':
      return waitingText(notice.endedAt, intl);
    case 'next': {
      const next = intl.formatMessage(
        { id: 'wrap-up.notice.next' },
        { time: endTime(notice.next, intl) },
      );
      return notice.waiting.length > 0 ? `${next} ${waitingText(notice.waiting, intl)}` : next;
    }
    case 'discarded-next':
      return intl.formatMessage(
        { id: 'wrap-up.notice.discarded-next' },
        { discarded: endTime(notice.discarded, intl), next: endTime(notice.next, intl) },
      );
  }
}

function waitingText(endedAt: readonly string[], intl: Formatter): string {
  return endedAt.length === 1
    ? intl.formatMessage({ id: 'wrap-up.notice.kept-one' }, { time: endTime(endedAt[0], intl) })
    : intl.formatMessage({ id: 'wrap-up.notice.kept-many' }, { count: endedAt.length });
}
