import { Injectable } from '@nestjs/common';
import type { Principal } from '../access/role';
import { AuthService } from '../login/auth.service';
import { TokenService } from './token.service';

/** Not the access tokens' audience: a session cookie is never accepted as a bearer token, nor the reverse. */
export const SESSION_AUDIENCE = 'vliegwiel-session';

/**
 * The token of the browser-session cookie (the queue dashboard): signed like an access token but with
 * its own audience, and never outliving the access token it was opened with. Checked like an access
 * token: the user must be active and not have changed their password since.
 */
@Injectable()
export class SessionTokenService {
  constructor(
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
  ) {}

  /** A session token for the holder of `accessToken`, expiring no later than it; null when that token is not valid. */
  issueFor(accessToken: string): { token: string; expiresAt: Date } | null {
    const access = this.tokens.verify(accessToken);
    if (!access) return null;
    const { token, expiresAt } = this.tokens.issueWithExpiry(access.userId, {
      audience: SESSION_AUDIENCE,
      notAfter: access.expiresAt,
    });
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The active user the token belongs to, or null (forged, expired, disabled user, password changed since). */
  async principalFor(token: string): Promise<Principal | null> {
    const verified = this.tokens.verify(token, SESSION_AUDIENCE);
    return verified ? this.auth.principalFor(verified) : null;
  }
}
