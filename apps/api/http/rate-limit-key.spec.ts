import { clientAddress } from './rate-limit-key';

describe('clientAddress', () => {
  it('should keep an IPv4 address when the client speaks IPv4, also IPv4-mapped', () => {
    expect(clientAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('should reduce an IPv6 address to its /64 when the client speaks IPv6', () => {
    expect(clientAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:0db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddress('::1')).toBe('0:0:0:0::/64');
  });
});
