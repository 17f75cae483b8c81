import type { NextFunction, Request, Response } from 'express';
import { bearerToken } from './bearer';
import { errorBody } from './error-response';
import { isHealthPath } from './health-path';

/**
 * Paths that need no bearer token. This runs before Nest has matched a route (it must run before
 * the body parser, so an anonymous caller gets 401 rather than 400 or 413), so it cannot read the
 * `@Public()` metadata: keep this list in step with the `@Public()` routes and the unprefixed
 * paths of configure-app (`/u/*` unsubscribe, `/docs*`, `/metrics` with its own token, and
 * `/admin/*`, which signs in through a session cookie).
 */
// Case-insensitive and with an optional trailing slash, as Express routes them.
const PUBLIC_PATHS: readonly RegExp[] = [
  /^\/api\/auth\/login\/?$/i,
  // DELETE (sign out) is public; POST still needs the token, which the auth guard checks.
  /^\/api\/auth\/session\/?$/i,
  /^\/u(\/.*)?$/i,
  /^\/docs/i,
  /^\/metrics\/?$/i,
  /^\/admin(\/.*)?$/i,
];

/**
 * 401 for a non-public request without a bearer token, before its body is read (api.md: 401 comes
 * before 400 and 413). Only the header's presence is checked; the guard still verifies the token.
 */
export function requireBearer(request: Request, response: Response, next: NextFunction): void {
  if (
    bearerToken(request) !== undefined ||
    isHealthPath(request.path) ||
    PUBLIC_PATHS.some((path) => path.test(request.path))
  )
    return next();
  // The body is not read: close the connection rather than leave an unread body on a kept-alive one.
  response.setHeader('Connection', 'close');
  response.status(401).json(errorBody(401, 'A valid access token is required'));
}
