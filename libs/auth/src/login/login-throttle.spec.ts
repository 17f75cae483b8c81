import { DomainError } from '@app/core';
import {
  assertNotThrottled,
  failureWindowStart,
  isThrottled,
  LOGIN_FAILURE_LIMIT,
  normaliseEmail,
} from './login-throttle';

describe('login throttle', () => {
  it('should not throttle when both counts are below 10', () => {
    expect(isThrottled({ byEmail: 9, byAddress: 9 })).toBe(false);
  });

  it('should throttle when the account has had 10 failures', () => {
    expect(isThrottled({ byEmail: LOGIN_FAILURE_LIMIT, byAddress: 0 })).toBe(true);
  });

  it('should throttle when the address has had 10 failures', () => {
    expect(isThrottled({ byEmail: 0, byAddress: LOGIN_FAILURE_LIMIT })).toBe(true);
  });

  it('should count failures of the last 15 minutes when asked for the window start', () => {
    expect(failureWindowStart(new Date('2027-03-01T12:00:00Z'))).toEqual(new Date('2027-03-01T11:45:00Z'));
  });

  it('should throw a rate_limited domain error when throttled', () => {
    expect(() => assertNotThrottled({ byEmail: 10, byAddress: 0 })).toThrow(
      expect.objectContaining({ kind: 'rate_limited' }) as DomainError,
    );
    expect(() => assertNotThrottled({ byEmail: 9, byAddress: 9 })).not.toThrow();
  });

  it('should count an address under one key when it differs only in case or spaces', () => {
    expect(normaliseEmail('  Ann@Example.ORG ')).toBe('ann@example.org');
  });
});
