import { checkedMailbox, headerText } from './mail-address';

describe('headerText', () => {
  it('should keep a subject on one line when it holds CR, LF or other control characters', () => {
    expect(headerText('Hallo\r\nBcc: evil@attacker.example\u0000')).toBe('Hallo Bcc: evil@attacker.example');
  });

  it('should break an RFC 2047 encoded word when data holds one, so no mail program decodes it', () => {
    const smuggled = `=?utf-8?B?${Buffer.from('\r\nBcc: evil@attacker.example').toString('base64')}?=`;
    expect(headerText(`Bakkerij ${smuggled}`)).toBe(`Bakkerij = ${smuggled.slice(1)}`);
    expect(headerText('=?a?b?=?c?q?d?=')).not.toMatch(/=\?[^?\s]+\?[bq]\?[^?\s]*\?=/i);
    expect(headerText('a =?utf-8?q?x?= b =?ISO-8859-1?B?SGFsbG8=?=')).toBe(
      'a = ?utf-8?q?x?= b = ?ISO-8859-1?B?SGFsbG8=?=',
    );
  });

  it('should leave "=?" alone when it is not an encoded word', () => {
    expect(headerText('Kosten =? (vraag)')).toBe('Kosten =? (vraag)');
    expect(headerText('a =? b ?= c')).toBe('a =? b ?= c');
    expect(headerText('x=?y')).toBe('x=?y');
  });

  it('should clean the display name of a mailbox the same way when it is checked', () => {
    expect(checkedMailbox({ name: 'Piet\n=?utf-8?Q?x?=', address: 'piet@bakkerij.example' }, 'to')).toEqual({
      name: 'Piet = ?utf-8?Q?x?=',
      address: 'piet@bakkerij.example',
    });
  });
});
