/**
 * The words of a follow-up row: what was promised, to whom, by when, through which channel (pure), in the
 * language of `intl` (English without one). "In 2 days" is the locale's relative time (Intl); "2 days
 * overdue" a plural message, since a relative time would say "2 days ago".
 */
import type { IntlShape } from 'react-intl';
import type {
  FollowUpChannel,
  FollowUpRow,
  FollowUpSection,
} from '../../../preload/contract/follow-up-ipc-schema';
import { localDayStartMs } from '../../../preload/domain/calendar-day';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';
import { formatDay } from '../session-log/session-format';

type Words = Pick<IntlShape, 'formatMessage' | 'formatDate' | 'formatRelativeTime'>;

export function promisedText(row: FollowUpRow, intl: Words = ENGLISH_INTL): string {
  if (row.promised.length === 0) return intl.formatMessage({ id: 'follow-ups.promised.none' });
  return row.promised.join('; ');
}

export function toWhomText(row: FollowUpRow, intl: Words = ENGLISH_INTL): string {
  const values = { reference: row.caseReference, number: row.caller };
  if (row.caseReference)
    return intl.formatMessage(
      { id: row.caller ? 'follow-ups.to.case.number' : 'follow-ups.to.case' },
      values,
    );
  return intl.formatMessage(
    { id: row.caller ? 'follow-ups.to.no-case.number' : 'follow-ups.to.no-case' },
    values,
  );
}

const dayDiff = (from: string, to: string): number =>
  Math.round((localDayStartMs(to) - localDayStartMs(from)) / 86_400_000);

export function byWhenText(row: FollowUpRow, asOf: string, intl: Words = ENGLISH_INTL): string {
  const days = dayDiff(asOf, row.date);
  if (days === 0) return intl.formatMessage({ id: 'follow-ups.by.today' });
  const date = formatDay(row.date, intl);
  if (days < 0) return intl.formatMessage({ id: 'follow-ups.by.overdue' }, { date, days: -days });
  return intl.formatMessage(
    { id: 'follow-ups.by.upcoming' },
    { date, relative: intl.formatRelativeTime(days, 'day', { numeric: 'always' }) },
  );
}

export function channelText(channel: FollowUpChannel, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage({ id: 'follow-ups.through' }, { channel });
}

const SECTION_TITLES: Readonly<Record<FollowUpSection, MessageKey>> = {
  overdue: 'follow-ups.section.overdue',
  due: 'follow-ups.section.due',
  upcoming: 'follow-ups.section.upcoming',
};

export function sectionTitle(section: FollowUpSection, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage({ id: SECTION_TITLES[section] });
}

const EMPTY_SECTION: Readonly<Record<FollowUpSection, MessageKey>> = {
  overdue: 'follow-ups.empty.overdue',
  due: 'follow-ups.empty.due',
  upcoming: 'follow-ups.empty.upcoming',
};

/** What an empty section says: what to do, not just "none". */
export function emptySectionText(
  section: FollowUpSection,
  filtered: boolean,
  intl: Words = ENGLISH_INTL,
): string {
  return intl.formatMessage({
    id: filtered ? 'follow-ups.empty.filtered' : EMPTY_SECTION[section],
  });
}
