/** Calendar days in the host's local time zone (what the agent calls "today"). */

const pad = (value: number): string => String(value).padStart(2, '0');

/** 'YYYY-MM-DD' of a moment, in local time. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** First millisecond of a local calendar day ('YYYY-MM-DD'), plus `addDays` days. */
export function localDayStartMs(day: string, addDays = 0): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + addDays).getTime();
}
