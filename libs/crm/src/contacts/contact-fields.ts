import { cleanText, FieldErrors } from '../shared/field-errors';
import { checkEmail, checkPhone } from '../validation/identifiers';
import { BasisValues, ContactInput, ContactValues, EMAIL_BASES, EmailBasis } from './contact.types';

/** Longest accepted free text per contact field (the form and the CSV import). */
export const CONTACT_TEXT_LIMITS = {
  firstName: 100,
  lastName: 100,
  role: 100,
  emailBasisSource: 200,
  emailBasisEvidence: 2000,
} as const;

/** Validates the person fields present in `input`; `create` requires a last name. */
export function contactValues(input: ContactInput, errors: FieldErrors, create: boolean): Partial<ContactValues> {
  const values: Partial<ContactValues> = {};
  if (input.lastName !== undefined || create) {
    const lastName = (input.lastName ?? '').trim();
    if (lastName === '')
      errors.add('lastName', create && input.lastName === undefined ? 'is required' : 'must not be empty');
    else if (lastName.length > CONTACT_TEXT_LIMITS.lastName) {
      errors.add('lastName', `must be at most ${CONTACT_TEXT_LIMITS.lastName} characters`);
    }
    values.lastName = lastName;
  }
  set(values, 'firstName', limited(errors, 'firstName', input.firstName, CONTACT_TEXT_LIMITS.firstName));
  set(values, 'role', limited(errors, 'role', input.role, CONTACT_TEXT_LIMITS.role));
  set(values, 'email', errors.check('email', blankAsNull(input.email), checkEmail));
  set(values, 'phone', errors.check('phone', blankAsNull(input.phone), checkPhone));
  return values;
}

/**
 * The e-mail basis after applying `input` to `current`. Clearing the basis clears its source and
 * evidence; a source or evidence without a basis is refused.
 */
export function basisValues(input: ContactInput, current: BasisValues, errors: FieldErrors): BasisValues {
  let basis = current.emailBasis;
  if (input.emailBasis !== undefined) {
    const raw = blankAsNull(input.emailBasis) ?? null;
    if (raw !== null && !(EMAIL_BASES as readonly string[]).includes(raw)) {
      errors.add('emailBasis', `must be one of ${EMAIL_BASES.join(', ')}`);
    }
    basis = raw as EmailBasis | null;
  }
  const cleared = input.emailBasis !== undefined && basis === null;
  const source = pick(input.emailBasisSource, cleared ? null : current.emailBasisSource);
  const evidence = pick(input.emailBasisEvidence, cleared ? null : current.emailBasisEvidence);
  const { emailBasisSource: maxSource, emailBasisEvidence: maxEvidence } = CONTACT_TEXT_LIMITS;
  if (source && source.length > maxSource) errors.add('emailBasisSource', `must be at most ${maxSource} characters`);
  if (evidence && evidence.length > maxEvidence) {
    errors.add('emailBasisEvidence', `must be at most ${maxEvidence} characters`);
  }
  if (basis === null) {
    if (source) errors.add('emailBasisSource', 'needs an emailBasis');
    if (evidence) errors.add('emailBasisEvidence', 'needs an emailBasis');
  }
  return { emailBasis: basis, emailBasisSource: source, emailBasisEvidence: evidence };
}

export function basisChanged(a: BasisValues, b: BasisValues): boolean {
  return (
    a.emailBasis !== b.emailBasis ||
    a.emailBasisSource !== b.emailBasisSource ||
    a.emailBasisEvidence !== b.emailBasisEvidence
  );
}

function pick(raw: string | null | undefined, fallback: string | null): string | null {
  return raw === undefined ? fallback : (cleanText(raw) ?? null);
}

function blankAsNull(raw: string | null | undefined): string | null | undefined {
  return typeof raw === 'string' && raw.trim() === '' ? null : typeof raw === 'string' ? raw.trim() : raw;
}

function limited(errors: FieldErrors, field: string, raw: string | null | undefined, max: number) {
  const value = cleanText(raw);
  if (typeof value === 'string' && value.length > max) errors.add(field, `must be at most ${max} characters`);
  return value;
}

function set<K extends keyof ContactValues>(
  values: Partial<ContactValues>,
  key: K,
  value: ContactValues[K] | undefined,
) {
  if (value !== undefined) values[key] = value;
}
