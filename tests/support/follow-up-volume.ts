/**
 * A year of one team's calls with many follow-ups left open — the follow-ups screen at volume (issue 27):
 * `count` sessions over the 365 days before `today`, six agents, of which `overdue` have an open
 * follow-up dated before today, `dueToday` today and `upcoming` later; the rest none, or done.
 */
import type { Session } from '../../preload/contract/session-schema';
import { localDay, localDayAfter } from '../../preload/domain/calendar-day';
import { makeSessions } from './session-factory';

export const SIX_AGENTS = [
  'Ana Souza',
  'Björn Lindqvist',
  'Chidi Okafor',
  'Dana Ilić',
  'Emeka Obi',
  'Fatima Zahra',
] as const;

export interface FollowUpVolume {
  count: number;
  overdue: number;
  dueToday: number;
  upcoming: number;
  seed?: number;
  today?: Date;
}

export function followUpVolume(options: FollowUpVolume): Session[] {
  const today = options.today ?? new Date();
  const todayDay = localDay(today);
  // The calls end yesterday: every overdue follow-up can be dated between its call and today.
  const sessions = makeSessions(options.count, {
    seed: options.seed ?? 27,
    agents: SIX_AGENTS,
    fromDay: localDayAfter(today, -366),
    days: 365,
    offsetMinutes: -today.getTimezoneOffset(),
  });
  const { dueToday, upcoming, overdue } = options;
  return sessions.map((session, i) => {
    const followUp = session.wrapUp.followUp;
    let date: string | null;
    let doneAt: string | null = null;
    if (i < dueToday) date = todayDay;
    else if (i < dueToday + upcoming) date = localDayAfter(today, 1 + (i % 20));
    else if (i < dueToday + upcoming + overdue) {
      const next = localDayAfter(new Date(session.startedAt), 1);
      date = next < todayDay ? next : localDayAfter(today, -1);
    } else if (i % 2 === 0) {
      date = localDayAfter(new Date(session.startedAt), 2);
      doneAt = session.savedAt;
    } else date = null;
    return { ...session, wrapUp: { ...session.wrapUp, followUp: { ...followUp, date, doneAt } } };
  });
}
