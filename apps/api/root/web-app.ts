import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { projectPath } from '@app/core';
import { redirectRootToDocs } from './root-redirect';

/** Where `vite build apps/web` writes the web app (vite.config.ts: build.outDir). */
export const WEB_APP_DIR = projectPath('dist/web');

// Paths the api answers itself; everything else that asks for a page is the web app's (deep links).
const API_PATHS = /^\/(api|docs|u|metrics|admin)(\/|-|$)/i;

// The web app loads only its own files and talks only to its own origin. Inline styles are allowed
// (never scripts) because the template preview shows the rendered e-mail, whose HTML carries `style`
// attributes, in an `<iframe srcdoc>`, and a srcdoc document inherits this policy. A deliberate trade-off:
// injected CSS can restyle a page but run nothing; tests/security/web-app-csp.test.ts pins the rest.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/**
 * Serves the built web app at `/`: its hashed assets, and index.html for any page a browser asks
 * for, so deep links such as /werkgevers/<id> work. Installed before the bearer check: the front door
 * needs no token (the app signs in itself). Without a build (unit and e2e tests, an api-only image)
 * `/` keeps sending visitors to the API documentation.
 */
export function serveWebApp(app: NestExpressApplication, directory: string = WEB_APP_DIR): void {
  const index = path.join(directory, 'index.html');
  if (!existsSync(index)) {
    app.use(redirectRootToDocs);
    return;
  }
  // Mounted at /assets only, so api requests never pay for a file-system lookup.
  app.useStaticAssets(path.join(directory, 'assets'), {
    prefix: '/assets/',
    index: false,
    fallthrough: true,
    // Vite puts a content hash in every file name under assets/: they never change, so browsers may keep them.
    setHeaders: (response: Response) => response.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
  });
  app.use(webAppPages(index));
}

/** index.html for GET/HEAD requests that ask for a page (Accept names text/html) outside the api's paths. */
export function webAppPages(index: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const page = request.method === 'GET' || request.method === 'HEAD';
    if (!page || API_PATHS.test(request.path)) return next();
    // Only an explicit text/html: API clients (curl, fetch with */*) asking for / still get the docs.
    if (!(request.headers.accept ?? '').toLowerCase().includes('text/html'))
      return redirectRootToDocs(request, response, next);
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.sendFile(index);
  };
}
