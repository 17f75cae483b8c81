import type { NextFunction, Request, Response } from 'express';

/**
 * `GET /` sends a visitor to the API documentation when the web app is not built, and sends API
 * clients that do not ask for a page (curl, `fetch` with `Accept: *\/*`) there too.
 * Installed before the bearer check: the front door needs no token.
 */
export function redirectRootToDocs(request: Request, response: Response, next: NextFunction): void {
  if (request.path === '/' && (request.method === 'GET' || request.method === 'HEAD')) {
    response.redirect(302, '/docs');
    return;
  }
  next();
}
