import { DeliveryTokens } from './delivery-tokens';

const ID = '3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c';

describe('DeliveryTokens', () => {
  const tokens = new DeliveryTokens('a-secret-that-is-long-enough-0123456789');

  it('should give the ledger id back when an unsubscribe token is genuine', () => {
    const token = tokens.unsubscribe(ID);
    expect(token).toMatch(/^[A-Za-z0-9_-]{65}$/);
    expect(tokens.verifyUnsubscribe(token)).toBe(ID);
  });

  it('should refuse an unsubscribe token when one character is altered or the secret differs', () => {
    const token = tokens.unsubscribe(ID);
    const altered = `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
    expect(tokens.verifyUnsubscribe(altered)).toBeNull();
    expect(new DeliveryTokens('another-secret-0123456789-0123456789').verifyUnsubscribe(token)).toBeNull();
    expect(tokens.verifyUnsubscribe(`${token}x`)).toBeNull();
    expect(tokens.verifyUnsubscribe('')).toBeNull();
  });

  it('should refuse an id swapped into a genuine token when the MAC belongs to another id', () => {
    const other = tokens.unsubscribe('00000000-0000-4000-8000-000000000000');
    expect(tokens.verifyUnsubscribe(`${other.slice(0, 22)}${tokens.unsubscribe(ID).slice(22)}`)).toBeNull();
  });

  it('should accept a reply token in any case and never an unsubscribe MAC in its place', () => {
    const reply = tokens.reply(ID);
    expect(reply).toMatch(/^[0-9a-f]{48}$/);
    expect(tokens.verifyReply(reply.toUpperCase())).toBe(ID);
    expect(tokens.verifyReply(`${reply.slice(0, 47)}${reply[47] === '0' ? '1' : '0'}`)).toBeNull();
  });
});
