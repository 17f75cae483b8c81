import type { Request } from 'express';

/**
 * The route template a request matched (`/api/employers/:id`), so logs and metrics never carry ids,
 * tokens or query strings; the dashboard's many paths become one label and unmatched paths another.
 */
export function routeLabel(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${request.baseUrl ?? ''}${route.path}`;
  const path = request.originalUrl ?? request.url;
  if (/^\/admin\/queues(\/|$|\?)/i.test(path)) return '/admin/queues/*';
  if (/^\/metrics\/?($|\?)/i.test(path)) return '/metrics';
  return '(unmatched)';
}
