import type { IncomingMessage } from 'node:http';
import type { CookieOptions } from 'express';

/** The dashboard's session cookie; sent only to /admin, so it never authenticates an /api call. */
export const SESSION_COOKIE = 'vliegwiel_session';
export const SESSION_COOKIE_PATH = '/admin';

/**
 * HttpOnly, SameSite=Strict (a cross-site request never carries it), Secure when PUBLIC_URL is https; no
 * Max-Age, so the browser drops it when it closes (its token expires with the access token anyway).
 */
export function sessionCookieOptions(publicUrl: string): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: publicUrl.startsWith('https:'),
    path: SESSION_COOKIE_PATH,
  };
}

/** The session cookie's value from the Cookie header, or undefined. */
export function sessionCookieValue(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
