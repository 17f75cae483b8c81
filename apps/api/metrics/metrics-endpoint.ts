import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { bearerToken } from '../http/bearer';
import { errorBody } from '../http/error-response';
import { MetricsRegistry } from './metrics.registry';

const digest = (text: string) => createHash('sha256').update(text).digest();
// Digests have one length, so neither the comparison nor a length check tells how long the token is.
const sameToken = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/**
 * `GET /metrics` in Prometheus text format for `Authorization: Bearer <METRICS_TOKEN>`; 401 without
 * it or with another token. Without METRICS_TOKEN the endpoint does not exist (404).
 */
export function metricsEndpoint(metrics: MetricsRegistry, token: string | undefined) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    // Mounted at /metrics: only the path itself is ours.
    const exact = request.path === '/' && (request.method === 'GET' || request.method === 'HEAD');
    if (token === undefined || !exact) return next();
    if (!sameToken(bearerToken(request) ?? '', token)) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      response.status(401).json(errorBody(401, 'The metrics token is required'));
      return;
    }
    try {
      const text = await metrics.registry.metrics();
      response.setHeader('Content-Type', metrics.registry.contentType);
      response.setHeader('Cache-Control', 'no-store');
      response.status(200).send(text);
    } catch (error) {
      next(error);
    }
  };
}
