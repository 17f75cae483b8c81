/**
 * SQL fragments shared by the report repositories. Parameter $1 is always the scope (`uuid[]`, null =
 * every region); the range bounds turn Amsterdam days into instants once, so `at` stays indexable.
 */
export const IN_SCOPE = (column = 'region_id') => `($1::uuid[] IS NULL OR ${column} = ANY($1::uuid[]))`;

/** 00:00 Europe/Amsterdam of the date parameter `$n`. */
export const DAY_START = (n: number) => `($${n}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

/** 00:00 Europe/Amsterdam of the day after the date parameter `$n` (the exclusive end of an inclusive range). */
export const DAY_AFTER = (n: number) => `(($${n}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

/** The pipeline as an SQL array literal, for `array_position` ranks (1 = prospect … 7 = ambassador). */
export const pipelineArray = (stages: readonly string[]) => `ARRAY[${stages.map((s) => `'${s}'`).join(', ')}]::text[]`;

/**
 * One row (employer_id, top) per employer with a row to a pipeline stage dated in the range `$from`…`$to`
 * (parameter numbers): `top` = the highest stage rank it entered in the range (docs/metrics.md "reached").
 * Read from `employer_stage_lasts` (migration 1764300030000): an employer whose pipeline rows all lie before
 * the range's end entered S or later in the range exactly when its last row to S or later is in the range,
 * so its top is the highest such column on or after the range's start. Employers with a pipeline row after
 * the range's end (none for a range up to today, most for a range in the past) are counted from
 * `stage_changes` as before. `scope` is the condition on `region_id` (both tables have the column).
 */
export function reachedTops(stages: readonly string[], scope: string, from: number, to: number): string {
  const start = DAY_START(from);
  const end = DAY_AFTER(to);
  const top = stages
    .map((stage, i) => [stage, i + 1] as const)
    .slice(1)
    .reverse()
    .map(([stage, rank]) => `WHEN ${stage}_at >= ${start} THEN ${rank}`)
    .join(' ');
  const pipeline = pipelineArray(stages);
  const latest = `${stages[0]}_at`; // the latest pipeline row of any stage
  return `SELECT employer_id, max(top) AS top
       FROM (SELECT employer_id, CASE ${top} ELSE 1 END AS top
             FROM employer_stage_lasts
             WHERE ${scope} AND ${latest} >= ${start} AND ${latest} < ${end}
             UNION ALL
             SELECT employer_id, array_position(${pipeline}, to_stage) AS top
             FROM stage_changes
             WHERE ${scope} AND at >= ${start} AND at < ${end} AND to_stage = ANY(${pipeline})
               AND employer_id IN (SELECT employer_id FROM employer_stage_lasts WHERE ${scope} AND ${latest} >= ${end})) r
       GROUP BY employer_id`;
}

/**
 * One row with `r1` … `r7` (bigint): how many employers reached rank ≥ n in the range `$from`…`$to`, for a
 * scope of ONE region (`scope`, a condition on `region_id`). There `employer_stage_lasts` has one row per
 * employer, and the employers counted from it (latest pipeline row before the range's end) and those counted
 * from `stage_changes` (a row after it) are disjoint, so neither side needs grouping by employer; and since
 * each `<stage>_at` is a maximum over a superset of the next stage's rows, "top ≥ n" is "the n-th column is on
 * or after the range's start". Same counts as `reachedTops` (which a scope of several regions still needs:
 * an employer with rows in two regions counts once there).
 */
export function reachedCountsInOneRegion(stages: readonly string[], scope: string, from: number, to: number): string {
  const start = DAY_START(from);
  const end = DAY_AFTER(to);
  const pipeline = pipelineArray(stages);
  const fromLasts = stages.map((stage, i) =>
    i === 0 ? `count(*) AS r1` : `count(*) FILTER (WHERE ${stage}_at >= ${start}) AS r${i + 1}`,
  );
  const fromChanges = stages.map((_, i) => `count(*) FILTER (WHERE top >= ${i + 1})`);
  return `SELECT ${stages.map((_, i) => `sum(r${i + 1}) AS r${i + 1}`).join(', ')}
       FROM (SELECT ${fromLasts.join(', ')}
             FROM employer_stage_lasts
             WHERE ${scope} AND ${stages[0]}_at >= ${start} AND ${stages[0]}_at < ${end}
             UNION ALL
             SELECT ${fromChanges.join(', ')}
             FROM (SELECT employer_id, max(array_position(${pipeline}, to_stage)) AS top
                   FROM stage_changes
                   WHERE ${scope} AND at >= ${start} AND at < ${end} AND to_stage = ANY(${pipeline})
                     AND employer_id IN (SELECT employer_id FROM employer_stage_lasts
                                         WHERE ${scope} AND ${stages[0]}_at >= ${end})
                   GROUP BY employer_id) t) c`;
}
