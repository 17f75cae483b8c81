/**
 * The wait durations of a campaign step: ISO-8601 days and a time part (`P3D`, `PT2S`, `P1DT12H`).
 * Years, months and weeks are refused: on the working-days calendar it is unclear how many working
 * days they hold (is `P1W` five or seven?). Whole numbers only.
 */
export interface WaitDuration {
  /** Whole days, counted on the step's calendar. */
  days: number;
  /** The time part, added as elapsed time. */
  milliseconds: number;
}

export type ParsedDuration = { ok: true; value: WaitDuration } | { ok: false; problem: string };

/** A wait may last at most one year (365 days, counting days and time part together). */
export const MAX_WAIT_MS = 365 * 86_400_000;

const PATTERN = /^P(?:(\d{1,6})D)?(?:T(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,11})S)?)?$/;
const FORMAT = 'must be an ISO-8601 duration in days and time, such as P3D, PT4H, PT30M or P1DT12H';

export function parseWaitDuration(raw: string): ParsedDuration {
  const match = PATTERN.exec(raw);
  if (!match || raw === 'P' || raw.endsWith('T')) {
    const datePart = raw.split('T')[0];
    if (/^P[\dYMWD]+$/.test(datePart) && /[YMW]/.test(datePart)) {
      return { ok: false, problem: 'years, months and weeks are not allowed; count in days (e.g. P7D)' };
    }
    return { ok: false, problem: FORMAT };
  }
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  const value: WaitDuration = {
    days,
    milliseconds: ((hours * 60 + minutes) * 60 + seconds) * 1000,
  };
  const total = value.days * 86_400_000 + value.milliseconds;
  if (total <= 0) return { ok: false, problem: 'must be longer than zero' };
  if (total > MAX_WAIT_MS) return { ok: false, problem: 'must be at most one year (365 days)' };
  return { ok: true, value };
}
