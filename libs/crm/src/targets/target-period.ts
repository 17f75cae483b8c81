/** A target period: a whole year or one quarter of it. */
export interface TargetPeriod {
  /** Normalised text, `2027` or `2027-Q1`. */
  text: string;
  year: number;
  quarter: number | null;
  /** First and last day (`YYYY-MM-DD`, Europe/Amsterdam dates), both inclusive like report ranges. */
  from: string;
  to: string;
}

export const MIN_TARGET_YEAR = 2000;
export const MAX_TARGET_YEAR = 2100;

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** Parses `2027` or `2027-Q1` (`q` in any case); null for anything else, a year outside 2000–2100 or quarter 0/5. */
export function parsePeriod(raw: string): TargetPeriod | null {
  const match = /^(\d{4})(?:-[Qq]([1-4]))?$/.exec(raw.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_TARGET_YEAR || year > MAX_TARGET_YEAR) return null;
  if (match[2] === undefined)
    return { text: `${year}`, year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31` };
  const quarter = Number(match[2]);
  const firstMonth = String(quarter * 3 - 2).padStart(2, '0');
  return {
    text: `${year}-Q${quarter}`,
    year,
    quarter,
    from: `${year}-${firstMonth}-01`,
    to: `${year}-${QUARTER_END[quarter - 1]}`,
  };
}

export const PERIOD_PROBLEM = `must be a year (${MIN_TARGET_YEAR}–${MAX_TARGET_YEAR}) or a quarter written as 2027-Q1`;
