import type { NextFunction, Request, Response } from 'express';
import type { AppLogger } from '@app/core';
import { requestIdFor } from './request-id';
import { isHealthPath } from '../http/health-path';
import { routeLabel } from './route-label';

// Load balancer probes and scrapes would drown the rest; they still get a request id.
const METRICS_PATH = /^\/metrics\/?$/i;
const unlogged = (path: string) => isHealthPath(path) || METRICS_PATH.test(path);

type LoggedRequest = Request & { id?: string; principal?: { id: string } };

/**
 * A request id for every request (X-Request-Id, echoed) and one JSON line when it ends: id, method,
 * route template, status, milliseconds and the signed-in user's id. Never the path's ids or tokens,
 * the query string, headers or bodies, so no e-mail address or credential gets in. 5xx lines are
 * errors, the rest info. Written by hand rather than with pino-http, whose two child loggers per
 * request (serialising the whole request object) cost more CPU than the rest of a health check.
 */
export function requestLogging(logger: AppLogger) {
  return (request: LoggedRequest, response: Response, next: NextFunction): void => {
    const requestId = requestIdFor(request, response);
    request.id = requestId;
    if (unlogged(request.path)) return next();
    const start = process.hrtime.bigint();
    response.once('close', () => {
      const fields = {
        requestId,
        method: request.method,
        route: routeLabel(request),
        status: response.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10,
        userId: request.principal?.id,
      };
      if (!response.writableFinished) logger.info(fields, 'request aborted');
      else if (response.statusCode >= 500) logger.error(fields, 'request failed');
      else logger.info(fields, 'request completed');
    });
    next();
  };
}
