import { addDays, fromAmsterdam, LocalDateTime, toAmsterdam, isoWeekday } from './amsterdam-time';
import { isDutchPublicHoliday } from './dutch-holidays';
import { parseWaitDuration, WaitDuration } from './iso-duration';
import { clockMinutes, SendWindow } from './send-window';

export const WAIT_CALENDARS = ['working-days', 'calendar-days'] as const;
export type WaitCalendar = (typeof WAIT_CALENDARS)[number];

/** Far enough for any real calendar; a region closed for ten years straight is a configuration error. */
const SEARCH_DAYS = 3660;

/**
 * The days a region sends on, in Europe/Amsterdam: no Dutch public holidays (those of `date-holidays`,
 * type `public`) and none of the region's `closingDays`. Working days are also Monday to Friday.
 * Pure: callers pass the instants (from the injected Clock), so tests can move time.
 */
export class SendCalendar {
  private readonly closingDays: ReadonlySet<string>;

  constructor(closingDays: Iterable<string> = []) {
    this.closingDays = new Set(closingDays);
  }

  /** Not a public holiday and not a closing day of the region (any weekday). */
  isSendDay(date: string): boolean {
    return !isDutchPublicHoliday(date) && !this.closingDays.has(date);
  }

  /** Monday to Friday, and a send day. */
  isWorkingDay(date: string): boolean {
    return isoWeekday(date) <= 5 && this.isSendDay(date);
  }

  /**
   * When a wait that starts at `from` ends (api.md "Outreach", steps). Whole days keep the wall-clock
   * time across DST changes; on `working-days` they count working days only. The time part is added
   * as elapsed time. On `working-days` a result on a non-working day moves to the next working day at
   * the same wall-clock time (Friday 16:00 + PT10H = Saturday 02:00 → Monday 02:00).
   */
  addWait(from: Date, duration: string | WaitDuration, calendar: WaitCalendar = 'working-days'): Date {
    const wait = typeof duration === 'string' ? parsed(duration) : duration;
    const start = toAmsterdam(from);
    let date = start.date;
    if (calendar === 'calendar-days') date = addDays(date, wait.days);
    else for (let left = wait.days; left > 0; left--) date = this.nextWorkingDay(date);
    const end = new Date(fromAmsterdam(date, timeOf(start)).getTime() + wait.milliseconds);
    if (calendar === 'calendar-days') return end;
    const local = toAmsterdam(end);
    return this.isWorkingDay(local.date) ? end : fromAmsterdam(this.nextWorkingDay(local.date), timeOf(local));
  }

  /**
   * The earliest instant at or after `at` inside the window, on a send day; `at` itself when it is
   * inside. A `null` window sends at any time (api.md), holidays and closing days included.
   */
  nextSendTime(at: Date, window: SendWindow | null): Date {
    if (window === null) return at;
    let date = toAmsterdam(at).date;
    for (let i = 0; i <= SEARCH_DAYS; i++, date = addDays(date, 1)) {
      const bounds = this.windowOn(date, window);
      if (bounds && at < bounds.end) return at > bounds.start ? at : bounds.start;
    }
    throw new Error(`No send time within ${SEARCH_DAYS} days of ${at.toISOString()}`);
  }

  /** Whether `at` lies inside the window, `[from, to)`, on a send day. */
  isInWindow(at: Date, window: SendWindow | null): boolean {
    if (window === null) return true;
    const bounds = this.windowOn(toAmsterdam(at).date, window);
    return bounds !== null && at >= bounds.start && at < bounds.end;
  }

  /** The window's instants on a date, or null when the window does not open that day. */
  private windowOn(date: string, window: SendWindow): { start: Date; end: Date } | null {
    if (!window.days.includes(isoWeekday(date)) || !this.isSendDay(date)) return null;
    return { start: atMinutes(date, clockMinutes(window.from)), end: atMinutes(date, clockMinutes(window.to, true)) };
  }

  private nextWorkingDay(date: string): string {
    for (let i = 0; i < SEARCH_DAYS; i++) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) return date;
    }
    throw new Error(`No working day within ${SEARCH_DAYS} days after ${date}`);
  }
}

function parsed(duration: string): WaitDuration {
  const result = parseWaitDuration(duration);
  if (!result.ok) throw new Error(`Invalid wait duration "${duration}": ${result.problem}`);
  return result.value;
}

function timeOf(local: LocalDateTime): Omit<LocalDateTime, 'date'> {
  return { hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond };
}

function atMinutes(date: string, minutes: number | null): Date {
  if (minutes === null) throw new Error('Malformed send window time');
  // 24:00 is midnight at the start of the next day.
  return minutes === 24 * 60
    ? fromAmsterdam(addDays(date, 1))
    : fromAmsterdam(date, { hour: Math.floor(minutes / 60), minute: minutes % 60 });
}
