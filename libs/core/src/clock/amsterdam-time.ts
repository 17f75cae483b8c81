/**
 * Wall-clock time in Europe/Amsterdam, DST included, with only `Intl` (no time-zone library).
 * Dates are `YYYY-MM-DD` strings; a day there is 23, 24 or 25 hours long.
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

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A wall-clock reading in Amsterdam. */
export interface LocalDateTime {
  date: string;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The Amsterdam wall clock at an instant. */
export function toAmsterdam(instant: Date): LocalDateTime {
  const wall = new Date(instant.getTime() + offsetAt(instant.getTime()));
  return {
    date: wall.toISOString().slice(0, 10),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

/** Offsets by UTC hour: `Intl` is slow, and the send path asks for the same few hours thousands of times. */
const offsetsByHour = new Map<number, number>();
const MAX_CACHED_HOURS = 10_000;

/**
 * Amsterdam's offset from UTC at an instant in milliseconds: +1 h in winter, +2 h in summer. The EU
 * changes the clocks at 01:00 UTC, so the offset is the same through each UTC hour.
 */
function offsetAt(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    if (offsetsByHour.size >= MAX_CACHED_HOURS) offsetsByHour.clear();
    offset = wallMs(readIntl(new Date(hour * HOUR_MS))) - hour * HOUR_MS;
    offsetsByHour.set(hour, offset);
  }
  return offset;
}

/** The Amsterdam wall clock at an instant as `Intl` reads it (whole seconds). */
function readIntl(instant: Date): LocalDateTime {
  const p = Object.fromEntries(
    PARTS.formatToParts(instant)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    millisecond: 0,
  };
}

/**
 * The instant that reads `time` on `date` in Amsterdam, resolved like Temporal's `compatible`:
 * a time that occurs twice (the last Sunday of October, 02:00–03:00) is its first occurrence;
 * a time that does not exist (the last Sunday of March, 02:00–03:00) moves forward by the gap
 * (02:30 becomes 03:30 summer time).
 */
export function fromAmsterdam(date: string, time: Partial<Omit<LocalDateTime, 'date'>> = {}): Date {
  const wall = wallMs({ date, hour: 0, minute: 0, second: 0, millisecond: 0, ...time });
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  const valid = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => offsetAt(instant) === wall - instant);
  // No valid reading: the time falls in the spring gap; read it with the offset from before the change.
  return new Date(valid.length === 0 ? wall - before : Math.min(...valid));
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** The wall-clock reading as if it were UTC, in milliseconds (the basis of the offset maths). */
function wallMs(local: LocalDateTime): number {
  const [year, month, day] = local.date.split('-').map(Number);
  return Date.UTC(year, month - 1, day, local.hour, local.minute, local.second, local.millisecond);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
