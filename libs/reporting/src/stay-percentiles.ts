import { PIPELINE_STAGES, ReportRange } from './report.types';
import { DAY_AFTER, DAY_START, IN_SCOPE, pipelineArray } from './report-sql';

/**
 * The funnel's days in stage (docs/metrics.md): per pipeline stage, the median and p75 (`percentile_cont`) of
 * the lengths in days of the stays that began in the range, a stay lasting until the employer's next row or,
 * for its current one, until `now` ($4); stays of zero length are left out.
 *
 * Exact, without sorting every stay of the range. `stay_length_counts` (migration 1764300041000) counts the
 * ended stays per stage, Amsterdam month of their start and whole days of their length, so per stage the
 * count in each whole-day bucket is the counts of the range's whole months ($5 ≤ month < $6), plus the ended
 * stays of its partial months at either end, plus its ongoing stays. Ongoing stays are not grouped row by row
 * (a hash of every one into its bucket): per stage their starts come as one sorted array, and bucket k's count
 * is the difference of two binary searches (`width_bucket`) for its bounds, the starts in
 * (now − (k + 1)·86,400 s, now − k·86,400 s]. Those are exactly the stays whose days floor to k: `now − t` is
 * whole days and a remainder under a day, a microsecond short of one at most, far more than float8's rounding
 * of the epoch ÷ 86,400. The bucket each wanted rank falls in is then read alone (the index on the length's
 * bucket for ended stays, the ongoing index between the bucket's bounds), sorted only as far as the highest
 * wanted rank, and the two neighbouring values are interpolated as `percentile_cont` does
 * (`lo + (pos − ⌊pos⌋)·(hi − lo)`, pos = p·(n − 1), in float8: the same value to the last bit).
 *
 * Parameters: $1 scope, $2 from, $3 to, $4 now, $5 first whole month, $6 the month after the last whole one
 * (see `wholeMonths`). Rows: (stage, q) in pipeline order, q = [median, p75] or null without stays.
 */
const DAYS = `date_part('epoch', left_at - at) / 86400`;
const ENDED = `left_at IS NOT NULL AND ${DAYS} > 0`; // the partial index's predicate, verbatim
const ONGOING_DAYS = `date_part('epoch', $4::timestamptz - at) / 86400`;
// Seconds, not days, so that no daylight-saving change moves a bucket's bound.
const BUCKET_END = (k: string) => `($4::timestamptz - (${k}) * interval '86400 seconds')`;
// The bucket of an ongoing stay begun at `start`, for the ends of the bucket series: its whole days, exactly.
const ONGOING_BUCKET = (start: string) => `extract(day FROM $4::timestamptz - ${start})::int`;
const PIPELINE = pipelineArray(PIPELINE_STAGES);
const START = DAY_START(2);
const END = DAY_AFTER(3);
// The partial months: [start, first whole month) and [after the last whole month, end); empty when none.
const LOW_END = `(least($5::date, $3::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
const HIGH_START = `(greatest($6::date, least($5::date, $3::date + 1), $2::date)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

// The ongoing stays of `stage` that began in the range and before now (a stay begun at now has zero days: left out).
const ongoingIn = (stage: string) =>
  `${IN_SCOPE()} AND to_stage = ${stage} AND left_at IS NULL AND at >= ${START} AND at < ${END} AND at < $4::timestamptz`;

const endedIn = (from: string, to: string) => `
             SELECT to_stage, ${DAYS} AS days FROM stage_change_stays
             WHERE ${IN_SCOPE()} AND to_stage = ANY(${PIPELINE}) AND ${ENDED} AND at >= ${from} AND at < ${to}`;

// MATERIALIZED: one array per stage (and per wanted bucket below), not one more for every place that reads it.
export const STAY_PERCENTILES = `
       WITH ongoing AS MATERIALIZED (
         SELECT s.stage,
                ARRAY(SELECT at FROM stage_change_stays WHERE ${ongoingIn('s.stage')} ORDER BY at) AS starts
         FROM unnest(${PIPELINE}) AS s(stage)),
       ongoing_counts AS (
         SELECT o.stage, k AS bucket,
                width_bucket(${BUCKET_END('k')}, o.starts) - width_bucket(${BUCKET_END('k + 1')}, o.starts) AS n
         FROM ongoing o
         CROSS JOIN LATERAL generate_series(${ONGOING_BUCKET('o.starts[cardinality(o.starts)]')},
                                            ${ONGOING_BUCKET('o.starts[1]')}) AS k),
       counts AS (
         SELECT stage, bucket, sum(n)::int AS n
         FROM (SELECT to_stage AS stage, length_days AS bucket, stays AS n
               FROM stay_length_counts
               WHERE ${IN_SCOPE()} AND to_stage = ANY(${PIPELINE}) AND start_month >= $5::date AND start_month < $6::date
               UNION ALL
               SELECT to_stage, floor(days)::int, 1
               FROM (${endedIn(START, LOW_END)}
                     UNION ALL ${endedIn(HIGH_START, END)}) e
               UNION ALL
               SELECT stage, bucket, n FROM ongoing_counts WHERE n > 0) c
         GROUP BY stage, bucket),
       cumulative AS (
         SELECT stage, bucket, n, sum(n) OVER (PARTITION BY stage ORDER BY bucket) - n AS before,
                sum(n) OVER (PARTITION BY stage) AS total
         FROM counts),
       wanted AS (
         SELECT t.stage, p.p, p.p * (t.total - 1)::float8 AS pos
         FROM (SELECT DISTINCT stage, total FROM cumulative WHERE total > 0) t
         CROSS JOIN unnest(ARRAY[0.5, 0.75]::float8[]) WITH ORDINALITY AS p(p, i)),
       ranks AS (
         SELECT w.stage, w.p, w.pos, r.r, c.bucket, (r.r - c.before)::bigint AS i
         FROM wanted w
         CROSS JOIN LATERAL (SELECT DISTINCT r FROM unnest(ARRAY[floor(w.pos), ceil(w.pos)]) AS r) r
         JOIN cumulative c ON c.stage = w.stage AND r.r >= c.before AND r.r < c.before + c.n),
       bucket_values AS MATERIALIZED (
         SELECT b.stage, b.bucket, ARRAY(
           SELECT days
           FROM (SELECT ${DAYS} AS days FROM stage_change_stays
                 WHERE ${IN_SCOPE()} AND to_stage = b.stage AND ${ENDED}
                   AND floor(${DAYS})::int = b.bucket AND at >= ${START} AND at < ${END}
                 UNION ALL
                 SELECT ${ONGOING_DAYS} FROM stage_change_stays
                 WHERE ${ongoingIn('b.stage')} AND at > ${BUCKET_END('b.bucket + 1')} AND at <= ${BUCKET_END('b.bucket')}) v
           ORDER BY days
           LIMIT b.last + 1) AS sorted
         FROM (SELECT stage, bucket, max(i) AS last FROM ranks GROUP BY stage, bucket) b),
       picked AS (
         SELECT r.stage, r.p, r.pos,
                min(v.sorted[r.i + 1]) FILTER (WHERE r.r = floor(r.pos)) AS lo,
                min(v.sorted[r.i + 1]) FILTER (WHERE r.r = ceil(r.pos)) AS hi
         FROM ranks r JOIN bucket_values v ON v.stage = r.stage AND v.bucket = r.bucket
         GROUP BY r.stage, r.p, r.pos),
       percentiles AS (
         SELECT stage, array_agg(CASE WHEN floor(pos) = ceil(pos) THEN lo ELSE lo + (pos - floor(pos)) * (hi - lo) END
                                 ORDER BY p) AS q
         FROM picked GROUP BY stage)
       SELECT s.stage, p.q
       FROM unnest(${PIPELINE}) WITH ORDINALITY AS s(stage, n)
       LEFT JOIN percentiles p ON p.stage = s.stage
       ORDER BY s.n`;

/** The same answer by sorting every stay of the range per stage (same parameters $1–$4). */
export const SORTED_STAY_PERCENTILES = `
       SELECT s.stage, p.q
       FROM unnest(${PIPELINE}) WITH ORDINALITY AS s(stage, n)
       CROSS JOIN LATERAL (
         SELECT percentile_cont(ARRAY[0.5, 0.75]) WITHIN GROUP (ORDER BY days) AS q
         FROM (SELECT date_part('epoch', coalesce(left_at, $4) - at) / 86400 AS days
               FROM stage_change_stays
               WHERE ${IN_SCOPE()} AND to_stage = s.stage AND at >= ${START} AND at < ${END}) d
         WHERE days > 0) p
       ORDER BY s.n`;

/**
 * The whole months of a range as [first, after last) (YYYY-MM-DD, first days of months), equal when the range
 * holds no whole month: their stays are counted from `stay_length_counts`, the rest from the stays themselves.
 */
export function wholeMonths(range: ReportRange): [string, string] {
  const [fy, fm, fd] = range.from.split('-').map(Number);
  const first = fd === 1 ? monthStart(fy, fm) : monthStart(fy, fm + 1);
  const [ty, tm, td] = range.to.split('-').map(Number);
  const dayAfter = new Date(Date.UTC(ty, tm - 1, td + 1));
  const after = monthStart(dayAfter.getUTCFullYear(), dayAfter.getUTCMonth() + 1);
  return first < after ? [first, after] : [first, first];
}

/** The first day of a month (month 13 is January of the next year). */
function monthStart(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
}
