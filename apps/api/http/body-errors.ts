import type { NextFunction, Request, Response } from 'express';
import { ErrorBody, errorBody } from './error-response';

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

/**
 * The api.md answer to a body-parser failure (413 too large, 400 malformed JSON), or undefined when
 * `error` is not one. Nest wraps these in an HttpException (the parser's error is its `cause`), so
 * the exception filter asks here too.
 */
export function bodyParserErrorBody(error: unknown): ErrorBody | undefined {
  const type = (error as BodyParserError | null | undefined)?.type;
  if (type === 'entity.too.large') return errorBody(413, 'Request body is larger than allowed');
  if (type === 'entity.parse.failed') {
    return errorBody(400, 'The request body is not valid JSON', [{ field: 'body', problem: 'is not valid JSON' }]);
  }
  return undefined;
}

/** For body-parser errors that reach Express without passing Nest's exception layer. */
export function bodyErrorHandler(error: BodyParserError, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const known = bodyParserErrorBody(error);
  if (known) {
    res.status(known.statusCode).json(known);
  } else if (error.status && error.status >= 400 && error.status < 500) {
    res.status(error.status).json(errorBody(error.status, error.message ?? 'Bad request'));
  } else {
    next(error);
  }
}
