/** The filter language of segments (api.md "Outreach"). */
export const SEGMENT_FIELDS = [
  'regionId',
  'stage',
  'sbiSection',
  'sizeClass',
  'tag',
  'swNetwork',
  'ownerId',
  'lastContactedAt',
  'createdAt',
  'hasOpenTrajectory',
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

export const SEGMENT_OPS = ['eq', 'neq', 'in', 'nin', 'before', 'after', 'exists'] as const;
export type SegmentOp = (typeof SEGMENT_OPS)[number];

/** Groups nested in groups, the root group being level 1. */
export const MAX_FILTER_DEPTH = 5;
export const MAX_FILTER_CONDITIONS = 100;
export const MAX_FILTER_GROUPS = 50;
/** Values of one `in` / `nin` condition. */
export const MAX_LIST_VALUES = 500;

/** A checked value: one scalar, a list for `in`/`nin`, a boolean for `exists` and `hasOpenTrajectory`. */
export type SegmentValue = string | boolean | string[];

export interface SegmentCondition {
  field: SegmentField;
  op: SegmentOp;
  value: SegmentValue;
}

export type SegmentGroup = { all: SegmentNode[] } | { any: SegmentNode[] };
export type SegmentNode = SegmentGroup | SegmentCondition;

/** A whole filter is a group; `{ all: [] }` selects every employer of the segment's region. */
export type SegmentFilter = SegmentGroup;

/** One condition with where it sits in the request (`filter.all[2]`), for errors found later. */
export interface LocatedCondition extends SegmentCondition {
  path: string;
}

/** Parameterised SQL over `organisations o`: `sql` holds `$1…$n`, never a value. */
export interface CompiledFilter {
  sql: string;
  params: unknown[];
  /**
   * Set when the whole filter is one `tag eq` or `tag in` condition (alone in its groups): the tags (as written;
   * matched case-insensitively) whose employers it selects, so a count can read `employer_tags` alone.
   */
  onlyTags?: string[];
}
