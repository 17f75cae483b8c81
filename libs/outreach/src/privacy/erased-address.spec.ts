import { createHmac } from 'node:crypto';
import { ERASED_ADDRESS_PREFIX, erasedAddressSqlKey, erasedAddressToken, normaliseAddress } from './erased-address';

describe('erased-address', () => {
  it('should trim ASCII white space and no-break spaces and lower A-Z only when normalising', () => {
    expect(normaliseAddress(' \tPiet@Example.NL\u00a0\n')).toBe('piet@example.nl');
    expect(normaliseAddress('ÉLISE@x.nl')).toBe('Élise@x.nl');
    expect(normaliseAddress('a@b.nl\u2003')).toBe('a@b.nl\u2003');
  });

  it('should give the same token when two spellings of an address differ in case and white space only', () => {
    expect(erasedAddressToken('secret', ' Piet@Example.NL ')).toBe(erasedAddressToken('secret', 'piet@example.nl'));
    expect(erasedAddressToken('secret', 'piet@example.nl')).not.toBe(erasedAddressToken('other', 'piet@example.nl'));
  });

  it('should be an HMAC-SHA256 under a key derived from the secret when computed', () => {
    const key = createHmac('sha256', 'secret').update('vliegwiel erased-address v1').digest();
    const expected = createHmac('sha256', key).update('piet@example.nl').digest('hex');

    expect(erasedAddressToken('secret', 'piet@example.nl')).toBe(`${ERASED_ADDRESS_PREFIX}${expected}`);
  });

  it('should give the inner and outer padded keys of RFC 2104 when the SQL key is built', () => {
    const key = createHmac('sha256', 'secret').update('vliegwiel erased-address v1').digest();
    const sqlKey = erasedAddressSqlKey('secret');

    expect(sqlKey).toHaveLength(128);
    expect(sqlKey[0]).toBe(key[0] ^ 0x36);
    expect(sqlKey[64]).toBe(key[0] ^ 0x5c);
    expect(sqlKey[63]).toBe(0x36);
  });
});
