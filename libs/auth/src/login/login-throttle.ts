import { DomainError } from '@app/core';

/** api.md: 10 failed logins of one account or one address within 15 minutes → 429. */
export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export interface FailureCounts {
  byEmail: number;
  byAddress: number;
}

/** Start of the window whose failures count at `now`. */
export function failureWindowStart(now: Date): Date {
  return new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
}

export function isThrottled(counts: FailureCounts): boolean {
  return counts.byEmail >= LOGIN_FAILURE_LIMIT || counts.byAddress >= LOGIN_FAILURE_LIMIT;
}

export function throttledError(): DomainError {
  return new DomainError('rate_limited', 'auth.too_many_failures', 'Too many failed sign-ins; try again later');
}

export function assertNotThrottled(counts: FailureCounts): void {
  if (isThrottled(counts)) throw throttledError();
}

/** The key failures are counted under: e-mail addresses compare case-insensitively. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
