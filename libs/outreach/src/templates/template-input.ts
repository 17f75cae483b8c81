import { DomainError, ErrorDetail } from '@app/core';
import { activeContentProblems } from './active-content';
import { TemplateField, validateTemplate } from './template-validator';
import { TEMPLATE_LIMITS, TemplateInput, TemplateSource } from './template.types';

/** The name, checked: 400 unless a non-empty string of at most 200 characters. */
export function checkName(raw: unknown, errors: ErrorDetail[]): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    errors.push({ field: 'name', problem: 'is required' });
    return '';
  }
  const name = raw.trim();
  if (name.length > TEMPLATE_LIMITS.name) {
    errors.push({ field: 'name', problem: `may be at most ${TEMPLATE_LIMITS.name} characters` });
  }
  return name;
}

/**
 * The sources after a create (`current` null) or an update: 400 for missing or oversized fields, then
 * 422 `template.invalid` with one detail per problem and its line when a part does not pass the
 * template rules. `text` null or empty means "generate the plain text from the HTML".
 */
export function checkSource(
  input: TemplateInput,
  current: TemplateSource | null,
  errors: ErrorDetail[],
): TemplateSource {
  const subject = input.subject ?? current?.subject;
  const html = input.html ?? current?.html;
  const rawText = input.text === undefined ? (current?.text ?? null) : input.text;
  const text = rawText === null || rawText.trim() === '' ? null : rawText;
  if (typeof subject !== 'string' || subject.trim() === '') errors.push({ field: 'subject', problem: 'is required' });
  else if (/[\r\n]/.test(subject)) errors.push({ field: 'subject', problem: 'must be a single line' });
  if (typeof html !== 'string' || html.trim() === '') errors.push({ field: 'html', problem: 'is required' });
  for (const [field, value] of [
    ['subject', subject],
    ['html', html],
    ['text', text],
  ] as const) {
    if (typeof value === 'string' && value.length > TEMPLATE_LIMITS[field]) {
      errors.push({ field, problem: `may be at most ${TEMPLATE_LIMITS[field]} characters` });
    }
  }
  return { subject: subject ?? '', html: html ?? '', text };
}

/** 422 naming every problem with its field and line, or nothing. */
export function assertRenderable(source: TemplateSource): void {
  const parts: [TemplateField, string | null][] = [
    ['subject', source.subject],
    ['html', source.html],
    ['text', source.text],
  ];
  const details = parts.flatMap(([field, value]) =>
    value === null
      ? []
      : [...validateTemplate(field, value), ...(field === 'html' ? activeContentProblems(value) : [])],
  );
  if (details.length === 0) return;
  const first = details[0];
  throw new DomainError(
    'unprocessable',
    'template.invalid',
    `The template cannot be used: ${first.field} line ${first.line}: ${first.problem}` +
      (details.length > 1 ? ` (and ${details.length - 1} more)` : ''),
    details,
  );
}

export function sameSource(a: TemplateSource, b: TemplateSource): boolean {
  return a.subject === b.subject && a.html === b.html && a.text === b.text;
}
