import type { IncomingMessage } from 'node:http';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AuthService, Principal, TokenService } from '@app/auth';
import { FixedClock } from '@app/core';
import type { AppConfig } from '@app/core';
import { requestPrincipal } from '../auth/request-principal';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const USER = '0b7a3c1e-4f5d-4c2b-9a8e-1d2c3b4a5f60';
const config = {
  appSecret: 'unit-secret-unit-secret-unit-secret-0123',
  accessTokenTtlSeconds: 60,
  rateLimitPerMinute: 100,
  rateLimitAnonymousPerMinute: 10,
} as AppConfig;
const principal = { id: USER, email: 'a@example.test', name: 'A', role: 'coordinator', regionIds: [] } as Principal;
const allowed = { totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 };
const refused = { totalHits: 101, timeToExpire: 60, isBlocked: true, timeToBlockExpire: 30 };

/** An AuthService whose user reads are counted and answered when the test says so. */
function pendingAuth() {
  const reads: Array<(value: Principal | null) => void> = [];
  const auth = {
    principalFor: () => new Promise<Principal | null>((resolve) => reads.push(resolve)),
  } as unknown as AuthService;
  return { auth, reads };
}

function requestWith(token: string): IncomingMessage {
  return {
    headers: { authorization: `Bearer ${token}` },
    path: '/api/employers',
    ip: '203.0.113.7',
  } as unknown as IncomingMessage;
}

function contextFor(request: IncomingMessage): ExecutionContext {
  const response = { setHeader: () => undefined };
  return {
    getType: () => 'http',
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
}

describe('RateLimitGuard and the user read', () => {
  const tokens = new TokenService(new JwtService(), new FixedClock(new Date('2026-03-01T10:00:00Z')), config);

  function guardWith(auth: AuthService, increment: () => Promise<unknown>, isPublic = false) {
    const storage = { increment } as unknown as RedisThrottlerStorage;
    const reflector = { getAllAndOverride: () => isPublic } as unknown as Reflector;
    return new RateLimitGuard(reflector, tokens, auth, storage, config);
  }

  it('should start the user read before the limiter has answered', async () => {
    const { auth, reads } = pendingAuth();
    let readsWhenRedisAnswered = -1;
    const request = requestWith(tokens.issue(USER));
    const guard = guardWith(auth, async () => {
      readsWhenRedisAnswered = reads.length;
      return allowed;
    });
    await expect(guard.canActivate(contextFor(request))).resolves.toBe(true);
    expect(readsWhenRedisAnswered).toBe(1);
    reads[0](principal);
    await expect(requestPrincipal(request, tokens, auth)).resolves.toBe(principal);
  });

  it('should refuse over the budget and leave no unhandled failure of the read behind', async () => {
    const auth = { principalFor: () => Promise.reject(new Error('database down')) } as unknown as AuthService;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const guard = guardWith(auth, async () => refused);
      await expect(guard.canActivate(contextFor(requestWith(tokens.issue(USER))))).rejects.toMatchObject({
        kind: 'rate_limited',
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('should read no user for a budget it has seen refused, so a flood over the limit costs no database reads', async () => {
    const { auth, reads } = pendingAuth();
    const guard = guardWith(auth, async () => refused);
    const token = tokens.issue(USER);
    await expect(guard.canActivate(contextFor(requestWith(token)))).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(reads).toHaveLength(1);
    for (let i = 0; i < 3; i++)
      await expect(guard.canActivate(contextFor(requestWith(token)))).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(reads).toHaveLength(1);
  });

  it('should not read the user for a public route', async () => {
    const { auth, reads } = pendingAuth();
    await guardWith(auth, async () => allowed, true).canActivate(contextFor(requestWith(tokens.issue(USER))));
    expect(reads).toHaveLength(0);
  });
});
