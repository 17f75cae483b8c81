import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { DomainError } from '@app/core';

/** A user's phone in E.164 (Dutch numbers may be written nationally), or a 400 naming `phone`. */
export function normalisePhone(raw: string): string {
  const parsed = parsePhoneNumberFromString(raw.trim(), 'NL');
  if (!parsed || !parsed.isValid()) throw DomainError.invalid('phone', 'is not a valid phone number');
  return parsed.number;
}
