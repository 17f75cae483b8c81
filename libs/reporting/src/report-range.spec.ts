import { FixedClock } from '@app/core';
import { reportRange, yearBefore } from './report-range';

describe('reportRange', () => {
  const clock = new FixedClock(new Date('2026-06-01T22:30:00Z')); // 00:30 on 06-02 in Amsterdam

  it('should cover the twelve months up to today in Amsterdam when from and to are left out', () => {
    expect(reportRange({}, clock)).toEqual({ from: '2025-06-03', to: '2026-06-02' });
  });

  it('should count twelve months back from to when only to is given', () => {
    expect(reportRange({ to: '2027-03-31' }, clock)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });

  it('should start the day after the end of the month when the year before has no such day', () => {
    expect(yearBefore('2028-02-29')).toBe('2027-03-01');
    expect(yearBefore('2026-12-31')).toBe('2026-01-01');
  });

  it('should refuse malformed dates and a from after to', () => {
    expect(() => reportRange({ from: '2026-02-30' }, clock)).toThrow(/from/);
    expect(() => reportRange({ from: '2026-05-02', to: '2026-05-01' }, clock)).toThrow(/from/);
  });
});
