import { DomainError, ErrorDetail } from '@app/core';
import { Checked } from '../validation/identifiers';

/**
 * Collects every invalid field of one request, so a client learns all problems at once;
 * `throwIfAny` ends with one 400 naming each field.
 */
export class FieldErrors {
  private readonly details: ErrorDetail[] = [];

  add(field: string, problem: string): void {
    this.details.push({ field, problem });
  }

  /** Runs a validator on a present value; returns the normalised value, undefined when absent, null when cleared. */
  check(
    field: string,
    raw: string | null | undefined,
    validate: (value: string) => Checked,
  ): string | null | undefined {
    if (raw === undefined || raw === null) return raw;
    const result = validate(raw);
    if (result.ok) return result.value;
    this.add(field, result.problem);
    return undefined;
  }

  get any(): boolean {
    return this.details.length > 0;
  }

  throwIfAny(): void {
    if (this.details.length > 0) throw DomainError.invalidMany(this.details);
  }
}

/** Trims optional free text; an empty string clears the field. */
export function cleanText(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined || raw === null) return raw;
  const value = raw.trim();
  return value === '' ? null : value;
}
