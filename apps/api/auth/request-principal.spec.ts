import type { IncomingMessage } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import { AuthService, Principal, TokenService } from '@app/auth';
import { FixedClock } from '@app/core';
import type { AppConfig } from '@app/core';
import { requestPrincipal } from './request-principal';

const USER = '0b7a3c1e-4f5d-4c2b-9a8e-1d2c3b4a5f60';
const config = { appSecret: 'unit-secret-unit-secret-unit-secret-0123', accessTokenTtlSeconds: 60 } as AppConfig;
const principal = { id: USER, email: 'a@example.test', name: 'A', role: 'coordinator', regionIds: [] } as Principal;

/** An AuthService that counts its user reads and finds the one user. */
function countingAuth() {
  const counted = { reads: 0 };
  const auth = {
    principalFor: async () => {
      counted.reads++;
      return principal;
    },
  } as unknown as AuthService;
  return { auth, counted };
}

function requestWith(token?: string): IncomingMessage {
  return {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    path: '/api/employers',
    ip: '203.0.113.7',
  } as unknown as IncomingMessage;
}

describe('requestPrincipal', () => {
  const tokens = new TokenService(new JwtService(), new FixedClock(new Date('2026-03-01T10:00:00Z')), config);

  it('should read the user once per request when both guards ask for it', async () => {
    const { auth, counted } = countingAuth();
    const request = requestWith(tokens.issue(USER));
    const first = requestPrincipal(request, tokens, auth);
    const second = requestPrincipal(request, tokens, auth);
    await expect(first).resolves.toBe(principal);
    await expect(second).resolves.toBe(principal);
    expect(counted.reads).toBe(1);
    await requestPrincipal(requestWith(tokens.issue(USER)), tokens, auth);
    expect(counted.reads).toBe(2);
  });

  it('should answer null without a read when the token is missing or forged', async () => {
    const { auth, counted } = countingAuth();
    await expect(requestPrincipal(requestWith(), tokens, auth)).resolves.toBeNull();
    await expect(requestPrincipal(requestWith('not.a.token'), tokens, auth)).resolves.toBeNull();
    expect(counted.reads).toBe(0);
  });
});
