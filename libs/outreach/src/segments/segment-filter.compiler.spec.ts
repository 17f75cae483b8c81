import { DomainError } from '@app/core';
import { LAST_CONTACTED_AT_SQL } from './last-contacted.sql';
import { compileSegmentFilter } from './segment-filter.compiler';

const ID = '5f0c6f1e-2a7b-4c1d-9e3f-0123456789ab';
const ID2 = '6a1d7e2f-3b8c-4d2e-8f40-123456789abc';
const SW = `EXISTS (SELECT 1 FROM network_links nl JOIN organisations sw ON sw.id = nl.organisation_id WHERE nl.employer_id = o.id AND nl.until IS NULL AND sw.kind = 'sw_company' AND sw.region_id = o.region_id`;
const OPEN = `EXISTS (SELECT 1 FROM trajectories tr WHERE tr.employer_id = o.id AND tr.status NOT IN ('certified', 'stopped'))`;
const SBI = `(o.sbi_version || ':' || o.sbi_section)`;
const LAST = LAST_CONTACTED_AT_SQL;
const DAY = (p: string) => `((${p})::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

/** One condition alone, so the SQL is the field's fragment in brackets. */
const one = (field: string, op: string, value: unknown) => compileSegmentFilter({ all: [{ field, op, value }] });

function refusal(filter: unknown): { field: string; problem: string }[] {
  try {
    compileSegmentFilter(filter);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('invalid');
    return (error as DomainError).details;
  }
  throw new Error('expected the filter to be refused');
}

describe('compileSegmentFilter', () => {
  const cases: [string, string, unknown, string, unknown[]][] = [
    ['regionId', 'eq', ID.toUpperCase(), 'o.region_id = $1::uuid', [ID]],
    ['regionId', 'in', [ID, ID2], 'o.region_id = ANY($1::uuid[])', [[ID, ID2]]],
    ['stage', 'eq', 'prospect', 'o.stage = $1::text', ['prospect']],
    ['stage', 'neq', 'paused', 'o.stage IS DISTINCT FROM $1::text', ['paused']],
    ['stage', 'in', ['prospect', 'contacted'], 'o.stage = ANY($1::text[])', [['prospect', 'contacted']]],
    ['stage', 'nin', ['not_interested'], '(o.stage = ANY($1::text[])) IS NOT TRUE', [['not_interested']]],
    [
      'sbiSection',
      'eq',
      '2025:q',
      `(o.sbi_version = split_part($1::text, ':', 1)::smallint AND o.sbi_section = split_part($1::text, ':', 2)::char(1))`,
      ['2025:Q'],
    ],
    ['sbiSection', 'neq', '2008:P', `${SBI} IS DISTINCT FROM $1::text`, ['2008:P']],
    ['sbiSection', 'in', ['2025:Q', '2008:P'], `${SBI} = ANY($1::text[])`, [['2025:Q', '2008:P']]],
    ['sbiSection', 'nin', ['2025:Q'], `(${SBI} = ANY($1::text[])) IS NOT TRUE`, [['2025:Q']]],
    ['sbiSection', 'exists', false, `${SBI} IS NULL`, []],
    ['sizeClass', 'eq', 'small', 'o.size_class = $1::text', ['small']],
    ['sizeClass', 'neq', 'large', 'o.size_class IS DISTINCT FROM $1::text', ['large']],
    ['sizeClass', 'in', ['micro', 'small'], 'o.size_class = ANY($1::text[])', [['micro', 'small']]],
    ['sizeClass', 'nin', ['large'], '(o.size_class = ANY($1::text[])) IS NOT TRUE', [['large']]],
    ['sizeClass', 'exists', true, 'o.size_class IS NOT NULL', []],
    ['ownerId', 'eq', ID, 'o.owner_id = $1::uuid', [ID]],
    ['ownerId', 'neq', ID, 'o.owner_id IS DISTINCT FROM $1::uuid', [ID]],
    ['ownerId', 'in', [ID], 'o.owner_id = ANY($1::uuid[])', [[ID]]],
    ['ownerId', 'nin', [ID], '(o.owner_id = ANY($1::uuid[])) IS NOT TRUE', [[ID]]],
    ['ownerId', 'exists', false, 'o.owner_id IS NULL', []],
    ['tag', 'eq', '  Horeca   Noord ', 'lower_tags(o.tags) @> ARRAY[lower($1::text)]', ['Horeca Noord']],
    ['tag', 'neq', 'x', 'NOT lower_tags(o.tags) @> ARRAY[lower($1::text)]', ['x']],
    ['tag', 'in', ['a', 'b'], 'lower_tags(o.tags) && lower_tags($1::text[])', [['a', 'b']]],
    ['tag', 'nin', ['a'], 'NOT lower_tags(o.tags) && lower_tags($1::text[])', [['a']]],
    ['tag', 'exists', true, 'cardinality(o.tags) > 0', []],
    ['tag', 'exists', false, 'cardinality(o.tags) = 0', []],
    ['swNetwork', 'eq', ID, `${SW} AND nl.organisation_id = $1::uuid)`, [ID]],
    ['swNetwork', 'neq', ID, `NOT ${SW} AND nl.organisation_id = $1::uuid)`, [ID]],
    ['swNetwork', 'in', [ID, ID2], `${SW} AND nl.organisation_id = ANY($1::uuid[]))`, [[ID, ID2]]],
    ['swNetwork', 'nin', [ID], `NOT ${SW} AND nl.organisation_id = ANY($1::uuid[]))`, [[ID]]],
    ['swNetwork', 'exists', true, `${SW})`, []],
    ['swNetwork', 'exists', false, `NOT ${SW})`, []],
    ['lastContactedAt', 'before', '2027-03-01', `${LAST} < ${DAY('$1::date')}`, ['2027-03-01']],
    ['lastContactedAt', 'after', '2027-03-01', `${LAST} >= ${DAY('$1::date + 1')}`, ['2027-03-01']],
    [
      'lastContactedAt',
      'before',
      '2027-03-01T09:00:00+01:00',
      `${LAST} < $1::timestamptz`,
      ['2027-03-01T09:00:00+01:00'],
    ],
    ['lastContactedAt', 'after', '2027-03-01T08:00Z', `${LAST} > $1::timestamptz`, ['2027-03-01T08:00Z']],
    ['lastContactedAt', 'exists', false, `${LAST} IS NULL`, []],
    ['createdAt', 'before', '2026-12-31', `o.created_at < ${DAY('$1::date')}`, ['2026-12-31']],
    [
      'createdAt',
      'after',
      '2026-12-31T23:59:59.5+01:00',
      'o.created_at > $1::timestamptz',
      ['2026-12-31T23:59:59.5+01:00'],
    ],
    ['hasOpenTrajectory', 'eq', true, OPEN, []],
    ['hasOpenTrajectory', 'eq', false, `NOT ${OPEN}`, []],
  ];

  it.each(cases)('should compile %s %s %j to its fragment when the op is allowed', (field, op, value, sql, params) => {
    const compiled = one(field, op, value);
    expect({ sql: compiled.sql, params: compiled.params }).toEqual({ sql: `(${sql})`, params });
  });

  it('should name the tags of a filter that is one tag eq or in alone, so the count can read employer_tags', () => {
    expect(one('tag', 'eq', ' Bouw ').onlyTags).toEqual(['Bouw']);
    expect(one('tag', 'in', ['Bouw', 'zorg']).onlyTags).toEqual(['Bouw', 'zorg']);
    expect(compileSegmentFilter({ any: [{ all: [{ field: 'tag', op: 'eq', value: 'x' }] }] }).onlyTags).toEqual(['x']);
    // Anything more, or another op, is counted over organisations.
    expect(one('tag', 'neq', 'x').onlyTags).toBeUndefined();
    expect(one('tag', 'nin', ['x']).onlyTags).toBeUndefined();
    expect(one('tag', 'exists', true).onlyTags).toBeUndefined();
    expect(one('stage', 'eq', 'prospect').onlyTags).toBeUndefined();
    expect(compileSegmentFilter({ all: [] }).onlyTags).toBeUndefined();
    const two = [
      { field: 'tag', op: 'eq', value: 'x' },
      { field: 'tag', op: 'eq', value: 'y' },
    ];
    expect(compileSegmentFilter({ all: two }).onlyTags).toBeUndefined();
    expect(compileSegmentFilter({ any: two }).onlyTags).toBeUndefined();
    expect(
      compileSegmentFilter({
        all: [
          { field: 'tag', op: 'eq', value: 'x' },
          { field: 'stage', op: 'eq', value: 'prospect' },
        ],
      }).onlyTags,
    ).toBeUndefined();
  });

  it('should read lastContactedAt from logged calls, meetings and e-mails but not notes when no other source exists', () => {
    expect(LAST).toBe(
      `GREATEST((SELECT max(a.at) FROM activities a WHERE a.employer_id = o.id AND a.type IN ('call', 'meeting', 'email')))`,
    );
  });

  it('should join nested groups with AND / OR and number parameters in order when groups nest', () => {
    const compiled = compileSegmentFilter({
      all: [
        { field: 'stage', op: 'eq', value: 'prospect' },
        {
          any: [
            { field: 'sizeClass', op: 'eq', value: 'small' },
            { all: [{ field: 'tag', op: 'exists', value: true }] },
          ],
        },
        { field: 'ownerId', op: 'in', value: [ID, ID] },
      ],
    });
    expect(compiled).toEqual({
      sql: '(o.stage = $1::text AND (o.size_class = $2::text OR (cardinality(o.tags) > 0)) AND o.owner_id = ANY($3::uuid[]))',
      params: ['prospect', 'small', [ID, ID]],
    });
  });

  it('should select everything when the root is an empty all group', () => {
    expect(compileSegmentFilter({ all: [] })).toEqual({ sql: 'TRUE', params: [] });
  });

  it('should keep every value out of the SQL text when a value carries SQL', () => {
    const evil = `x'; DROP TABLE organisations; --`;
    const compiled = compileSegmentFilter({
      any: [
        { field: 'tag', op: 'eq', value: evil },
        { field: 'tag', op: 'nin', value: [evil, 'ok'] },
      ],
    });
    expect(compiled.sql).not.toContain('DROP');
    expect(compiled.sql).not.toContain("x'");
    expect(compiled.params).toEqual([evil, [evil, 'ok']]);
    expect(refusal({ all: [{ field: 'stage', op: 'eq', value: evil }] })).toEqual([
      { field: 'filter.all[0].value', problem: expect.stringContaining('must be one of') },
    ]);
  });

  it('should name the path of each problem when fields, ops or values are wrong', () => {
    expect(
      refusal({
        all: [
          { field: 'stage', op: 'eq', value: 'prospect' },
          { field: 'password', op: 'eq', value: 'x' },
          { field: 'stage', op: 'before', value: 'prospect' },
          { any: [{ field: 'ownerId', op: 'in', value: [ID, 'nope'] }] },
          { field: 'createdAt', op: 'after', value: '2027-02-30' },
          { field: 'hasOpenTrajectory', op: 'eq', value: 'true' },
          { field: 'tag', op: 'exists', value: 1 },
          { field: 'stage', op: 'in', value: [] },
          { field: 'stage', op: 'eq', value: 'prospect', extra: 1 },
          { field: 'sizeClass', op: 'eq' },
        ],
      }),
    ).toEqual([
      { field: 'filter.all[1].field', problem: expect.stringContaining('must be one of regionId, stage') },
      { field: 'filter.all[2].op', problem: 'must be one of eq, neq, in, nin for stage' },
      { field: 'filter.all[3].any[0].value[1]', problem: 'must be a UUID' },
      { field: 'filter.all[4].value', problem: expect.stringContaining('must be a date') },
      { field: 'filter.all[5].value', problem: 'must be true or false' },
      { field: 'filter.all[6].value', problem: 'must be true or false' },
      { field: 'filter.all[7].value', problem: 'must be a list of 1 to 500 values' },
      { field: 'filter.all[8].extra', problem: 'is not allowed' },
      { field: 'filter.all[9].value', problem: 'is required' },
    ]);
  });

  it('should refuse ops outside a field allowlist when the op exists elsewhere', () => {
    expect(refusal({ all: [{ field: 'regionId', op: 'neq', value: ID }] })[0].field).toBe('filter.all[0].op');
    expect(refusal({ all: [{ field: 'createdAt', op: 'exists', value: true }] })[0].field).toBe('filter.all[0].op');
    expect(refusal({ all: [{ field: 'hasOpenTrajectory', op: 'in', value: [true] }] })[0].field).toBe(
      'filter.all[0].op',
    );
  });

  it('should refuse malformed shapes when the filter is not a group of conditions', () => {
    expect(refusal(null)).toEqual([{ field: 'filter', problem: expect.stringContaining('must be a group') }]);
    expect(refusal({ field: 'stage', op: 'eq', value: 'prospect' })[0].field).toBe('filter');
    expect(refusal({ all: [], any: [] })[0].field).toBe('filter');
    expect(refusal({ all: 'stage' })).toEqual([{ field: 'filter.all', problem: 'must be a list' }]);
    expect(refusal({ any: [] })).toEqual([{ field: 'filter.any', problem: 'must hold at least one condition' }]);
    expect(refusal({ all: [{ any: [] }] })).toEqual([
      { field: 'filter.all[0].any', problem: 'must hold at least one condition' },
    ]);
    expect(refusal({ all: [42, 'x'] }).map((d) => d.field)).toEqual(['filter.all[0]', 'filter.all[1]']);
  });

  it('should refuse sbiSection and dates when they are not in the documented form', () => {
    expect(refusal({ all: [{ field: 'sbiSection', op: 'eq', value: 'Q' }] })[0].problem).toBe(
      'must look like 2025:Q or 2008:P',
    );
    for (const value of ['2027-3-1', '2027-03-01T09:00:00', '1899-12-31', '2027-03-01T25:00Z', 20270301]) {
      expect(refusal({ all: [{ field: 'lastContactedAt', op: 'before', value }] })[0].field).toBe(
        'filter.all[0].value',
      );
    }
  });

  it('should accept five levels and refuse the sixth when groups nest deeper', () => {
    const nest = (levels: number): unknown =>
      levels === 1 ? { all: [{ field: 'tag', op: 'exists', value: true }] } : { any: [nest(levels - 1)] };
    expect(compileSegmentFilter(nest(5)).sql).toBe('(((((cardinality(o.tags) > 0)))))');
    expect(refusal(nest(6))).toEqual([
      { field: 'filter.any[0].any[0].any[0].any[0].any[0]', problem: 'nests deeper than 5 levels' },
    ]);
  });

  it('should accept 100 conditions and refuse the 101st when a filter grows too large', () => {
    const conditions = (n: number) =>
      Array.from({ length: n }, () => ({ field: 'stage', op: 'eq', value: 'prospect' }));
    expect(compileSegmentFilter({ all: conditions(100) }).params).toHaveLength(100);
    expect(refusal({ all: conditions(100_000) })).toEqual([
      { field: 'filter.all[100]', problem: 'at most 100 conditions' },
    ]);
  });

  it('should stop at 50 problems when a filter holds thousands of mistakes', () => {
    expect(refusal({ all: Array.from({ length: 10_000 }, () => 1) })).toHaveLength(50);
  });

  it('should refuse more than 50 groups when groups are used to grow a filter', () => {
    const groups = Array.from({ length: 60 }, () => ({ all: [{ field: 'tag', op: 'exists', value: true }] }));
    expect(refusal({ any: groups })).toEqual([{ field: 'filter.any[49]', problem: 'at most 50 groups' }]);
  });
});
