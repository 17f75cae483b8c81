import type { IncomingMessage } from 'node:http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const originOf = (value: string): string | null => {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
};

/**
 * CSRF defence for the dashboard (OWASP "verifying origin with standard headers"): a request that
 * changes something must name PUBLIC_URL's origin in `Origin`, or, when a browser sent no Origin, in
 * `Referer`; with neither it is refused. Browsers send Origin on every fetch PUT/POST, so the
 * dashboard's own buttons pass; the SameSite=Strict cookie is the second layer.
 */
export function changeFromOwnOrigin(request: IncomingMessage, publicOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method ?? 'GET')) return true;
  const origin = request.headers.origin;
  if (origin !== undefined) return originOf(origin) === publicOrigin;
  const referer = request.headers.referer;
  return referer !== undefined && originOf(referer) === publicOrigin;
}
