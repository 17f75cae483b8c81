import { isUuid } from '@app/core';
import { EMPLOYER_STAGES, SIZE_CLASSES } from '@app/crm';

export type ValueCheck = { ok: true; value: string | boolean } | { ok: false; problem: string };
export type ValueKind = (raw: unknown) => ValueCheck;

const MAX_TAG_LENGTH = 50;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

const ok = (value: string | boolean): ValueCheck => ({ ok: true, value });
const fail = (problem: string): ValueCheck => ({ ok: false, problem });

export const uuidValue: ValueKind = (raw) => (isUuid(raw) ? ok(raw.toLowerCase()) : fail('must be a UUID'));

export const booleanValue: ValueKind = (raw) => (typeof raw === 'boolean' ? ok(raw) : fail('must be true or false'));

function oneOf(allowed: readonly string[]): ValueKind {
  return (raw) =>
    typeof raw === 'string' && allowed.includes(raw) ? ok(raw) : fail(`must be one of ${allowed.join(', ')}`);
}

export const stageValue = oneOf(EMPLOYER_STAGES);
export const sizeClassValue = oneOf(SIZE_CLASSES);

/** `2025:Q` or `2008:P` (letters mean different sectors per version); whether the section exists is checked later. */
export const sbiSectionValue: ValueKind = (raw) => {
  const match = typeof raw === 'string' ? /^(2008|2025):([A-Za-z])$/.exec(raw.trim()) : null;
  return match ? ok(`${match[1]}:${match[2].toUpperCase()}`) : fail('must look like 2025:Q or 2008:P');
};

/** Written like employer tags are stored (trimmed, inner spaces collapsed); matched case-insensitively. */
export const tagValue: ValueKind = (raw) => {
  if (typeof raw !== 'string') return fail('must be a tag (text)');
  const tag = raw.trim().replace(/\s+/g, ' ');
  if (tag === '') return fail('must not be empty');
  if (tag.length > MAX_TAG_LENGTH) return fail(`must be at most ${MAX_TAG_LENGTH} characters`);
  return ok(tag);
};

/** A date (`YYYY-MM-DD`, a whole day in Europe/Amsterdam) or a time with offset (ISO-8601). */
export const instantValue: ValueKind = (raw) => {
  const problem = 'must be a date (2027-03-01) or a time with offset (2027-03-01T09:00:00+01:00)';
  if (typeof raw !== 'string') return fail(problem);
  if (DATE.test(raw)) return realDate(raw) ? ok(raw) : fail(problem);
  const match = DATE_TIME.exec(raw);
  if (!match || !realDate(match[1]) || Number.isNaN(Date.parse(raw))) return fail(problem);
  return ok(raw);
};

export function isDateOnly(value: string): boolean {
  return DATE.test(value);
}

/** A real calendar day (no 2027-02-30) in years PostgreSQL and people agree on. */
function realDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
