import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@app/core';
import type { Response } from 'express';
import { bodyParserErrorBody } from './body-errors';
import { ErrorBody, errorBody, statusForKind } from './error-response';

/** Maps every error to the api.md error format; anything unexpected is a 500 with a logged id. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (response.headersSent) {
      // Part of the answer is out (a streamed export): ending it would pass a truncated body off as
      // complete, so the connection is broken off instead and the client sees a failed transfer.
      response.destroy();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody & { code?: string } {
    if (exception instanceof DomainError) {
      // `code` (an extra field api.md allows) lets a client word the error in its own language.
      return {
        ...errorBody(statusForKind(exception.kind), exception.message, exception.details),
        code: exception.code,
      };
    }
    if (exception instanceof HttpException) {
      const fromBodyParser = bodyParserErrorBody(exception.cause);
      if (fromBodyParser) return fromBodyParser;
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      return errorBody(status, message);
    }
    const errorId = randomUUID();
    this.logger.error(`Unexpected error ${errorId}`, exception instanceof Error ? exception.stack : String(exception));
    return { ...errorBody(500, `Internal error; reference ${errorId}`), errorId };
  }
}
