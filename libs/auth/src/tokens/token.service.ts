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
}

/**
 * Signed access tokens: HS256 only (so `alg: none` or a public-key trick cannot pass), audience and
 * issuer checked, expiry from ACCESS_TOKEN_TTL_SECONDS, times taken from the injected clock.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(userId: string): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return this.jwt.sign(
      { sub: userId, iat },
      {
        secret: this.config.appSecret,
        algorithm: 'HS256',
        audience: TOKEN_AUDIENCE,
        issuer: TOKEN_ISSUER,
        expiresIn: this.config.accessTokenTtlSeconds,
      },
    );
  }

  /** Who the token was issued to and when (seconds), or null when it is not one of ours or has expired. */
  verify(token: string): VerifiedToken | null {
    try {
      const payload = this.jwt.verify<{ sub?: unknown; exp?: unknown; iat?: unknown }>(token, {
        secret: this.config.appSecret,
        algorithms: ['HS256'],
        audience: TOKEN_AUDIENCE,
        issuer: TOKEN_ISSUER,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      // A token without an expiry or issue time is not one we issued.
      if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') return null;
      return isUuid(payload.sub) ? { userId: payload.sub.toLowerCase(), issuedAt: payload.iat } : null;
    } catch {
      return null;
    }
  }
}
