import { DomainError, ErrorDetail } from '@app/core';

/** What a body field must hold when present; null is left to the value checks (it clears a field). */
export type BodyFieldType = 'string' | 'boolean' | 'number' | 'strings';

const PROBLEMS: Record<BodyFieldType, string> = {
  string: 'must be a string',
  boolean: 'must be true or false',
  number: 'must be a number',
  strings: 'must be a list of strings',
};

function fits(value: unknown, type: BodyFieldType): boolean {
  if (type === 'strings') return Array.isArray(value) && value.every((item) => typeof item === 'string');
  return typeof value === type;
}

/**
 * The type check of a types-light DTO (its fields are only named, `@Allow()`), run by the service
 * after the region scope so a record outside it is a 404 before any 400 (api.md precedence). Names
 * every field of the wrong type at once.
 */
export function assertBodyTypes(body: object, types: Record<string, BodyFieldType>): void {
  const values = body as Record<string, unknown>;
  const details: ErrorDetail[] = Object.entries(types)
    .filter(([field, type]) => values[field] !== undefined && values[field] !== null && !fits(values[field], type))
    .map(([field, type]) => ({ field, problem: PROBLEMS[type] }));
  if (details.length > 0) throw DomainError.invalidMany(details);
}
