/**
 * Recognises PostgreSQL's unique violation (23505) on a named index without importing TypeORM:
 * TypeORM wraps the driver error as `driverError`.
 */
export function isUniqueViolation(error: unknown, indexName: string): boolean {
  const candidate = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const driver = candidate?.driverError ?? candidate;
  return driver?.code === '23505' && driver?.constraint === indexName;
}

/** Escapes user text for ILIKE (shared with auth, so it lives in core). */
export { likePattern } from '@app/core';
