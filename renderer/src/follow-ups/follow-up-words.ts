/** The words of a follow-up row: what was promised, to whom, by when, through which channel (pure). */
import type {
  FollowUpChannel,
  FollowUpRow,
  FollowUpSection,
} from '../../../preload/contract/follow-up-ipc-schema';
import { localDayStartMs } from '../../../preload/domain/calendar-day';
import { countOf, en } from '../../../preload/domain/count-words';
import { formatDay } from '../session-log/session-format';

const CHANNEL_WORDS: Record<FollowUpChannel, string> = {
  call: 'a phone call',
  email: 'email',
  letter: 'letter',
};

export function promisedText(row: FollowUpRow): string {
  if (row.promised.length === 0)
    return 'No next step written down — open the call to see what was agreed';
  return row.promised.join('; ');
}

export function toWhomText(row: FollowUpRow): string {
  const who = row.caseReference
    ? `the customer on ${row.caseReference}`
    : 'the customer (no case reference)';
  return row.caller ? `To ${who}, number ${row.caller}` : `To ${who}`;
}

const dayDiff = (from: string, to: string): number =>
  Math.round((localDayStartMs(to) - localDayStartMs(from)) / 86_400_000);

export function byWhenText(row: FollowUpRow, asOf: string): string {
  const days = dayDiff(asOf, row.date);
  if (days === 0) return 'By today';
  if (days < 0) return `By ${formatDay(row.date)} — ${countOf(-days, en('day'))} overdue`;
  return `By ${formatDay(row.date)} — in ${countOf(days, en('day'))}`;
}

export function channelText(channel: FollowUpChannel): string {
  return `Through ${CHANNEL_WORDS[channel]}`;
}

export const SECTION_TITLES: Record<FollowUpSection, string> = {
  overdue: 'Overdue',
  due: 'Due today',
  upcoming: 'Upcoming',
};

/** What an empty section says: what to do, not just "none". */
export function emptySectionText(section: FollowUpSection, filtered: boolean): string {
  if (filtered) return 'None match these filters. Clear the filters to see every follow-up.';
  return {
    overdue: 'Nothing overdue.',
    due: 'Nothing due today.',
    upcoming:
      'Nothing upcoming. A follow-up date set in a wrap-up (the Follow-up step) lists the call here.',
  }[section];
}
