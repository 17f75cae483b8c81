import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneCheck = { ok: true; value: string } | { ok: false; problem: string };

/**
 * The one phone rule of the app (users, contacts, organisations, imports): stored in E.164, numbers
 * without a country code read as Dutch. The `/max` metadata checks number ranges, not just lengths.
 */
export function checkPhone(raw: string): PhoneCheck {
  const parsed = parsePhoneNumberFromString(raw.trim(), 'NL');
  if (!parsed || !parsed.isValid()) return { ok: false, problem: 'is not a valid phone number' };
  return { ok: true, value: parsed.number };
}
