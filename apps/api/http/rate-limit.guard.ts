import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AuthService, PUBLIC_ROUTE, TokenService } from '@app/auth';
import { APP_CONFIG, DomainError } from '@app/core';
import type { AppConfig } from '@app/core';
import { requestPrincipal } from '../auth/request-principal';
import { isHealthPath } from './health-path';
import { RecentlyRefused } from './recently-refused';
import { rateLimitKey } from './rate-limit-key';
import { RedisThrottlerStorage } from './redis-throttler.storage';

export const RATE_LIMIT_WINDOW_MS = 60_000;
// Unsubscribe links (/u/…) get a bucket of their own per address, this many times the anonymous limit: a
// mail client prefetching links or an office behind one address must not spend the sign-in budget, nor be
// refused an unsubscribe because others signed in.
export const UNSUBSCRIBE_LIMIT_FACTOR = 4;
const UNSUBSCRIBE_PATH = /^\/u(?:\/|$)/i;

/**
 * The request rate limit: RATE_LIMIT_PER_MINUTE per signed-in user, RATE_LIMIT_ANONYMOUS_PER_MINUTE
 * per client address otherwise, one budget across every endpoint (unsubscribe links apart), counted in Redis so it holds across
 * api replicas. Over it: 429 in the api.md error format with `Retry-After` (seconds). This is
 * @nestjs/throttler's guard logic with its ThrottlerStorage contract; the package's own guard cannot be
 * loaded by Jest's ESM runtime on Node 20 (a CommonJS file requiring the ESM-only @nestjs/common).
 * The sign-in throttle of libs/auth is separate and unchanged.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly refused = new RecentlyRefused();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
    private readonly storage: RedisThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    // Load balancer probes must never be refused.
    if (isHealthPath(request.path)) return true;
    const { key, limit } = this.budgetFor(request);
    if (limit === 0) return true;
    if (key.startsWith('user:') && !this.refused.has(key) && !this.isPublic(context)) {
      // The auth guard's user read, started now so it overlaps the Redis call (request-principal.ts); the auth
      // guard awaits the same promise. The catch only keeps the read of a request refused here (429, or Redis
      // failing) from failing unhandled.
      requestPrincipal(request, this.tokens, this.auth).catch(() => undefined);
    }
    const record = await this.storage.increment(key, RATE_LIMIT_WINDOW_MS, limit, RATE_LIMIT_WINDOW_MS, 'requests');
    const response = context.switchToHttp().getResponse<Response>();
    if (record.isBlocked) {
      const retryAfterSeconds = Math.max(1, record.timeToBlockExpire);
      this.refused.add(key, retryAfterSeconds);
      response.setHeader('Retry-After', String(retryAfterSeconds));
      throw new DomainError(
        'rate_limited',
        'http.rate_limited',
        'Too many requests; try again after Retry-After seconds',
      );
    }
    response.setHeader('X-RateLimit-Limit', String(limit));
    response.setHeader('X-RateLimit-Remaining', String(Math.max(0, limit - record.totalHits)));
    response.setHeader('X-RateLimit-Reset', String(record.timeToExpire));
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    return this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) ?? false;
  }

  private budgetFor(request: Request): { key: string; limit: number } {
    if (UNSUBSCRIBE_PATH.test(request.path))
      return {
        key: `unsubscribe:${rateLimitKey(request, this.tokens)}`,
        limit: this.config.rateLimitAnonymousPerMinute * UNSUBSCRIBE_LIMIT_FACTOR,
      };
    const key = rateLimitKey(request, this.tokens);
    return {
      key,
      limit: key.startsWith('user:') ? this.config.rateLimitPerMinute : this.config.rateLimitAnonymousPerMinute,
    };
  }
}
