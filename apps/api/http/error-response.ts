import { STATUS_CODES } from 'node:http';
import { ErrorDetail, ErrorKind } from '@app/core';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: ErrorDetail[];
  errorId?: string;
}

/** One status per kind of domain error; the switch is exhaustive, so a new kind cannot be forgotten. */
export function statusForKind(kind: ErrorKind): number {
  switch (kind) {
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'invalid':
      return 400;
    case 'conflict':
      return 409;
    case 'too_large':
      return 413;
    case 'unprocessable':
      return 422;
    case 'rate_limited':
      return 429;
    default: {
      const unknownKind: never = kind;
      throw new Error(`Unmapped error kind ${String(unknownKind)}`);
    }
  }
}

export function errorBody(statusCode: number, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, details };
}
