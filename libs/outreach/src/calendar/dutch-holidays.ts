/**
 * Dutch public holidays: the days the `date-holidays` package marks type `public` for NL (api.md "Outreach"),
 * computed here. In version 3.37 those are Nieuwjaarsdag, Eerste and Tweede Paasdag, Koningsdag (27 April, or
 * Saturday the 26th when the 27th is a Sunday; before 2014 Koninginnedag on 30 April), Hemelvaartsdag, Eerste
 * and Tweede Pinksterdag, Eerste and Tweede Kerstdag. Goede Vrijdag and Bevrijdingsdag are type `school` there
 * (every year, lustrum years too), so they are working days here; a region that closes on them adds them to its
 * `closingDays`.
 *
 * Why not the package at run time: loading it (with moment-timezone, astronomia and every country's rules) and
 * asking it for NL took 23 MB of RSS in a bare Node process, for nine dates a year.
 * dutch-holidays.spec.ts checks these dates against the package, a dev dependency, for every year 1950–2400.
 */
const byYear = new Map<number, ReadonlySet<string>>();
const DAY_MS = 24 * 60 * 60_000;

/** The public holidays of a year as `YYYY-MM-DD` (Amsterdam dates), computed once per year. */
export function dutchPublicHolidays(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    const easter = easterSunday(year);
    const fromEaster = (offset: number) => isoDate(easter + offset * DAY_MS);
    days = new Set([
      isoDate(Date.UTC(year, 0, 1)),
      fromEaster(0),
      fromEaster(1),
      isoDate(kingsDay(year)),
      fromEaster(39),
      fromEaster(49),
      fromEaster(50),
      isoDate(Date.UTC(year, 11, 25)),
      isoDate(Date.UTC(year, 11, 26)),
    ]);
    byYear.set(year, days);
  }
  return days;
}

export function isDutchPublicHoliday(date: string): boolean {
  return dutchPublicHolidays(Number(date.slice(0, 4))).has(date);
}

/**
 * Koningsdag (27 April) from 2014, Koninginnedag (30 April) before. On a Sunday it moves to the Saturday before,
 * and before 1980 to the Monday after.
 */
function kingsDay(year: number): number {
  const day = Date.UTC(year, 3, year >= 2014 ? 27 : 30);
  if (new Date(day).getUTCDay() !== 0) return day;
  return year >= 1980 ? day - DAY_MS : day + DAY_MS;
}

/** Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus), as UTC midnight. */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
