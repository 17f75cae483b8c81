/**
 * Europe/Amsterdam days as instants, DST included: a day is 23, 24 or 25 hours long. Midnight and
 * 09:00 never fall in a DST gap there (clocks change at 02:00/03:00), so a local time maps to one instant.
 */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function localParts(instant: Date): Record<string, number> {
  return Object.fromEntries(
    PARTS.formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
}

/** Amsterdam's offset from UTC at an instant, in milliseconds (+1h in winter, +2h in summer). */
function offsetAt(instant: Date): number {
  const p = localParts(instant);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The Amsterdam calendar date (`YYYY-MM-DD`) of an instant. */
export function amsterdamDate(instant: Date): string {
  const p = localParts(instant);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant of a wall-clock time on an Amsterdam date, e.g. 09:00 on the re-contact day. */
export function amsterdamTime(date: string, hour = 0, minute = 0): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guessed instant may be the other side of a DST change; a second look settles it.
  const guess = wall - offsetAt(new Date(wall));
  return new Date(wall - offsetAt(new Date(guess)));
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

export const DUE_BUCKETS = ['overdue', 'today', 'week'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

/** A half-open window `[from, until)` of due times; `openOnly` keeps done tasks out. */
export interface DueWindow {
  from: Date | null;
  until: Date | null;
  openOnly: boolean;
}

/**
 * The task lists of `GET /api/tasks?due=` in Amsterdam days:
 * - `overdue`: not done and due before now;
 * - `today`: due from 00:00 today until 00:00 tomorrow (done or not, unless `done=` says);
 * - `week`: due from now until Monday 00:00 after this ISO week's Sunday (on a Sunday: until midnight).
 */
export function dueWindow(bucket: DueBucket, now: Date): DueWindow {
  const today = amsterdamDate(now);
  switch (bucket) {
    case 'overdue':
      return { from: null, until: now, openOnly: true };
    case 'today':
      return { from: amsterdamTime(today), until: amsterdamTime(addDays(today, 1)), openOnly: false };
    case 'week':
      return { from: now, until: amsterdamTime(addDays(today, 8 - isoWeekday(today))), openOnly: false };
  }
}
