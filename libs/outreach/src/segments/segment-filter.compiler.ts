import { DomainError } from '@app/core';
import { Bind, FIELD_SPECS } from './segment-filter-fields';
import { parseSegmentFilter } from './segment-filter-parse';
import { CompiledFilter, SegmentCondition, SegmentFilter, SegmentNode } from './segment-filter.types';

/**
 * Compiles a filter (as sent, any JSON) to ONE parameterised SQL condition over `organisations o`,
 * with `$1…$n` placeholders for `params`. SQL text comes only from the fixed field map; every value is
 * a parameter. An invalid filter is a 400 naming each problem's path (`filter.all[2].op`).
 * The caller adds the employer kind and the segment's region.
 */
export function compileSegmentFilter(raw: unknown): CompiledFilter {
  const { filter, errors } = parseSegmentFilter(raw);
  if (errors.length > 0) throw DomainError.invalidMany(errors);
  return compileChecked(filter);
}

function compileChecked(filter: SegmentFilter): CompiledFilter {
  const params: unknown[] = [];
  const bind: Bind = (value) => `$${params.push(value)}`;
  const onlyTags = tagsAlone(filter);
  return { sql: node(filter, bind), params, ...(onlyTags ? { onlyTags } : {}) };
}

/**
 * The tags of a filter that is nothing but one `tag eq` or `tag in` (groups of one around it change nothing):
 * such a count is answered by `employer_tags` alone (docs/benchmarks.md, c), without reading any employer.
 */
function tagsAlone(item: SegmentNode): string[] | null {
  if ('all' in item) return item.all.length === 1 ? tagsAlone(item.all[0]) : null;
  if ('any' in item) return item.any.length === 1 ? tagsAlone(item.any[0]) : null;
  if (item.field !== 'tag') return null;
  if (item.op === 'eq') return [item.value as string];
  if (item.op === 'in') return [...(item.value as string[])];
  return null;
}

function node(item: SegmentNode, bind: Bind): string {
  if ('all' in item) return join(item.all, ' AND ', 'TRUE', bind);
  if ('any' in item) return join(item.any, ' OR ', 'FALSE', bind);
  return condition(item, bind);
}

function join(items: SegmentNode[], operator: string, empty: string, bind: Bind): string {
  if (items.length === 0) return empty;
  return `(${items.map((item) => node(item, bind)).join(operator)})`;
}

function condition({ field, op, value }: SegmentCondition, bind: Bind): string {
  const sql = FIELD_SPECS[field].ops[op];
  // parseSegmentFilter only lets allowed ops through; a stored filter that no longer fits is a bug.
  if (!sql) throw new Error(`Segment filter: ${field} has no op ${op}`);
  return (sql as (value: unknown, bind: Bind) => string)(value, bind);
}
