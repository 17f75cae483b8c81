import { DomainError } from '../errors/domain.error';

export interface SortKey<F extends string = string> {
  field: F;
  direction: 'ASC' | 'DESC';
}

export interface PageRequest<F extends string = string> {
  page: number;
  pageSize: number;
  sort: SortKey<F>[];
}

/** The shape of every list answer (api.md "Conventions"). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 500;

/**
 * Parses `?page=&pageSize=&sort=field,-other` against a sort allowlist; anything else is a 400
 * naming the parameter.
 */
export function pageRequest<F extends string>(
  query: { page?: string | number; pageSize?: string | number; sort?: string },
  allowedSort: readonly F[],
  defaultSort: SortKey<F>[],
): PageRequest<F> {
  const page = positiveInteger(query.page, 'page', 1, Number.MAX_SAFE_INTEGER);
  const pageSize = positiveInteger(query.pageSize, 'pageSize', 50, MAX_PAGE_SIZE);
  const sort: SortKey<F>[] = [];
  if (query.sort !== undefined && query.sort !== '') {
    for (const part of String(query.sort).split(',')) {
      const descending = part.startsWith('-');
      const field = (descending ? part.slice(1) : part).trim();
      if (!(allowedSort as readonly string[]).includes(field)) {
        throw DomainError.invalid('sort', `cannot sort by "${field}"; allowed: ${allowedSort.join(', ')}`);
      }
      sort.push({ field: field as F, direction: descending ? 'DESC' : 'ASC' });
    }
  }
  return { page, pageSize, sort: sort.length > 0 ? sort : defaultSort };
}

function positiveInteger(raw: string | number | undefined, field: string, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw DomainError.invalid(field, `must be a whole number from 1 to ${max}`);
  }
  return value;
}

export function pageOf<T>(items: T[], total: number, request: { page: number; pageSize: number }): Page<T> {
  return { items, total, page: request.page, pageSize: request.pageSize };
}
