import { isCalendarDate } from '../shared/calendar-date';
import { Checked } from '../validation/identifiers';

/** The earliest start date accepted: praktijkleren with a praktijkverklaring is far younger than this. */
export const EARLIEST_START = '2000-01-01';
export const MAX_WERKPROCESSEN = 50;

/** A kwalificatiedossier: exactly five digits. */
export function checkCrebo(raw: string): Checked {
  const value = raw.trim();
  return /^\d{5}$/.test(value) ? { ok: true, value } : { ok: false, problem: 'must be exactly 5 digits' };
}

/**
 * A werkproces is named by its code in the kwalificatiedossier: `B1-K1-W2` (basisdeel), `P2-K1-W3`
 * (profieldeel) or `K1-W2` (older dossiers); upper-cased, spaces removed. Its wording lives in the
 * dossier, so free text is not stored.
 */
export function checkWerkproces(raw: string): Checked {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  return /^(?:[BP]\d{1,2}-)?K\d{1,2}-W\d{1,2}$/.test(value)
    ? { ok: true, value }
    : { ok: false, problem: `"${raw.trim().slice(0, 20)}" is not a werkproces code like B1-K1-W2` };
}

/** Checks every code; returns them de-duplicated in the given order, or every problem found. */
export function checkWerkprocessen(raw: readonly string[]): Checked<string[]> {
  if (raw.length > MAX_WERKPROCESSEN) return { ok: false, problem: `at most ${MAX_WERKPROCESSEN}` };
  const codes = new Set<string>();
  const problems: string[] = [];
  for (const item of raw) {
    if (item.trim() === '') continue;
    const checked = checkWerkproces(item);
    if (checked.ok) codes.add(checked.value);
    else problems.push(checked.problem);
  }
  return problems.length > 0 ? { ok: false, problem: problems.join('; ') } : { ok: true, value: [...codes] };
}

/** A `YYYY-MM-DD` date between EARLIEST_START and today (Europe/Amsterdam). */
export function checkPastDate(raw: string, today: string): Checked {
  const value = raw.trim();
  if (!isCalendarDate(value)) return { ok: false, problem: 'must be a date written as YYYY-MM-DD' };
  if (value > today) return { ok: false, problem: 'must not be in the future' };
  if (value < EARLIEST_START) return { ok: false, problem: `must not be before ${EARLIEST_START}` };
  return { ok: true, value };
}

/** The date of the praktijkverklaring: a past date, not before the trajectory started. */
export function checkPraktijkverklaringAt(raw: string, startedAt: string, today: string): Checked {
  const checked = checkPastDate(raw, today);
  if (checked.ok && checked.value < startedAt) {
    return { ok: false, problem: `must not be before the trajectory started (${startedAt})` };
  }
  return checked;
}
