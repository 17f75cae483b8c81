import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-response';

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

/**
 * Body-parser errors happen before Nest routes a request, so its filters never see them:
 * a body over the limit is 413, malformed JSON is 400, both in the api.md format.
 */
export function bodyErrorHandler(error: BodyParserError, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.too.large') {
    res.status(413).json(errorBody(413, 'Request body is larger than allowed'));
  } else if (error.type === 'entity.parse.failed') {
    res.status(400).json(errorBody(400, 'Malformed JSON body', [{ field: 'body', problem: 'is not valid JSON' }]));
  } else if (error.status && error.status >= 400 && error.status < 500) {
    res.status(error.status).json(errorBody(error.status, error.message ?? 'Bad request'));
  } else {
    next(error);
  }
}
