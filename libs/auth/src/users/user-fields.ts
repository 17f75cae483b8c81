import { isEmail } from 'class-validator';
import { checkPhone, DomainError, ErrorDetail } from '@app/core';
import { Role, ROLES } from '../access/role';
import { normaliseEmail } from '../login/login-throttle';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

/** User fields as a request carries them: types checked, values not yet. */
export interface RawUserFields {
  email?: string;
  name?: string;
  role?: string;
  password?: string;
  phone?: string | null;
}

export interface UserFields {
  email?: string;
  name?: string;
  role?: Role;
  password?: string;
  phone?: string | null;
}

const NAME_MAX_LENGTH = 200;
const EMAIL_MAX_LENGTH = 254;

/**
 * The value checks of a user body, run by the service only after the role and scope checks
 * (api.md: 403 → 404 → 400). Fields left out stay out; every bad field is named in one 400.
 */
export function checkUserFields(raw: RawUserFields): UserFields {
  const problems: ErrorDetail[] = [];
  const check = <T>(field: string, value: T | undefined, test: (value: T) => string | undefined): void => {
    const problem = value === undefined ? undefined : test(value);
    if (problem) problems.push({ field, problem });
  };
  check('email', raw.email, (email) =>
    email.length > EMAIL_MAX_LENGTH || !isEmail(email.trim()) ? 'must be an e-mail address' : undefined,
  );
  check('name', raw.name, (name) =>
    name.trim() === ''
      ? 'must not be empty'
      : name.length > NAME_MAX_LENGTH
        ? `must be at most ${NAME_MAX_LENGTH} characters`
        : undefined,
  );
  check('role', raw.role, (role) =>
    (ROLES as readonly string[]).includes(role) ? undefined : `must be one of ${ROLES.join(', ')}`,
  );
  check('password', raw.password, (password) =>
    [...password].length < PASSWORD_MIN_LENGTH || [...password].length > PASSWORD_MAX_LENGTH
      ? `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`
      : undefined,
  );
  const phone = raw.phone === undefined || raw.phone === null ? undefined : checkPhone(raw.phone);
  if (phone && !phone.ok) problems.push({ field: 'phone', problem: phone.problem });
  if (problems.length > 0) throw DomainError.invalidMany(problems);
  return {
    email: raw.email === undefined ? undefined : normaliseEmail(raw.email),
    name: raw.name?.trim(),
    role: raw.role as Role | undefined,
    password: raw.password,
    phone: raw.phone === null ? null : phone?.ok ? phone.value : undefined,
  };
}
