import { isCalendarDate } from '../shared/calendar-date';
import { FieldErrors } from '../shared/field-errors';

const MAX_TITLE = 200;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 time with an offset (api.md "Conventions"); undefined when invalid (the problem is added). */
export function instant(errors: FieldErrors, field: string, raw: string): Date | undefined {
  const value = new Date(raw);
  if (!INSTANT.test(raw) || !isCalendarDate(raw.slice(0, 10)) || Number.isNaN(value.getTime())) {
    errors.add(field, 'must be an ISO-8601 time with an offset, e.g. 2027-03-01T09:00:00+01:00');
    return undefined;
  }
  return value;
}

export function taskTitle(errors: FieldErrors, raw: string): string {
  const value = raw.trim();
  if (value === '') errors.add('title', 'must not be empty');
  else if (value.length > MAX_TITLE) errors.add('title', `must be at most ${MAX_TITLE} characters`);
  return value;
}

/**
 * Who a new task is for (api.md "Defaults"): the one asked for; else the employer's owner while that
 * owner can still work on it (active, in the region); else the caller.
 */
export function chooseAssignee(
  requested: string | null | undefined,
  owner: { id: string; active: boolean } | null,
  callerId: string,
): { id: string; mustCheck: boolean } {
  if (requested) return { id: requested, mustCheck: true };
  if (owner?.active) return { id: owner.id, mustCheck: false };
  return { id: callerId, mustCheck: false };
}
