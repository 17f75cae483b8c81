import { JwtService } from '@nestjs/jwt';
import { FixedClock } from '@app/core';
import type { AppConfig } from '@app/core';
import { TokenService } from './token.service';

const USER = '0b7a3c1e-4f5d-4c2b-9a8e-1d2c3b4a5f60';
const config = { appSecret: 'unit-secret-unit-secret-unit-secret-0123', accessTokenTtlSeconds: 60 } as AppConfig;

describe('TokenService', () => {
  let clock: FixedClock;
  let tokens: TokenService;

  beforeEach(() => {
    clock = new FixedClock(new Date('2026-03-01T10:00:00Z'));
    tokens = new TokenService(new JwtService(), clock, config);
  });

  it('should verify a token again when it was verified before and has not expired', () => {
    const token = tokens.issue(USER);
    const first = tokens.verify(token);
    clock.advance(59_000);
    expect(tokens.verify(token)).toEqual(first);
    expect(first).toMatchObject({ userId: USER });
  });

  it('should refuse a token it verified before when the clock reaches its expiry', () => {
    const token = tokens.issue(USER);
    expect(tokens.verify(token)).not.toBeNull();
    clock.advance(60_000);
    expect(tokens.verify(token)).toBeNull();
  });

  it('should refuse a token of another audience when the same token was verified for its own', () => {
    const token = tokens.issue(USER, { audience: 'vliegwiel-session' });
    expect(tokens.verify(token, 'vliegwiel-session')).not.toBeNull();
    expect(tokens.verify(token)).toBeNull();
  });

  it('should refuse a token when its signature was made with another secret', () => {
    const other = new TokenService(new JwtService(), clock, { ...config, appSecret: 'x'.repeat(40) });
    expect(tokens.verify(other.issue(USER))).toBeNull();
  });
});
