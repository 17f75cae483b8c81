const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});

/**
 * `d MMMM yyyy` in Dutch for Europe/Amsterdam ("2 maart 2027"). A `YYYY-MM-DD` date is a calendar day
 * and prints as that day; a timestamp prints as its day in Amsterdam; anything else prints nothing.
 */
export function formatDutchDate(value: unknown): string {
  let date: Date | null = null;
  if (value instanceof Date) date = value;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) date = new Date(`${value}T12:00:00Z`);
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) date = new Date(value);
  if (date === null || Number.isNaN(date.getTime())) return '';
  return DUTCH_DATE.format(date);
}
