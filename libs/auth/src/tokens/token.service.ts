import { createSecretKey, KeyObject } from 'node:crypto';
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
// Verified tokens remembered (a bounded map, oldest out first): checking a signature costs more CPU than
// the rest of a small request, and a request is checked more than once (rate limit key, auth guard).
const VERIFIED_MAX = 10_000;

@Injectable()
export class TokenService {
  // jsonwebtoken turns a string secret into a key on every call (trying it as a PEM public key first,
  // which throws): once is enough.
  private readonly key: KeyObject;
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.appSecret));
  }

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
        // JwtService's types say string | Buffer; jsonwebtoken takes a KeyObject as is.
        secret: this.key as unknown as string,
        algorithm: 'HS256',
        audience: options.audience ?? TOKEN_AUDIENCE,
        issuer: TOKEN_ISSUER,
      },
    );
    return { token, expiresAt: exp };
  }

  /** Who the token was issued to and when (seconds), or null when it is not one of ours for `audience` or has expired. */
  verify(token: string, audience: string = TOKEN_AUDIENCE): VerifiedToken | null {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    // A remembered token passed every check that does not depend on time; expiry is checked again
    // (as jsonwebtoken does: expired from `exp` on). Revocation is the auth guard's, per request.
    const cacheKey = `${audience} ${token}`;
    const known = this.verified.get(cacheKey);
    if (known) return now < known.expiresAt ? { ...known } : null;
    try {
      const payload = this.jwt.verify<{ sub?: unknown; exp?: unknown; iat?: unknown; nbf?: unknown }>(token, {
        secret: this.key as unknown as string,
        algorithms: ['HS256'],
        audience,
        issuer: TOKEN_ISSUER,
        clockTimestamp: now,
      });
      // A token without an expiry or issue time is not one we issued.
      if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') return null;
      if (!isUuid(payload.sub)) return null;
      const verified = { userId: payload.sub.toLowerCase(), issuedAt: payload.iat, expiresAt: payload.exp };
      // We never issue `nbf`; a token with one would need its own time check, so it is not remembered.
      if (payload.nbf === undefined) this.remember(cacheKey, verified);
      return { ...verified };
    } catch {
      return null;
    }
  }

  private remember(cacheKey: string, verified: VerifiedToken): void {
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(cacheKey, verified);
  }
}
