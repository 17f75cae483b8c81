import { ErrorDetail } from '@app/core';
import { FIELD_SPECS } from './segment-filter-fields';
import {
  LocatedCondition,
  MAX_FILTER_CONDITIONS,
  MAX_FILTER_DEPTH,
  MAX_FILTER_GROUPS,
  MAX_LIST_VALUES,
  SEGMENT_FIELDS,
  SegmentCondition,
  SegmentField,
  SegmentFilter,
  SegmentNode,
  SegmentOp,
  SegmentValue,
} from './segment-filter.types';

export interface ParsedFilter {
  /** The checked, normalised filter (what is stored); meaningful only when `errors` is empty. */
  filter: SegmentFilter;
  /** Every well-formed condition with its path, for the checks that need the database (regions, SBI). */
  conditions: LocatedCondition[];
  errors: ErrorDetail[];
}

/**
 * Checks a filter as sent (any JSON) against the field/op allowlist, value types and size limits,
 * collecting every problem with its path (`filter.all[2].op`). Pure: no I/O.
 */
export function parseSegmentFilter(raw: unknown, path = 'filter'): ParsedFilter {
  const state: State = { errors: [], conditions: [], groups: 0, full: false };
  const root = group(raw, path, 1, state);
  return { filter: root ?? { all: [] }, conditions: state.conditions, errors: state.errors };
}

interface State {
  errors: ErrorDetail[];
  conditions: LocatedCondition[];
  groups: number;
  /** Set once a limit is reached: the rest is not read, so a huge body costs no more than a full one. */
  full: boolean;
}

const EMPTY_GROUP = 'must hold at least one condition';
/** Enough to fix a filter; a body of thousands of mistakes gets no longer answer. */
const MAX_ERRORS = 50;
const NODE_SHAPE = 'must be a group { all: [...] } or { any: [...] }';

function group(raw: unknown, path: string, depth: number, state: State): SegmentFilter | null {
  if (!isObject(raw)) return invalid(state, path, NODE_SHAPE);
  const keys = Object.keys(raw);
  if (keys.length !== 1 || (keys[0] !== 'all' && keys[0] !== 'any')) return invalid(state, path, NODE_SHAPE);
  const key = keys[0];
  const itemsPath = `${path}.${key}`;
  if (depth > MAX_FILTER_DEPTH) return invalid(state, path, `nests deeper than ${MAX_FILTER_DEPTH} levels`);
  if (++state.groups > MAX_FILTER_GROUPS) return limit(state, path, `at most ${MAX_FILTER_GROUPS} groups`);
  const items = raw[key];
  if (!Array.isArray(items)) return invalid(state, itemsPath, 'must be a list');
  const nodes: SegmentNode[] = [];
  for (let index = 0; index < items.length && !state.full; index++) {
    const node = item(items[index], `${itemsPath}[${index}]`, depth, state);
    if (node) nodes.push(node);
  }
  // `{ all: [] }` is "every employer" at the top; any other empty group is a mistake.
  if (items.length === 0 && (depth > 1 || key === 'any')) return invalid(state, itemsPath, EMPTY_GROUP);
  return key === 'all' ? { all: nodes } : { any: nodes };
}

function item(raw: unknown, path: string, depth: number, state: State): SegmentNode | null {
  if (isObject(raw) && ('all' in raw || 'any' in raw)) return group(raw, path, depth + 1, state);
  if (!isObject(raw) || !('field' in raw)) {
    return invalid(state, path, 'must be a condition { field, op, value } or a group { all } / { any }');
  }
  if (state.conditions.length >= MAX_FILTER_CONDITIONS) {
    return limit(state, path, `at most ${MAX_FILTER_CONDITIONS} conditions`);
  }
  return condition(raw, path, state);
}

function condition(raw: Record<string, unknown>, path: string, state: State): SegmentCondition | null {
  const before = state.errors.length;
  const extra = Object.keys(raw).filter((key) => !['field', 'op', 'value'].includes(key));
  for (const key of extra.slice(0, 5)) invalid(state, `${path}.${key}`, 'is not allowed');
  const field = raw.field;
  if (typeof field !== 'string' || !(SEGMENT_FIELDS as readonly string[]).includes(field)) {
    return invalid(state, `${path}.field`, `must be one of ${SEGMENT_FIELDS.join(', ')}`);
  }
  const spec = FIELD_SPECS[field as SegmentField];
  const ops = Object.keys(spec.ops);
  if (typeof raw.op !== 'string' || !ops.includes(raw.op)) {
    return invalid(state, `${path}.op`, `must be one of ${ops.join(', ')} for ${field}`);
  }
  const op = raw.op as SegmentOp;
  const value = checkValue(field as SegmentField, op, raw.value, `${path}.value`, state);
  if (value === null || state.errors.length > before) return null;
  const checked: SegmentCondition = { field: field as SegmentField, op, value };
  state.conditions.push({ ...checked, path });
  return checked;
}

function checkValue(field: SegmentField, op: SegmentOp, raw: unknown, path: string, state: State): SegmentValue | null {
  const kind = FIELD_SPECS[field].value;
  if (raw === undefined) return invalid(state, path, 'is required');
  if (op === 'exists') return typeof raw === 'boolean' ? raw : invalid(state, path, 'must be true or false');
  if (op !== 'in' && op !== 'nin') {
    const result = kind(raw);
    return result.ok ? result.value : invalid(state, path, result.problem);
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_LIST_VALUES) {
    return invalid(state, path, `must be a list of 1 to ${MAX_LIST_VALUES} values`);
  }
  const values: string[] = [];
  raw.forEach((entry, index) => {
    const result = kind(entry);
    if (!result.ok) invalid(state, `${path}[${index}]`, result.problem);
    else values.push(String(result.value));
  });
  return values;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(state: State, field: string, problem: string): null {
  state.errors.push({ field, problem });
  if (state.errors.length >= MAX_ERRORS) state.full = true;
  return null;
}

function limit(state: State, field: string, problem: string): null {
  state.full = true;
  return invalid(state, field, problem);
}
