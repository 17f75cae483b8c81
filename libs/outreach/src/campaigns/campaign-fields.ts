import { PipelineStage } from '@app/crm';
import { clockMinutes, DEFAULT_SEND_WINDOW, SendWindow } from '../calendar/send-window';
import { CampaignInput, CampaignValues, CONTACT_SCOPES, ContactScope, EXIT_STAGES } from './campaign.types';
import { checkSteps } from './campaign-steps';
import { FieldProblems, isPlainObject } from './field-problems';

export const MAX_NAME = 200;
export const MAX_PER_HOUR = 100_000;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The definition fields of a body that need no database; references (segment, sender) are the service's. */
export type CheckedValues = Partial<Omit<CampaignValues, 'segmentId' | 'senderId'>>;

/**
 * Checks the fields present in a create or patch body. On create, absent optional fields take the
 * api.md defaults (`contactScope` primary, `exitStage` interested, the weekday 09:00–17:00 window,
 * no hourly cap, no launch time) and `name` and `steps` are required.
 */
export function checkCampaignFields(
  input: CampaignInput,
  mode: 'create' | 'patch',
  now: Date,
  problems: FieldProblems,
): CheckedValues {
  const values: CheckedValues = {};
  const create = mode === 'create';
  if (input.name !== undefined || create) values.name = checkName(input.name, problems);
  if (input.steps !== undefined || create) {
    if (input.steps === undefined) problems.add('steps', 'is required');
    else values.steps = checkSteps(input.steps, problems);
  }
  if (input.contactScope !== undefined) {
    if (!CONTACT_SCOPES.includes(input.contactScope as ContactScope)) {
      problems.add('contactScope', `must be one of ${CONTACT_SCOPES.join(', ')}`);
    } else values.contactScope = input.contactScope as ContactScope;
  } else if (create) values.contactScope = 'primary';
  if (input.exitStage !== undefined) {
    if (!EXIT_STAGES.includes(input.exitStage as PipelineStage)) {
      problems.add('exitStage', `must be one of ${EXIT_STAGES.join(', ')}`);
    } else values.exitStage = input.exitStage as PipelineStage;
  } else if (create) values.exitStage = 'interested';
  if (input.sendWindow !== undefined) values.sendWindow = checkSendWindow(input.sendWindow, problems);
  else if (create) values.sendWindow = { ...DEFAULT_SEND_WINDOW, days: [...DEFAULT_SEND_WINDOW.days] };
  if (input.maxPerHour !== undefined) values.maxPerHour = checkMaxPerHour(input.maxPerHour, problems);
  else if (create) values.maxPerHour = null;
  if (input.launchAt !== undefined) values.launchAt = checkLaunchAt(input.launchAt, now, problems);
  else if (create) values.launchAt = null;
  return values;
}

function checkName(raw: unknown, problems: FieldProblems): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (raw === undefined || raw === null) problems.add('name', 'is required');
  else if (name === '') problems.add('name', 'must be non-empty text');
  else if (name.length > MAX_NAME) problems.add('name', `must be at most ${MAX_NAME} characters`);
  return name;
}

/** `{ days, from, to }` with ISO weekdays and `HH:MM` times, `from` before `to`; null sends at any time. */
export function checkSendWindow(raw: unknown, problems: FieldProblems): SendWindow | null {
  if (raw === null) return null;
  if (!isPlainObject(raw)) {
    problems.add('sendWindow', 'must be an object { days, from, to } or null');
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (!['days', 'from', 'to'].includes(key)) problems.add(`sendWindow.${key}`, 'is not a known field');
  }
  const days = raw.days;
  if (!Array.isArray(days) || days.length === 0) {
    problems.add('sendWindow.days', 'must be a non-empty list of ISO weekdays (1 = Monday … 7 = Sunday)');
  } else if (!days.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)) {
    problems.add('sendWindow.days', 'must hold whole numbers from 1 (Monday) to 7 (Sunday)');
  } else if (new Set(days).size !== days.length) {
    problems.add('sendWindow.days', 'must not repeat a day');
  }
  const from = typeof raw.from === 'string' ? clockMinutes(raw.from) : null;
  const to = typeof raw.to === 'string' ? clockMinutes(raw.to, true) : null;
  if (from === null) problems.add('sendWindow.from', 'must be a time written as HH:MM (00:00 to 23:59)');
  if (to === null) problems.add('sendWindow.to', 'must be a time written as HH:MM (00:01 to 24:00)');
  if (from !== null && to !== null && from >= to) problems.add('sendWindow.to', 'must be later than from');
  const sorted = Array.isArray(days) ? [...(days as number[])].sort((a, b) => a - b) : [];
  return { days: sorted, from: String(raw.from), to: String(raw.to) };
}

function checkMaxPerHour(raw: unknown, problems: FieldProblems): number | null {
  if (raw === null) return null;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > MAX_PER_HOUR) {
    problems.add('maxPerHour', `must be a whole number from 1 to ${MAX_PER_HOUR}, or null for no cap`);
    return null;
  }
  return raw;
}

function checkLaunchAt(raw: unknown, now: Date, problems: FieldProblems): Date | null {
  if (raw === null) return null;
  const at = typeof raw === 'string' && isRealInstant(raw) ? new Date(raw) : null;
  if (at === null) {
    problems.add('launchAt', 'must be an ISO-8601 time with offset, e.g. 2027-03-01T09:00:00+01:00');
    return null;
  }
  if (at <= now) {
    problems.add('launchAt', 'must be in the future');
    return null;
  }
  return at;
}

/** ISO-8601 with an offset and a date that exists (`Date` would read 30 February as 2 March). */
function isRealInstant(raw: string): boolean {
  const match = ISO_INSTANT.exec(raw);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !Number.isNaN(new Date(raw).getTime());
}
