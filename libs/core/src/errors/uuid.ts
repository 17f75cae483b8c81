import { DomainError } from './domain.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Guards every id before it reaches a query: TypeORM turns `where: { id: undefined }` into
 * "no condition" and would return the first row.
 */
export function assertUuid(value: unknown, field = 'id'): string {
  if (!isUuid(value)) throw DomainError.invalid(field, 'must be a UUID');
  return value.toLowerCase();
}
