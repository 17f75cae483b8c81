/** Validators for Dutch identifiers (domain.md "Identifiers"). Each returns the normalised value or a problem. */
export type Checked<T = string> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = (problem: string): Checked<never> => ({ ok: false, problem });

/** KvK-nummer: exactly 8 digits. There is no checksum, so none is invented. */
export function checkKvkNumber(raw: string): Checked {
  const value = raw.trim();
  return /^\d{8}$/.test(value) ? ok(value) : fail('must be exactly 8 digits');
}

export function checkVestigingsnummer(raw: string): Checked {
  const value = raw.trim();
  return /^\d{12}$/.test(value) ? ok(value) : fail('must be exactly 12 digits');
}

/** RSIN: 9 digits passing the 11-proef (weights 9…2 and −1, sum divisible by 11). */
export function checkRsin(raw: string): Checked {
  const value = raw.trim();
  if (!/^\d{9}$/.test(value)) return fail('must be exactly 9 digits');
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 8).reduce((total, digit, index) => total + digit * (9 - index), 0) - digits[8];
  return sum % 11 === 0 ? ok(value) : fail('fails the 11-proef');
}

/** Postcode: `1234 AB` after upper-casing, never SA, SD or SS. */
export function checkPostcode(raw: string): Checked {
  const compact = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  const match = /^([1-9][0-9]{3}) ?([A-Z]{2})$/.exec(compact);
  if (!match) return fail('must look like 1234 AB');
  if (['SA', 'SD', 'SS'].includes(match[2])) return fail(`letters ${match[2]} are never used in a postcode`);
  return ok(`${match[1]} ${match[2]}`);
}

/** Phone numbers are stored in E.164; numbers without a country code are read as Dutch (one rule, in core). */
export { checkPhone } from '@app/core';

export function checkEmail(raw: string): Checked {
  const value = raw.trim();
  if (value.length > 254 || !/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[A-Za-z]{2,}$/.test(value)) {
    return fail('is not a valid e-mail address');
  }
  return ok(value);
}

export function checkWebsite(raw: string): Checked {
  const value = raw.trim();
  const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if (!url.hostname.includes('.')) return fail('is not a valid web address');
    return ok(withScheme);
  } catch {
    return fail('is not a valid web address');
  }
}
