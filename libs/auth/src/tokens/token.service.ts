import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, Clock, isUuid } from '@app/core';
import type { AppConfig } from '@app/core';

export const TOKEN_AUDIENCE = 'vliegwiel-api';
export const TOKEN_ISSUER = 'vliegwiel';

export interface VerifiedToken {
  userId: string;
  /** The `iat` claim, in seconds. */
  issuedAt: number;
  /** The `exp` claim, in seconds. */
  expiresAt: number;
}

export interface IssueOptions {
  /** TOKEN_AUDIENCE unless another kind of token (the session cookie's) is issued. */
  audience?: string;
  /** A later expiry (seconds) than now + ACCESS_TOKEN_TTL_SECONDS is cut back to the TTL. */
  notAfter?: number;
}

/**
 * Signed tokens: HS256 only (so `alg: none` or a public-key trick cannot pass), audience and issuer
 * checked, expiry at most ACCESS_TOKEN_TTL_SECONDS away, times taken from the injected clock. One
 * audience per kind of token, so a token of one kind is never accepted as the other.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(userId: string, options: IssueOptions = {}): string {
    return this.issueWithExpiry(userId, options).token;
  }

  /** A token and its `exp` (seconds). */
  issueWithExpiry(userId: string, options: IssueOptions = {}): { token: string; expiresAt: number } {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const exp = Math.min(iat + this.config.accessTokenTtlSeconds, options.notAfter ?? Number.POSITIVE_INFINITY);
    const token = this.jwt.sign(
      { sub: userId, iat, exp },
      {
        secret: this.config.appSecret,
        algorithm: 'HS256',
        audience: options.audience ?? TOKEN_AUDIENCE,
        issuer: TOKEN_ISSUER,
      },
    );
    return { token, expiresAt: exp };
  }

  /** Who the token was issued to and when (seconds), or null when it is not one of ours for `audience` or has expired. */
  verify(token: string, audience: string = TOKEN_AUDIENCE): VerifiedToken | null {
    try {
      const payload = this.jwt.verify<{ sub?: unknown; exp?: unknown; iat?: unknown }>(token, {
        secret: this.config.appSecret,
        algorithms: ['HS256'],
        audience,
        issuer: TOKEN_ISSUER,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      // A token without an expiry or issue time is not one we issued.
      if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') return null;
      return isUuid(payload.sub)
        ? { userId: payload.sub.toLowerCase(), issuedAt: payload.iat, expiresAt: payload.exp }
        : null;
    } catch {
      return null;
    }
  }
}
