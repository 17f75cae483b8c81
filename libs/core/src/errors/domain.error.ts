/** How a domain error should be understood by any caller; the HTTP filter maps each kind to one status. */
export type ErrorKind =
  'unauthorized' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'unprocessable' | 'too_large' | 'rate_limited';

export interface ErrorDetail {
  field: string;
  problem: string;
  line?: number;
}

/**
 * Libs throw this (never HttpException): the worker has no HTTP.
 * `code` is stable and machine-readable, e.g. `employer.duplicate_kvk`.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string): DomainError {
    return new DomainError('not_found', `${entity}.not_found`, `${entity} not found`);
  }

  static invalid(field: string, problem: string, code = 'validation.invalid'): DomainError {
    return new DomainError('invalid', code, `${field}: ${problem}`, [{ field, problem }]);
  }

  static invalidMany(details: ErrorDetail[]): DomainError {
    return new DomainError(
      'invalid',
      'validation.invalid',
      details.map((d) => `${d.field}: ${d.problem}`).join('; '),
      details,
    );
  }

  static conflict(code: string, message: string, field?: string): DomainError {
    return new DomainError('conflict', code, message, field ? [{ field, problem: message }] : []);
  }

  static forbidden(message = 'Your role may not do this'): DomainError {
    return new DomainError('forbidden', 'auth.forbidden', message);
  }
}
