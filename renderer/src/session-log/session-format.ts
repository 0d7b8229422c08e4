/**
 * Words and short dates for the log's rows and the session view, in the language of `intl` (English
 * without one): a saved wrap-up's values by name, and dates in the locale's own order (Intl).
 */
import type { IntlShape } from 'react-intl';
import type { FollowUpChannel } from '../../../preload/contract/follow-up-ipc-schema';
import type { EscalationKind, Resolution } from '../../../preload/contract/session-schema';
import { localDay } from '../../../preload/domain/calendar-day';
import { followUpStatus, type FollowUpState } from '../../../preload/domain/follow-up-status';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';
import {
  ESCALATION_MESSAGES,
  FOLLOW_UP_CHANNEL_MESSAGES,
  GOODWILL_MESSAGES,
  PRIORITY_KIND_WORD_MESSAGES,
  RESOLUTION_MESSAGES,
  ROOT_CAUSE_MESSAGES,
} from '../wrap-up/wrap-up-steps';

type Words = Pick<IntlShape, 'formatMessage' | 'formatDate'>;

export function formatWhen(iso: string, intl: Words = ENGLISH_INTL): string {
  return intl.formatDate(new Date(iso), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatDay(day: string, intl: Words = ENGLISH_INTL): string {
  const [y, m, d] = day.split('-').map(Number);
  return intl.formatDate(new Date(y, m - 1, d), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

const RESOLUTION_WORDS: Readonly<Record<Resolution | 'none', MessageKey>> = {
  ...RESOLUTION_MESSAGES,
  none: 'log.resolution.none',
};

/** A wrap-up field's values by name: resolution, escalation, follow-up channel, goodwill, root cause. */
export const VALUE_WORDS = {
  resolution: RESOLUTION_WORDS,
  escalation: ESCALATION_MESSAGES,
  channel: FOLLOW_UP_CHANNEL_MESSAGES,
  goodwill: GOODWILL_MESSAGES,
  rootCause: ROOT_CAUSE_MESSAGES,
  /** Within a sentence: "administrative · confirmed". */
  priorityKind: PRIORITY_KIND_WORD_MESSAGES,
} as const;

export function resolutionText(r: Resolution | null, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage({ id: RESOLUTION_WORDS[r ?? 'none'] });
}

/** The escalation's name ('' for none: the row shows nothing). */
export function escalationText(e: EscalationKind, intl: Words = ENGLISH_INTL): string {
  return e === 'none' ? '' : intl.formatMessage({ id: ESCALATION_MESSAGES[e] });
}

/** The escalation's name, "None" for none (a filter's option, a table cell). */
export function escalationName(e: EscalationKind, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage({ id: ESCALATION_MESSAGES[e] });
}

export function channelName(c: FollowUpChannel, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage({ id: FOLLOW_UP_CHANNEL_MESSAGES[c] });
}

const FOLLOW_UP_WORDS = {
  done: 'log.follow-up.done',
  overdue: 'log.follow-up.overdue',
  due: 'log.follow-up.due',
  open: 'log.follow-up.open',
} as const satisfies Record<string, MessageKey>;

export function followUpText(
  s: FollowUpState,
  today = localDay(new Date()),
  intl: Words = ENGLISH_INTL,
): string {
  const status = followUpStatus(s, today);
  if (status === 'none' || s.followUpDate === null)
    return intl.formatMessage({ id: 'log.follow-up.none' });
  return intl.formatMessage(
    { id: FOLLOW_UP_WORDS[status] },
    { date: formatDay(s.followUpDate, intl) },
  );
}
