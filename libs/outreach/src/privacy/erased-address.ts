import { createHmac } from 'node:crypto';

/**
 * The keyed hash that keeps an erased person's address suppressed (AVG art. 17 with art. 21): the
 * address itself is gone, but `hmac-sha256:<hex>` of it (keyed with a key derived from APP_SECRET)
 * sits on the suppression list, so a re-imported contact with that address is recognised and never
 * mailed. Without the secret the hash cannot be turned back into the address by guessing.
 */
export const ERASED_ADDRESS_PREFIX = 'hmac-sha256:';

const BLOCK = 64;

/** The HMAC key: derived from APP_SECRET, so rotating the secret is the only way to "forget" every hash. */
function derivedKey(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update('vliegwiel erased-address v1').digest();
}

/**
 * The characters trimmed from an address: ASCII white space and the no-break space (pasted from
 * documents). Spelled out, because JS `trim()` and SQL `btrim()` disagree on what white space is.
 */
const SPACE = ' \t\n\v\f\r\u00a0';
const SPACE_SQL = `(' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(160))`;
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * How addresses are compared (suppressions are stored lower-case and trimmed). Only A–Z are lowered:
 * SQL `lower()` of other letters depends on the database's locale, and the hash must be the same in
 * Node and in SQL (`erasedAddressSql`).
 */
export function normaliseAddress(email: string): string {
  let start = 0;
  let end = email.length;
  while (start < end && SPACE.includes(email[start])) start++;
  while (end > start && SPACE.includes(email[end - 1])) end--;
  return email.slice(start, end).replace(/[A-Z]/g, (char) => char.toLowerCase());
}

/** `normaliseAddress` in SQL over an address expression. */
export function normaliseAddressSql(address: string): string {
  return `translate(btrim(${address}, ${SPACE_SQL}), '${UPPER}', '${UPPER.toLowerCase()}')`;
}

/** The suppression entry of an erased address. */
export function erasedAddressToken(appSecret: string, email: string): string {
  return (
    ERASED_ADDRESS_PREFIX + createHmac('sha256', derivedKey(appSecret)).update(normaliseAddress(email)).digest('hex')
  );
}

/**
 * The key as the SQL expression below needs it: the inner and outer padded keys (RFC 2104), 128
 * bytes in one parameter. SQL computes the same HMAC with PostgreSQL's built-in `sha256()`, so the
 * launch judges whole batches without an extension and without sending addresses to the app.
 */
export function erasedAddressSqlKey(appSecret: string): Buffer {
  const key = Buffer.alloc(BLOCK);
  derivedKey(appSecret).copy(key);
  const inner = Buffer.from(key.map((byte) => byte ^ 0x36));
  const outer = Buffer.from(key.map((byte) => byte ^ 0x5c));
  return Buffer.concat([inner, outer]);
}

/** `erasedAddressToken` in SQL over an address expression; `key` is the placeholder of `erasedAddressSqlKey`. */
export function erasedAddressSql(address: string, key: string): string {
  return `('${ERASED_ADDRESS_PREFIX}' || encode(sha256(substring(${key} FROM ${BLOCK + 1} FOR ${BLOCK}) ||
    sha256(substring(${key} FROM 1 FOR ${BLOCK}) || convert_to(${normaliseAddressSql(address)}, 'UTF8'))), 'hex'))`;
}
