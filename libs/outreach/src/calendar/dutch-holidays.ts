import Holidays from 'date-holidays';

/**
 * Dutch public holidays: the days `date-holidays` marks type `public` for NL (api.md "Outreach").
 * In version 3.37 those are Nieuwjaarsdag, Eerste and Tweede Paasdag, Koningsdag (27 April, or
 * Saturday the 26th when the 27th is a Sunday), Hemelvaartsdag, Eerste and Tweede Pinksterdag,
 * Eerste and Tweede Kerstdag. Goede Vrijdag and Bevrijdingsdag are type `school` there (every
 * year, lustrum years too), so they are working days here; a region that closes on them adds
 * them to its `closingDays`.
 */
const NL = new Holidays('NL', { types: ['public'] });
const byYear = new Map<number, ReadonlySet<string>>();

/** The public holidays of a year as `YYYY-MM-DD` (Amsterdam dates), computed once per year. */
export function dutchPublicHolidays(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    const holidays = NL.getHolidays(year) || [];
    days = new Set(holidays.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    byYear.set(year, days);
  }
  return days;
}

export function isDutchPublicHoliday(date: string): boolean {
  return dutchPublicHolidays(Number(date.slice(0, 4))).has(date);
}
