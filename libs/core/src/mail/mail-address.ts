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
  return { name: headerText(mailbox.name ?? ''), address: checkedAddress(mailbox.address, field) };
}

// An RFC 2047 encoded word: =?charset?B|Q?text?= (no spaces or `?` inside its parts).
const ENCODED_WORD = /=\?[^?\s]+\?[bq]\?[^?\s]*\?=/gi;

/**
 * Text for a subject or display name: one line, and no RFC 2047 encoded word (`=?utf-8?B?…?=`).
 * nodemailer passes ASCII through as is, so an encoded word in a contact's or employer's name would be
 * decoded by the reader's mail program, line breaks and all; `= ?` shows the same text and decodes to
 * nothing. Only real encoded words change: a subject like "Kosten =? (vraag)" stays as written.
 */
export function headerText(value: string): string {
  let text = singleLine(value);
  // Again until none is left: breaking one can leave its closing `=` to open the next (`=?a?b?=?c?q?d?=`).
  while (new RegExp(ENCODED_WORD.source, 'i').test(text))
    text = text.replace(ENCODED_WORD, (word) => `= ${word.slice(1)}`);
  return text;
}

/** Header text on one line: control characters (CR, LF, …) become one space. */
export function singleLine(value: string): string {
  return value.replace(CONTROL, ' ').trim();
}
