import Holidays from 'date-holidays';
import { dutchPublicHolidays, isDutchPublicHoliday } from './dutch-holidays';

describe('dutchPublicHolidays', () => {
  it('should list the nine public holidays of 2026 when asked for that year', () => {
    expect([...dutchPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-05',
      '2026-04-06',
      '2026-04-27',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('should put Koningsdag on Saturday 26 April when the 27th is a Sunday', () => {
    expect(isDutchPublicHoliday('2025-04-26')).toBe(true);
    expect(isDutchPublicHoliday('2025-04-27')).toBe(false);
  });

  it('should keep Koningsdag on the 27th when that is a weekday', () => {
    expect(isDutchPublicHoliday('2026-04-27')).toBe(true);
    expect(isDutchPublicHoliday('2026-04-26')).toBe(false);
  });

  it('should not count Goede Vrijdag or Bevrijdingsdag, which the package marks as school holidays', () => {
    expect(isDutchPublicHoliday('2026-04-03')).toBe(false);
    expect(isDutchPublicHoliday('2026-05-05')).toBe(false);
    expect(isDutchPublicHoliday('2025-05-05')).toBe(false);
  });

  it('should not count observances such as Oudejaarsavond when they are not public', () => {
    expect(isDutchPublicHoliday('2026-12-31')).toBe(false);
    expect(isDutchPublicHoliday('2026-05-04')).toBe(false);
  });

  it('should list exactly the public holidays the date-holidays package gives for NL in every year from 1950 to 2400', () => {
    const nl = new Holidays('NL', { types: ['public'] });
    const differences: string[] = [];
    for (let year = 1950; year <= 2400; year++) {
      const expected = (nl.getHolidays(year) || [])
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10))
        .sort();
      const actual = [...dutchPublicHolidays(year)].sort();
      if (actual.join() !== expected.join()) differences.push(`${year}: ${actual.join()} ≠ ${expected.join()}`);
    }
    expect(differences).toEqual([]);
  });
});
