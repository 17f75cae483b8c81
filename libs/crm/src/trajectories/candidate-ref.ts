import { Checked } from '../validation/identifiers';

const MAX_LENGTH = 64;
const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/** The BSN 11-proef: weights 9…2 and −1 over nine digits, the sum divisible by 11. */
export function passesBsnElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  return sum % 11 === 0;
}

/**
 * True when the value is, or contains, a BSN-shaped number: nine digits (also written with dots or
 * spaces between them, "1112.22.333") that pass the 11-proef. A pseudonym that merely contains
 * digits ("KND-2024-017") is not refused.
 */
export function containsBsn(value: string): boolean {
  // Digit groups joined by dots or spaces, and each maximal run of digits on its own.
  const grouped = value.match(/\d(?:[\s.]?\d)*/g) ?? [];
  return grouped.some((group) => {
    const digits = group.replace(/[\s.]/g, '');
    if (passesBsnElevenTest(digits)) return true;
    return (group.match(/\d+/g) ?? []).some(passesBsnElevenTest);
  });
}

/**
 * A candidate is known by a pseudonym only (domain.md): 1 to 64 printable characters, never a BSN.
 * Returns the trimmed value with inner white space collapsed.
 */
export function checkCandidateRef(raw: string): Checked {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value === '') return { ok: false, problem: 'must not be empty' };
  if (value.length > MAX_LENGTH) return { ok: false, problem: `must be at most ${MAX_LENGTH} characters` };
  if (/[\u0000-\u001f\u007f]/.test(value)) return { ok: false, problem: 'must not contain control characters' };
  if (containsBsn(value)) {
    return {
      ok: false,
      problem: 'looks like a BSN (nine digits passing the 11-proef); use a pseudonymous reference, never a BSN',
    };
  }
  return { ok: true, value };
}
