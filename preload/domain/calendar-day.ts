/**
 * Calendar days as the agent means them: the computer's local time zone, written 'YYYY-MM-DD' (which
 * also sorts and compares as text). Follow-up dates, the log's "today", the export's day filters and the
 * team's daily series all count days here.
 */
const pad = (value: number): string => String(value).padStart(2, '0');

/** The local calendar day of a moment. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local calendar day `days` after the day of `from` (negative: before). DST-safe. */
export function localDayAfter(from: Date, days: number): string {
  return localDay(new Date(from.getFullYear(), from.getMonth(), from.getDate() + days));
}

/** First millisecond of a local calendar day ('YYYY-MM-DD'), plus `addDays` days. */
export function localDayStartMs(day: string, addDays = 0): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + addDays).getTime();
}

/** Consecutive days from `first` to `last` inclusive (local calendar; DST-safe). At most `max` days. */
export function daysBetween(first: string, last: string, max = 3660): string[] {
  const out: string[] = [];
  for (let i = 0; i < max; i++) {
    const day = localDay(new Date(localDayStartMs(first, i)));
    out.push(day);
    if (day >= last) break;
  }
  return out;
}
