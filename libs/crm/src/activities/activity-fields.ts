import { FieldErrors } from '../shared/field-errors';
import { instant } from '../tasks/task-fields';
import { ACTIVITY_TYPES, ActivityType, LogActivityInput } from './activity.types';

const MAX_SUMMARY = 5000;
const CLOCK_LEEWAY_MS = 60_000;

/** Checks a logged activity (400 naming each bad field); `at` defaults to now and may not lie in the future. */
export function activityValues(input: LogActivityInput, now: Date): { type: ActivityType; at: Date; summary: string } {
  const errors = new FieldErrors();
  if (input.type === undefined) errors.add('type', 'is required');
  else if (!(ACTIVITY_TYPES as readonly string[]).includes(input.type)) {
    errors.add('type', `must be one of ${ACTIVITY_TYPES.join(', ')}`);
  }
  const summary = (input.summary ?? '').trim();
  if (summary === '') errors.add('summary', 'is required');
  else if (summary.length > MAX_SUMMARY) errors.add('summary', `must be at most ${MAX_SUMMARY} characters`);
  let at = now;
  if (input.at !== undefined) {
    const parsed = instant(errors, 'at', input.at);
    // A minute of leeway for a client clock that runs ahead; such a time is recorded as now.
    if (parsed && parsed.getTime() > now.getTime() + CLOCK_LEEWAY_MS) errors.add('at', 'must not be in the future');
    else if (parsed && parsed.getTime() < now.getTime()) at = parsed;
  }
  errors.throwIfAny();
  return { type: input.type as ActivityType, at, summary };
}
