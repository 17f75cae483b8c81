/**
 * The regular expressions (PostgreSQL ARE, matched case-insensitively) that find a person's
 * identifiers and names in free text. Names are matched as whole words, so "Jan" does not hit
 * "januari"; the longest alternative comes first, so "Piet Jansen" is replaced as one.
 */
export interface PersonIdentity {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  /** E.164, as contacts store it. */
  phone: string | null;
}

export interface ErasurePatterns {
  /** Address and phone numbers: null when the person had neither. */
  identifiers: string | null;
  /**
   * Identifiers and the full name: what is replaced in the records of the whole employer (tasks,
   * stories, other contacts' entries), where a first or last name alone may well be someone else's.
   */
  employerWide: string;
  /** Identifiers, full name and the name parts alone: only in the records of this contact itself. */
  everything: string;
}

/** Names shorter than this are not looked for in free text: too many other words would match. */
const MIN_NAME_LENGTH = 2;

export function erasurePatterns(person: PersonIdentity): ErasurePatterns {
  const email = person.email?.trim();
  const identifiers = [...(email ? [escapeRegex(email)] : []), ...phonePatterns(person.phone)];
  const fullName = [person.firstName, person.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  const nameParts = unique([person.lastName?.trim(), person.firstName?.trim()]).filter((name) => name !== fullName);
  const words = (names: string[]) => names.filter((name) => name.length >= MIN_NAME_LENGTH).map(wholeWord);
  const employerWide = [...identifiers, ...words(fullName ? [fullName] : [])];
  const everything = [...employerWide, ...words(nameParts)];
  return {
    identifiers: identifiers.length === 0 ? null : alternation(identifiers),
    employerWide: alternation(employerWide),
    everything: alternation(everything),
  };
}

/** A separator people write between digits: space, dot, dash or parentheses. */
const SEP = '[[:space:].()-]?';

/**
 * A phone number in any common spelling: the digits with an optional separator between each two,
 * and for Dutch numbers every prefix (`+31`, `0031`, `0`, `+31 (0)`), so `+31612345678` also finds
 * `06-12 34 56 78` and `0031 6 1234 5678`.
 */
function phonePatterns(phone: string | null): string[] {
  const value = phone?.trim();
  if (!value) return [];
  const digits = value.replace(/\D/g, '');
  if (digits.length < 6) return [escapeRegex(value)];
  const spaced = (text: string) => text.split('').join(SEP);
  if (value.startsWith('+31')) {
    const national = digits.slice(2).replace(/^0/, '');
    return [`(\\+31${SEP}(\\(0\\)${SEP})?|0031${SEP}|0${SEP})${spaced(national)}`];
  }
  return [`${value.startsWith('+') ? '\\+' : ''}${spaced(digits)}`];
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => !!value && value.length > 0))];
}

/** Escapes ASCII punctuation; letters (also accented ones), digits and spaces stand for themselves. */
export function escapeRegex(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}

function wholeWord(name: string): string {
  const escaped = escapeRegex(name);
  const start = /^[\p{L}\p{N}_]/u.test(name) ? '\\m' : '';
  const end = /[\p{L}\p{N}_]$/u.test(name) ? '\\M' : '';
  return `${start}${escaped}${end}`;
}

/** Longest alternative first, so "Piet Jansen" is replaced as one; never matches when there is none. */
function alternation(parts: string[]): string {
  // A pattern that never matches keeps the SQL simple for a contact without any text to find.
  if (parts.length === 0) return '(?!)x';
  return `(${[...parts].sort((a, b) => b.length - a.length).join('|')})`;
}
