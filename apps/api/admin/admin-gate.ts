import type { NextFunction, Request, Response } from 'express';
import { may, Permission } from '@app/auth';
import type { Principal, SessionTokenService } from '@app/auth';
import { errorBody } from '../http/error-response';
import { changeFromOwnOrigin } from './same-origin';
import { sessionCookieValue } from './session-cookie';

// The only changes the dashboard may make (paths relative to /admin; Express matches them case-insensitively, so
// do we): pause/resume one queue or all, retry and promote jobs. Everything else that changes something —
// add, clean, empty, obliterate, job data/delay/priority, schedulers, concurrency, rate limits, metrics purge —
// is refused even to admins: jobs carry ids the app made, and a queue's history is evidence.
const ALLOWED_CHANGES: readonly RegExp[] = [
  /^\/queues\/api\/queues\/(?:pause|resume)\/?$/i,
  /^\/queues\/api\/queues\/[^/]+\/(?:pause|resume|promote)\/?$/i,
  /^\/queues\/api\/queues\/[^/]+\/retry\/[^/]+\/?$/i,
  /^\/queues\/api\/queues\/[^/]+\/[^/]+\/(?:retry|promote)\/?$/i,
];
const READS = new Set(['GET', 'HEAD']);

/** Whether the dashboard may make this request: every read, and of the changes only a PUT on the allow-list. */
export function allowedDashboardRequest(method: string, path: string): boolean {
  if (READS.has(method)) return true;
  return method === 'PUT' && ALLOWED_CHANGES.some((route) => route.test(path));
}

const SIGN_IN_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Aanmelden nodig</title></head>
<body><h1>Aanmelden nodig</h1><p>Meld je aan als beheerder in <a href="/">Vliegwiel</a> en open deze pagina daarna opnieuw.</p>
<p lang="en">Sign in to Vliegwiel as an admin, then open this page again.</p></body></html>`;

/**
 * In front of everything under /admin: a change from another origin → 403; no valid session cookie →
 * 401 (a browser asking for a page gets a short page pointing at the sign-in); no QueueDashboard
 * permission (admins only) → 403; a change outside the allow-list → 403.
 */
export function adminGate(sessions: SessionTokenService, publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'same-origin');
    try {
      if (!changeFromOwnOrigin(request, publicOrigin)) {
        response.status(403).json(errorBody(403, 'A change to the dashboard must come from its own pages'));
        return;
      }
      const token = sessionCookieValue(request);
      const principal = token === undefined ? null : await sessions.principalFor(token);
      if (!principal) {
        const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
        if (wantsPage) response.status(401).type('html').send(SIGN_IN_PAGE);
        else response.status(401).json(errorBody(401, 'A session cookie is required (POST /api/auth/session)'));
        return;
      }
      if (!may(principal.role, Permission.QueueDashboard)) {
        response.status(403).json(errorBody(403, 'Only admins may use the queue dashboard'));
        return;
      }
      if (!allowedDashboardRequest(request.method, request.path)) {
        response
          .status(403)
          .json(
            errorBody(403, 'The dashboard may only pause, resume, retry and promote; other changes are not allowed'),
          );
        return;
      }
      // For the request log's userId.
      (request as Request & { principal?: Principal }).principal = principal;
      next();
    } catch (error) {
      next(error);
    }
  };
}
