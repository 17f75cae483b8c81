import type { NextFunction, Request, Response } from 'express';
import { routeLabel } from '../logging/route-label';
import { MetricsRegistry } from './metrics.registry';

/** Times every request into `http_request_duration_seconds` by route template, method and status. */
export function httpMetrics(metrics: MetricsRegistry) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.httpDuration.observe(
        { method: request.method, route: routeLabel(request), status_code: String(response.statusCode) },
        seconds,
      );
    });
    next();
  };
}
