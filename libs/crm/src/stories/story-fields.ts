import { DomainError } from '@app/core';
import { isCalendarDate } from '../shared/calendar-date';
import { cleanText, FieldErrors } from '../shared/field-errors';
import { StoryInput, StoryValues } from './story.types';

const LIMITS = { title: 200, summary: 5000, quote: 2000 } as const;

/**
 * Checks a create (`current` null) or update body and merges it with the stored story: every invalid
 * field is a 400 at once; after that, publishing without consent is a 409 naming the rule.
 */
export function storyValues(input: StoryInput, current: StoryValues | null): StoryValues {
  const errors = new FieldErrors();
  const title = requiredText(errors, 'title', input.title, current?.title);
  const summary = requiredText(errors, 'summary', input.summary, current?.summary);
  const quote = optionalText(errors, 'quote', input.quote, current?.quote ?? null);
  const consentAt = date(errors, 'consentAt', input.consentAt, current?.consentAt ?? null);
  const expiresAt = date(errors, 'expiresAt', input.expiresAt, current?.expiresAt ?? null);
  const published = input.published ?? current?.published;
  if (published === undefined) errors.add('published', 'is required');
  if (consentAt && expiresAt && isCalendarDate(consentAt) && isCalendarDate(expiresAt) && expiresAt < consentAt)
    errors.add('expiresAt', 'must not be before consentAt');
  errors.throwIfAny();
  if (published && !consentAt) {
    throw DomainError.conflict(
      'story.consent_required',
      'A story may be published only with the employer’s consent: set consentAt',
      'consentAt',
    );
  }
  return { title: title!, summary: summary!, quote, consentAt, expiresAt, published: published! };
}

function requiredText(
  errors: FieldErrors,
  field: keyof typeof LIMITS,
  raw: string | undefined,
  stored: string | undefined,
): string | undefined {
  if (raw === undefined) {
    if (stored === undefined) errors.add(field, 'is required');
    return stored;
  }
  const value = raw.trim();
  if (value === '') errors.add(field, 'must not be empty');
  else if (value.length > LIMITS[field]) errors.add(field, `must be at most ${LIMITS[field]} characters`);
  return value;
}

function optionalText(
  errors: FieldErrors,
  field: keyof typeof LIMITS,
  raw: string | null | undefined,
  stored: string | null,
): string | null {
  if (raw === undefined) return stored;
  const value = cleanText(raw) ?? null;
  if (value !== null && value.length > LIMITS[field]) {
    errors.add(field, `must be at most ${LIMITS[field]} characters`);
  }
  return value;
}

function date(
  errors: FieldErrors,
  field: string,
  raw: string | null | undefined,
  stored: string | null,
): string | null {
  if (raw === undefined) return stored;
  if (raw === null) return null;
  if (!isCalendarDate(raw)) errors.add(field, 'must be a date written as YYYY-MM-DD');
  return raw;
}
