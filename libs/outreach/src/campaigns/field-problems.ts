import { DomainError, ErrorDetail } from '@app/core';

/** Collects every invalid field of a request, so one 400 names them all (`steps[1].duration`, …). */
export class FieldProblems {
  private readonly details: ErrorDetail[] = [];

  add(field: string, problem: string): void {
    this.details.push({ field, problem });
  }

  get list(): readonly ErrorDetail[] {
    return this.details;
  }

  throwIfAny(): void {
    if (this.details.length > 0) throw DomainError.invalidMany([...this.details]);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
