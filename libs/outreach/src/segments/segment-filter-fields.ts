import { LAST_CONTACTED_AT_SQL } from './last-contacted.sql';
import {
  booleanValue,
  instantValue,
  isDateOnly,
  sbiSectionValue,
  sizeClassValue,
  stageValue,
  tagValue,
  uuidValue,
  ValueKind,
} from './segment-filter-values';
import { SegmentField, SegmentOp } from './segment-filter.types';

/** Binds a value as the next parameter and returns its placeholder (`$3`); the only way a value reaches SQL. */
export type Bind = (value: unknown) => string;

/** SQL for one op of a field, over `organisations o`; `value` is already checked, and only ever bound. */
type OpSql = (value: never, bind: Bind) => string;

interface FieldSpec {
  /** The kind of one value (an `in` list holds several); `exists` always takes a boolean. */
  value: ValueKind;
  ops: Partial<Record<SegmentOp, OpSql>>;
}

const AMSTERDAM_MIDNIGHT = (day: string) => `((${day})::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

/** eq/neq/in/nin/exists on a column; NULL counts as "not equal" and "not in". */
function column(sql: string, cast: string): Record<'eq' | 'neq' | 'in' | 'nin' | 'exists', OpSql> {
  return {
    eq: (v: string, bind) => `${sql} = ${bind(v)}::${cast}`,
    neq: (v: string, bind) => `${sql} IS DISTINCT FROM ${bind(v)}::${cast}`,
    in: (v: string[], bind) => `${sql} = ANY(${bind(v)}::${cast}[])`,
    nin: (v: string[], bind) => `(${sql} = ANY(${bind(v)}::${cast}[])) IS NOT TRUE`,
    exists: (v: boolean) => `${sql} IS ${v ? 'NOT ' : ''}NULL`,
  };
}

/**
 * before/after a moment. A date is a whole day in Europe/Amsterdam: `before 2027-03-01` ends at that
 * day's midnight, `after 2027-03-01` starts at the next day's. Both are strict; NULL matches neither.
 */
function moment(sql: string): Record<'before' | 'after', OpSql> {
  return {
    before: (v: string, bind) =>
      isDateOnly(v) ? `${sql} < ${AMSTERDAM_MIDNIGHT(`${bind(v)}::date`)}` : `${sql} < ${bind(v)}::timestamptz`,
    after: (v: string, bind) =>
      isDateOnly(v) ? `${sql} >= ${AMSTERDAM_MIDNIGHT(`${bind(v)}::date + 1`)}` : `${sql} > ${bind(v)}::timestamptz`,
  };
}

/** Existence of a row per employer, optionally narrowed by one extra condition. */
function exists(from: string, where: string): (extra?: string) => string {
  return (extra) => `EXISTS (SELECT 1 FROM ${from} WHERE ${where}${extra ? ` AND ${extra}` : ''})`;
}

// Tags match case-insensitively: `lower_tags` (migration 1764300010000) lower-cases the array, and its GIN
// index organisations_employer_lower_tags answers these instead of unnesting every employer's tags.
const LOWER_TAGS = 'lower_tags(o.tags)';
const TAG_EQ = (bind: string) => `${LOWER_TAGS} @> ARRAY[lower(${bind}::text)]`;
const TAG_IN = (bind: string) => `${LOWER_TAGS} && lower_tags(${bind}::text[])`;

// Active links (no `until`) with an SW-bedrijf of the employer's own region: an id of another region's
// organisation, or of one that is no SW-bedrijf, simply matches nothing.
const SW_LINK = exists(
  'network_links nl JOIN organisations sw ON sw.id = nl.organisation_id',
  `nl.employer_id = o.id AND nl.until IS NULL AND sw.kind = 'sw_company' AND sw.region_id = o.region_id`,
);

const OPEN_TRAJECTORY = exists(
  'trajectories tr',
  `tr.employer_id = o.id AND tr.status NOT IN ('certified', 'stopped')`,
);

/** The fixed map from field to allowed ops and their SQL; nothing else ever becomes SQL text. */
export const FIELD_SPECS: Record<SegmentField, FieldSpec> = {
  // The segment's own region always applies as well, so this can only narrow.
  regionId: { value: uuidValue, ops: pick(column('o.region_id', 'uuid'), 'eq', 'in') },
  stage: { value: stageValue, ops: pick(column('o.stage', 'text'), 'eq', 'neq', 'in', 'nin') },
  sbiSection: {
    value: sbiSectionValue,
    ops: {
      ...column(`(o.sbi_version || ':' || o.sbi_section)`, 'text'),
      // Column by column, so organisations_employer_sector serves it (the joined text matches no index).
      eq: (v: string, bind) => {
        const p = bind(v);
        return `(o.sbi_version = split_part(${p}::text, ':', 1)::smallint AND o.sbi_section = split_part(${p}::text, ':', 2)::char(1))`;
      },
    },
  },
  sizeClass: { value: sizeClassValue, ops: column('o.size_class', 'text') },
  ownerId: { value: uuidValue, ops: column('o.owner_id', 'uuid') },
  tag: {
    value: tagValue,
    ops: {
      eq: (v: string, bind) => TAG_EQ(bind(v)),
      neq: (v: string, bind) => `NOT ${TAG_EQ(bind(v))}`,
      in: (v: string[], bind) => TAG_IN(bind(v)),
      nin: (v: string[], bind) => `NOT ${TAG_IN(bind(v))}`,
      exists: (v: boolean) => `cardinality(o.tags) ${v ? '>' : '='} 0`,
    },
  },
  swNetwork: {
    value: uuidValue,
    ops: {
      eq: (v: string, bind) => SW_LINK(`nl.organisation_id = ${bind(v)}::uuid`),
      neq: (v: string, bind) => `NOT ${SW_LINK(`nl.organisation_id = ${bind(v)}::uuid`)}`,
      in: (v: string[], bind) => SW_LINK(`nl.organisation_id = ANY(${bind(v)}::uuid[])`),
      nin: (v: string[], bind) => `NOT ${SW_LINK(`nl.organisation_id = ANY(${bind(v)}::uuid[])`)}`,
      exists: (v: boolean) => `${v ? '' : 'NOT '}${SW_LINK()}`,
    },
  },
  lastContactedAt: {
    value: instantValue,
    ops: {
      ...moment(LAST_CONTACTED_AT_SQL),
      exists: (v: boolean) => `${LAST_CONTACTED_AT_SQL} IS ${v ? 'NOT ' : ''}NULL`,
    },
  },
  createdAt: { value: instantValue, ops: moment('o.created_at') },
  hasOpenTrajectory: {
    value: booleanValue,
    ops: { eq: (v: boolean) => `${v ? '' : 'NOT '}${OPEN_TRAJECTORY()}` },
  },
};

function pick<K extends SegmentOp>(ops: Partial<Record<SegmentOp, OpSql>>, ...keys: K[]): Partial<Record<K, OpSql>> {
  return Object.fromEntries(keys.map((key) => [key, ops[key]])) as Partial<Record<K, OpSql>>;
}
