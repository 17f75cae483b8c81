import { Clock, DomainError, ErrorDetail } from '@app/core';
import { isCalendarDate, todayInAmsterdam } from '@app/crm';
import { ReportRange } from './report.types';

const DATE_PROBLEM = 'must be a date written as YYYY-MM-DD';

/**
 * `from`/`to` of a report (Europe/Amsterdam days, both inclusive). Left out: `to` is today and `from`
 * the day after the same date a year before `to`, so the default is exactly the twelve months up to today.
 */
export function reportRange(query: { from?: string; to?: string }, clock: Clock): ReportRange {
  const errors: ErrorDetail[] = [];
  const from = present(query.from) ? query.from.trim() : undefined;
  const to = present(query.to) ? query.to.trim() : todayInAmsterdam(clock);
  if (from !== undefined && !isCalendarDate(from)) errors.push({ field: 'from', problem: DATE_PROBLEM });
  if (!isCalendarDate(to)) errors.push({ field: 'to', problem: DATE_PROBLEM });
  if (errors.length > 0) throw DomainError.invalidMany(errors);
  const range = { from: from ?? yearBefore(to), to };
  if (range.from > range.to) throw DomainError.invalid('from', 'must not be after to');
  return range;
}

/** The first day of the twelve months that end on `day`. */
export function yearBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const lastOfMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return new Date(Date.UTC(year - 1, month - 1, Math.min(date, lastOfMonth) + 1)).toISOString().slice(0, 10);
}

export function present(value: string | undefined | null): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
