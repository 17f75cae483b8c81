import type { IncomingMessage } from 'node:http';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AuthService, Principal, TokenService } from '@app/auth';
import { FixedClock } from '@app/core';
import type { AppConfig } from '@app/core';
import { RateLimitGuard } from '../http/rate-limit.guard';
import { RedisThrottlerStorage } from '../http/redis-throttler.storage';
import { requestPrincipal } from './request-principal';

const USER = '0b7a3c1e-4f5d-4c2b-9a8e-1d2c3b4a5f60';
const config = {
  appSecret: 'unit-secret-unit-secret-unit-secret-0123',
  accessTokenTtlSeconds: 60,
  rateLimitPerMinute: 100,
  rateLimitAnonymousPerMinute: 10,
} as AppConfig;
const principal = { id: USER, email: 'a@example.test', name: 'A', role: 'coordinator', regionIds: [] } as Principal;

/** An AuthService whose user reads are counted and answered when the test says so. */
function pendingAuth() {
  const reads: Array<(value: Principal | null) => void> = [];
  const auth = {
    principalFor: () => new Promise<Principal | null>((resolve) => reads.push(resolve)),
  } as unknown as AuthService;
  return { auth, reads };
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
    const { auth, reads } = pendingAuth();
    const request = requestWith(tokens.issue(USER));
    const first = requestPrincipal(request, tokens, auth);
    const second = requestPrincipal(request, tokens, auth);
    expect(reads).toHaveLength(1);
    reads[0](principal);
    await expect(first).resolves.toBe(principal);
    await expect(second).resolves.toBe(principal);
  });

  it('should answer null without a read when the token is missing or forged', async () => {
    const { auth, reads } = pendingAuth();
    await expect(requestPrincipal(requestWith(), tokens, auth)).resolves.toBeNull();
    await expect(requestPrincipal(requestWith('not.a.token'), tokens, auth)).resolves.toBeNull();
    expect(reads).toHaveLength(0);
  });
});

describe('RateLimitGuard with the user read', () => {
  const tokens = new TokenService(new JwtService(), new FixedClock(new Date('2026-03-01T10:00:00Z')), config);

  function guardWith(auth: AuthService, increment: () => Promise<unknown>, isPublic = false) {
    const storage = { increment } as unknown as RedisThrottlerStorage;
    const reflector = { getAllAndOverride: () => isPublic } as unknown as Reflector;
    return new RateLimitGuard(reflector, tokens, auth, storage, config);
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

  it('should start the user read before the limiter has answered', async () => {
    const { auth, reads } = pendingAuth();
    let readsWhenRedisAnswered = -1;
    const request = requestWith(tokens.issue(USER));
    const guard = guardWith(auth, async () => {
      readsWhenRedisAnswered = reads.length;
      return { totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 };
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
      const guard = guardWith(auth, async () => ({
        totalHits: 101,
        timeToExpire: 60,
        isBlocked: true,
        timeToBlockExpire: 30,
      }));
      await expect(guard.canActivate(contextFor(requestWith(tokens.issue(USER))))).rejects.toMatchObject({
        kind: 'rate_limited',
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('should not read the user for a public route or an anonymous request', async () => {
    const { auth, reads } = pendingAuth();
    const answer = async () => ({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    await guardWith(auth, answer, true).canActivate(contextFor(requestWith(tokens.issue(USER))));
    await guardWith(auth, answer).canActivate(contextFor(requestWith()));
    expect(reads).toHaveLength(0);
  });
});
