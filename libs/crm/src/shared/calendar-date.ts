import { Clock } from '@app/core';

const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (`YYYY-MM-DD`) in Europe/Amsterdam, the calendar every rule uses (architecture.md). */
export function todayInAmsterdam(clock: Clock): string {
  return AMSTERDAM_DAY.format(clock.now());
}

/** A real calendar date written as `YYYY-MM-DD` (no 2027-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
