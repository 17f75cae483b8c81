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
  return { sql: node(filter, bind), params };
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
