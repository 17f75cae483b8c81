import { DomainError } from '../errors/domain.error';
import { MailAddress } from './mail.types';

// Deliberately narrow: no quoted local parts, comments or IP literals; `+` is allowed (reply+token@…).
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** A plain address we are willing to hand to nodemailer, or a DomainError naming the field. */
export function checkedAddress(address: string, field: string): string {
  const trimmed = address.trim();
  if (trimmed.length > 254 || !ADDRESS.test(trimmed) || trimmed.includes('..')) {
    throw DomainError.invalid(field, 'is not a usable e-mail address', 'mail.invalid_address');
  }
  return trimmed;
}

/** `{ name, address }` with the address checked and the display name free of line breaks and control characters. */
export function checkedMailbox(mailbox: MailAddress, field: string): { name: string; address: string } {
  return { name: singleLine(mailbox.name ?? ''), address: checkedAddress(mailbox.address, field) };
}

/** Header text on one line: control characters (CR, LF, …) become one space. */
export function singleLine(value: string): string {
  return value.replace(CONTROL, ' ').trim();
}
