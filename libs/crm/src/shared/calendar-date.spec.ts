import { FixedClock } from '@app/core';
import { isCalendarDate, todayInAmsterdam } from './calendar-date';

describe('calendar dates', () => {
  it('should give the Amsterdam date when UTC is still on the day before', () => {
    expect(todayInAmsterdam(new FixedClock(new Date('2027-06-30T22:30:00Z')))).toBe('2027-07-01');
    expect(todayInAmsterdam(new FixedClock(new Date('2027-01-31T22:59:00Z')))).toBe('2027-01-31');
  });

  it('should accept only real dates written as YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('2027-5-5')).toBe(false);
  });
});
