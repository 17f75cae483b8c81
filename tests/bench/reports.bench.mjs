// Benchmark d: the funnel, cohort, trajectory and target reports over one region with many stage changes
// (issue 5's benchmark, grown to issue 8's size). Ours = the endpoints over HTTP on the built api; raw = the
// SQL statements the report services send, recorded once in-process, with those that read trigger-kept facts
// replaced by hand-written aggregates over stage_changes and trajectories, replayed on a plain pg pool in parallel as the
// services send them (no Nest, no TypeORM, no mapping, no HTTP).
import { BENCH_ADMIN, builtLib, openBuiltLibContext } from './lib/built-lib-context.mjs';
import { assert, compare, int, range, ratio, require, yesNo } from './lib/harness.mjs';

const CHANGES_PER_EMPLOYER = 20;

/**
 * The cohort report's facts (`employer_stage_firsts`, migration 1764300011000, and the members built on them)
 * are minima over `stage_changes` kept by triggers. The raw baseline is the aggregate over the raw table, as
 * issue 8 words it: the three minima per employer computed from every row of the region (`reach`), then the
 * cohort grouping (RAW_COHORTS below).
 */
const RAW_REACH_FROM_STAGE_CHANGES = `reach AS (
         SELECT employer_id,
                (min(at) FILTER (WHERE to_stage = 'sw_pilot') AT TIME ZONE 'Europe/Amsterdam')::date AS pilot,
                (min(at) FILTER (WHERE to_stage IN ('own_trajectory', 'structural', 'ambassador'))
                   AT TIME ZONE 'Europe/Amsterdam')::date AS own,
                (min(at) FILTER (WHERE to_stage IN ('structural', 'ambassador')) AT TIME ZONE 'Europe/Amsterdam')::date
                   AS structural
         FROM stage_changes
         WHERE ($1::uuid[] IS NULL OR region_id = ANY($1::uuid[]))
           AND to_stage IN ('sw_pilot', 'own_trajectory', 'structural', 'ambassador')
         GROUP BY employer_id),`;

const share = (column, months) => `
  CASE WHEN (cohort + $3::interval - interval '1 day' + interval '${months} months')::date < $4::date
       THEN round(count(*) FILTER (WHERE ${column} <= (start + interval '${months} months')::date)::numeric / count(*), 4)::float8
  END AS "${column}_${months}"`;

/**
 * The cohort report of one region reads `employer_cohort_members` (migration 1764300040000), members with their
 * start month and windows kept by triggers. Its raw baseline is the statement the service sent before any facts
 * table: every employer's minima from the region's `stage_changes`, full-joined with its first SW trajectory,
 * grouped by cohort with the six windows tested per employer. Same parameters ($1 scope, $2 grouping, $3 its
 * length, $4 today); the answers must be equal.
 */
const RAW_COHORTS = `WITH ${RAW_REACH_FROM_STAGE_CHANGES}
       sw AS (
         SELECT employer_id, min(started_at) AS started
         FROM trajectories
         WHERE ($1::uuid[] IS NULL OR region_id = ANY($1::uuid[])) AND route IN ('sw_internal', 'sw_secondment')
         GROUP BY employer_id),
       members AS (
         SELECT coalesce(r.employer_id, sw.employer_id) AS employer_id,
                least(r.pilot, sw.started) AS start, r.own, r.structural
         FROM reach r FULL JOIN sw ON sw.employer_id = r.employer_id),
       grouped AS (
         SELECT *, date_trunc($2, start::timestamp)::date AS cohort FROM members WHERE start IS NOT NULL)
       SELECT to_char(cohort, CASE $2 WHEN 'quarter' THEN 'YYYY-"Q"Q' ELSE 'YYYY-MM' END) AS period,
              count(*)::int AS size, ${['3', '6', '12'].flatMap((n) => [share('own', n), share('structural', n)]).join(',')}
       FROM grouped
       GROUP BY cohort
       ORDER BY cohort`;

const PIPELINE_STAGES = [
  'prospect',
  'contacted',
  'interested',
  'sw_pilot',
  'own_trajectory',
  'structural',
  'ambassador',
];
const PIPELINE = `ARRAY[${PIPELINE_STAGES.map((s) => `'${s}'`).join(', ')}]::text[]`;
const RANGE = `at >= ($2::date::timestamp AT TIME ZONE 'Europe/Amsterdam') AND at < (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
const TOP_PER_EMPLOYER = (scope) => `SELECT employer_id, max(array_position(${PIPELINE}, to_stage)) AS top
             FROM stage_changes
             WHERE ${scope} AND ${RANGE} AND to_stage = ANY(${PIPELINE})
             GROUP BY employer_id`;

/**
 * The funnel's reached and days in stage, and the targets' stage actuals, read `employer_stage_lasts` and
 * `stage_change_stays` (facts kept by triggers, migration 1764300030000). Their raw baselines are the
 * aggregates over the raw `stage_changes` rows as the services sent them before those tables existed (the
 * statements timed as "raw" in earlier runs): distinct employers by their highest stage in the range, and
 * `lead()` over every row since the range's start. Same parameters as the services' statements; the bench
 * checks that both give the same answer before timing.
 */
const RAW_REACHED = `SELECT ${PIPELINE_STAGES.map((_, i) => `count(*) FILTER (WHERE top >= ${i + 1})::int AS "${i}"`).join(', ')}
       FROM (${TOP_PER_EMPLOYER('($1::uuid[] IS NULL OR region_id = ANY($1::uuid[]))')}) e`;
const RAW_DURATIONS = `SELECT ${PIPELINE_STAGES.map(
  (stage, i) =>
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE to_stage = '${stage}') AS "m${i}",
         percentile_cont(0.75) WITHIN GROUP (ORDER BY days) FILTER (WHERE to_stage = '${stage}') AS "p${i}"`,
).join(', ')}
       FROM (SELECT to_stage, at,
                    date_part('epoch', coalesce(lead(at) OVER (PARTITION BY employer_id ORDER BY seq), $4) - at) / 86400
                      AS days
             FROM stage_changes
             WHERE ($1::uuid[] IS NULL OR region_id = ANY($1::uuid[]))
               AND at >= ($2::date::timestamp AT TIME ZONE 'Europe/Amsterdam')) s
       WHERE at < (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AND days > 0`;
const RAW_ACTUALS = `SELECT count(*) FILTER (WHERE top >= 2)::int AS employers_contacted,
              count(*) FILTER (WHERE top >= 4)::int AS employers_sw_pilot,
              count(*) FILTER (WHERE top >= 5)::int AS employers_own_trajectory,
              count(*) FILTER (WHERE top >= 6)::int AS employers_structural,
              (SELECT count(*)::int FROM trajectories
               WHERE region_id = $1 AND started_at BETWEEN $2::date AND $3::date) AS trajectories_started,
              (SELECT count(*)::int FROM trajectories
               WHERE region_id = $1 AND praktijkverklaring_at BETWEEN $2::date AND $3::date) AS certificates
       FROM (${TOP_PER_EMPLOYER('region_id = $1')}) e`;

/**
 * The trajectory report's "started" counts read `trajectory_starts` (migration 1764300043000: each trajectory with
 * its employer's SBI section and size class, kept by triggers). The raw baseline is the aggregate over
 * `trajectories` itself, its employer looked up per trajectory, as the service sent it before that table existed.
 */
const RAW_STARTED = `SELECT CASE WHEN GROUPING(t.route) = 0 THEN 'route' WHEN GROUPING(t.status) = 0 THEN 'status'
                   WHEN GROUPING(e.sbi_version, e.sbi_section) = 0 THEN 'section' ELSE 'size' END AS dimension,
              coalesce(t.route, t.status, e.sbi_version || ':' || e.sbi_section, e.size_class, 'unknown') AS key,
              count(*)::int AS count
       FROM trajectories t
       CROSS JOIN LATERAL (SELECT o.sbi_version, o.sbi_section, o.size_class FROM organisations o
                           WHERE o.id = t.employer_id OFFSET 0) e
       WHERE ($1::uuid[] IS NULL OR t.region_id = ANY($1::uuid[])) AND t.started_at BETWEEN $2::date AND $3::date
       GROUP BY GROUPING SETS ((t.route), (t.status), (e.sbi_version, e.sbi_section), (e.size_class))`;

/**
 * The funnel's "new to the network" reads `employer_network_firsts` (migration 1764300044000: each linked employer's
 * region and first SW link, kept by triggers). The raw baseline groups the links by employer, as the service did
 * before that table existed.
 */
const RAW_NEW_TO_NETWORK = `SELECT count(*)::int AS count
       FROM (SELECT l.employer_id
             FROM network_links l
             JOIN organisations sw ON sw.id = l.organisation_id AND sw.kind = 'sw_company'
             GROUP BY l.employer_id
             HAVING min(l.since) BETWEEN $2::date AND $3::date) f
       JOIN organisations e ON e.id = f.employer_id
       WHERE ($1::uuid[] IS NULL OR e.region_id = ANY($1::uuid[]))`;

/** A report's statements with those over the trigger-kept facts replaced by the aggregates over the raw tables. */
function overRawTables(name, statements) {
  return statements.map(([sql, params]) => {
    if (/employer_cohort_members|employer_stage_firsts/.test(sql)) return [RAW_COHORTS, params];
    if (/stage_change_stays/.test(sql)) return [RAW_DURATIONS, params.slice(0, 4)];
    if (/employer_stage_lasts/.test(sql)) return [name === 'targets' ? RAW_ACTUALS : RAW_REACHED, params];
    if (/trajectory_starts/.test(sql)) return [RAW_STARTED, params];
    if (/employer_network_firsts/.test(sql)) return [RAW_NEW_TO_NETWORK, params];
    return [sql, params];
  });
}

/** The rows a statement answers, in one shape for both sides (durations: one row per stage of [median, p75]). */
function comparable(sql, rows) {
  if (/stage_change_stays/.test(sql)) return rows.map((r) => r.q ?? [null, null]);
  if (sql === RAW_DURATIONS) return PIPELINE_STAGES.map((_, i) => [rows[0][`m${i}`], rows[0][`p${i}`]]);
  // Grouping sets come back in hash order, which need not be the same on both sides.
  if (sql === RAW_STARTED || /trajectory_starts/.test(sql))
    return rows.map((r) => `${r.dimension} ${r.key} ${r.count}`).sort();
  return rows;
}

/** The region: employers, a stage walk of 20 rows each, trajectories, SW-bedrijf links and targets. */
async function seedRegion(db, regionId, employers) {
  await db.query(
    `INSERT INTO organisations (region_id, kind, name, kvk_number, sbi_version, sbi_section, size_class, stage)
     SELECT $1, 'employer', 'Werkgever ' || g, lpad(g::text, 8, '0'), 2025, (ARRAY['A','C','F','G','H','Q'])[1 + g % 6],
            (ARRAY['micro','small','medium','large'])[1 + g % 4], 'prospect'
     FROM generate_series(1, $2::int) g`,
    [regionId, employers],
  );
  await db.query(
    `CREATE TABLE bench_report_employers AS
     SELECT id, row_number() OVER (ORDER BY id) AS n, timestamptz '2023-06-01' + random() * interval '900 days' AS start,
            2 + random() * 40 AS step, 0.05 + random() * 0.45 AS speed
     FROM organisations WHERE kind = 'employer' AND region_id = $1`,
    [regionId],
  );
  // Along seq (insert order) `at` never decreases, as in production (docs/metrics.md).
  await db.query(
    `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause)
     SELECT e.id, $1,
            CASE WHEN s = 1 THEN 'prospect'
                 WHEN random() < 0.08 THEN (ARRAY['paused', 'not_interested'])[1 + (random() < 0.5)::int]
                 ELSE (ARRAY['prospect','contacted','interested','sw_pilot','own_trajectory','structural','ambassador'])
                        [least(7, 1 + floor((s - 1) * e.speed))::int] END,
            least(now(), e.start + (s - 1) * e.step * interval '1 day'),
            CASE WHEN s = 1 THEN 'manual' ELSE (ARRAY['manual','trajectory','override','campaign'])[1 + s % 4] END
     FROM bench_report_employers e CROSS JOIN generate_series(1, $2::int) s
     ORDER BY e.n, s`,
    [regionId, CHANGES_PER_EMPLOYER],
  );
  const trajectories = Math.round(employers * 0.8);
  // `+ 0 * g`: a LATERAL subquery that names nothing outside runs once, and every trajectory started on one day.
  await db.query(
    `INSERT INTO trajectories (employer_id, region_id, route, candidate_ref, started_at, status, praktijkverklaring_at,
                               outcome, stopped_at)
     SELECT e.id, $1, (ARRAY['sw_internal','sw_secondment','direct'])[1 + g % 3], 'cand-' || g, t.started,
            (ARRAY['intake','agreed','learning','assessment','certified','stopped'])[1 + g % 6],
            CASE WHEN g % 6 = 4 THEN t.started + 180 + g % 180 END,
            CASE WHEN g % 6 IN (4, 5) THEN (ARRAY['employed_at_host','employed_at_sw','further_education','other','unknown'])[1 + g % 5] END,
            CASE WHEN g % 6 = 5 THEN t.started + 30 END
     FROM generate_series(1, $3::int) g
     JOIN bench_report_employers e ON e.n = 1 + g % $2::int
     CROSS JOIN LATERAL (SELECT date '2023-09-01' + (random() * 1000)::int + 0 * g AS started) t`,
    [regionId, employers, trajectories],
  );
  const [{ id: sw }] = await db.query(
    `INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'sw_company', 'SW-bedrijf') RETURNING id`,
    [regionId],
  );
  await db.query(
    `INSERT INTO network_links (organisation_id, employer_id, relation, since)
     SELECT $1, id, 'pilot_host', date '2023-01-01' + (random() * 1300)::int FROM bench_report_employers WHERE n <= $2`,
    [sw, Math.round(employers * 0.4)],
  );
  await db.query(
    `INSERT INTO targets (region_id, period, metric, value)
     SELECT $1, p, m, 100 FROM unnest(ARRAY['2026', '2026-Q3']) p,
       unnest(ARRAY['employers_contacted','employers_sw_pilot','employers_own_trajectory','employers_structural',
                    'trajectories_started','certificates']) m`,
    [regionId],
  );
  await db.query(`DROP TABLE bench_report_employers`);
  // VACUUM as autovacuum would have done by then: it also sets the visibility map index-only scans use.
  await db.query(`VACUUM ANALYZE`);
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM stage_changes WHERE region_id = $1`, [
    regionId,
  ]);
  return { changes: count, trajectories };
}

/** Records the SQL each report service sends, in-process (no HTTP), so raw replays exactly that. */
async function recordStatements(db, regionId) {
  const reporting = builtLib('reporting');
  const { DataSource } = require('typeorm');
  const { context, close } = await openBuiltLibContext(db.url, reporting.ReportingModule);
  try {
    const reports = context.get(reporting.ReportsService);
    const trajectories = context.get(reporting.TrajectoryReportService);
    const manager = context.get(DataSource).manager;
    const calls = {
      funnel: () => reports.funnel(BENCH_ADMIN, { regionId }),
      cohorts: () => reports.cohorts(BENCH_ADMIN, { regionId, by: 'quarter' }),
      trajectories: () => trajectories.report(BENCH_ADMIN, { regionId }),
      targets: () => reports.targets(BENCH_ADMIN, { regionId, period: '2026' }),
    };
    const query = manager.query.bind(manager);
    const recorded = {};
    for (const [name, call] of Object.entries(calls)) {
      const statements = [];
      manager.query = (sql, params) => (statements.push([sql, params]), query(sql, params));
      const answer = await call();
      manager.query = query;
      recorded[name] = { statements, answer };
    }
    return recorded;
  } finally {
    await close();
  }
}

/** Where the time goes, from `EXPLAIN (ANALYZE, BUFFERS)` on the full-size data (issue 8). */
const WHY_SLOW = `Where the time goes (\`EXPLAIN (ANALYZE, BUFFERS)\` on the full-size data, no JIT in any plan, no sort on
disk): the funnel's days in stage is still the largest statement — the range's whole months come from
\`stay_length_counts\`, its partial months' stays are read and grouped row by row; its ongoing stays (about 20,000
here: the current stage of every employer whose walk reached today) are read from their index as one sorted array of
starts per stage and counted per day bucket by binary search; then the stays of the day bucket each percentile falls
in (about 750 each here) are read and sorted up to the wanted rank. Cohorts read
the region's member rows per month from one index. \`reached\` and the targets' stage actuals read one narrow row per
employer active since the range's start. The trajectory report's "started" counts read one region's range of
\`trajectory_starts\` from its covering index; the raw statement looks up the employer of each of the range's
trajectories (about 7,000 index lookups here, three quarters of its time). The rest of "ours" over "raw" is the api's
fixed cost per request (HTTP, the token's user re-read, the shared rate limit), a few milliseconds.`;

const CASES = [
  ['funnel (12 months)', 'funnel', (regionId) => `/api/reports/funnel?regionId=${regionId}`],
  ['cohorts (by quarter)', 'cohorts', (regionId) => `/api/reports/cohorts?regionId=${regionId}&by=quarter`],
  ['trajectories (12 months)', 'trajectories', (regionId) => `/api/reports/trajectories?regionId=${regionId}`],
  ['targets (2026)', 'targets', (regionId) => `/api/reports/targets?regionId=${regionId}&period=2026`],
];

export const reports = {
  id: 'd',

  async seed({ db, profile }) {
    const [{ id: regionId }] = await db.query(`SELECT id FROM regions WHERE code = 'AM25'`);
    const started = Date.now();
    const seeded = await seedRegion(db, regionId, profile.reportEmployers);
    return { regionId, employers: profile.reportEmployers, ...seeded, seconds: (Date.now() - started) / 1000 };
  },

  async run({ db, api, profile, seeded }) {
    const { regionId } = seeded;
    const recorded = await recordStatements(db, regionId);
    // The facts tables must give what the raw tables give (the bench's correctness check on 1,000,000 rows).
    for (const [name, report] of Object.entries(recorded)) {
      report.raw = overRawTables(name, report.statements);
      const answers = async (statements) =>
        Promise.all(statements.map(async ([sql, params]) => comparable(sql, await db.query(sql, params))));
      const [ours, raw] = [await answers(report.statements), await answers(report.raw)];
      assert(
        JSON.stringify(ours) === JSON.stringify(raw),
        `${name}: the trigger-kept facts differ from the raw tables`,
      );
    }
    const replay = (name) =>
      Promise.all((recorded[name].raw ?? recorded[name].statements).map(([sql, params]) => db.pool.query(sql, params)));
    const results = [];
    for (const [label, name, path] of CASES) {
      const expected = JSON.stringify(recorded[name].answer);
      const timings = await compare({
        runs: profile.runs,
        ours: {
          run: () => api.request('GET', path(regionId)),
          check: (response) => {
            assert(response.status === 200, `${label}: ${response.status} ${response.text}`);
            assert(
              JSON.stringify(response.body) === expected,
              `${label}: the endpoint's answer differs from the service's`,
            );
          },
        },
        raw: { run: () => replay(name), check: (answers) => assert(answers.length > 0, `${label}: no statements`) },
      });
      results.push({
        label,
        statements: recorded[name].statements.filter(([sql]) => !/FROM regions WHERE id/.test(sql)).length,
        ...timings,
      });
      console.log('d', label, timings);
    }
    // The region's dashboard: the four reports at once, as a page would ask for them.
    const dashboard = await compare({
      runs: profile.runs,
      ours: {
        run: () => Promise.all(CASES.map(([, , path]) => api.request('GET', path(regionId)))),
        check: (responses) =>
          assert(
            responses.every((r) => r.status === 200),
            'dashboard: a report failed',
          ),
      },
      raw: { run: () => Promise.all(CASES.map(([, name]) => replay(name))) },
    });
    console.log('d dashboard', dashboard);
    return { seeded, results, dashboard };
  },

  report({ seeded, results, dashboard }) {
    const rows = [...results, { label: '**dashboard** (all four at once)', statements: '–', ...dashboard }].map(
      (r) =>
        `| ${r.label} | ${r.statements} | ${range(r.ours)} | ${range(r.raw)} | ${ratio(r.raw.median / r.ours.median)} | ${yesNo(r.raw.median / r.ours.median >= 0.9)} | ${yesNo(r.ours.median <= 100)} |`,
    );
    return {
      summary: [
        ...results.map((r) => ({
          benchmark: `d ${r.label}`,
          ratio: r.raw.median / r.ours.median,
          goal: 0.9,
          extra: `${r.ours.median.toFixed(1)} ms`,
        })),
        {
          benchmark: 'd dashboard (4 reports)',
          ratio: dashboard.raw.median / dashboard.ours.median,
          goal: 0.9,
          extra: `${dashboard.ours.median.toFixed(1)} ms (goal ≤ 100 ms)`,
        },
      ],
      text: `What is compared: ours reads facts kept by triggers on \`stage_changes\` in the same transaction as every
write — for cohorts \`employer_cohort_members\` (each employer's cohort month and windows reached, migration
1764300040000, from \`employer_stage_firsts\`, migration 1764300011000, and SW trajectories), \`employer_stage_lasts\`
for the funnel's \`reached\` and the targets' stage actuals (each employer's latest row to each stage or a later one)
and \`stage_change_stays\` for the funnel's days in stage (each pipeline row with the next row's \`at\`), both
migration 1764300030000, with \`stay_length_counts\` (ended stays per start month and whole days, migration
1764300041000); for the trajectory report's "started" counts \`trajectory_starts\` (each trajectory with its employer's
SBI section and size class, kept by triggers on \`trajectories\` and \`organisations\`, migration 1764300043000); for the
funnel's "new to the network" \`employer_network_firsts\` (each linked employer's region and first SW link, kept by triggers on
\`network_links\` and \`organisations\`, migration 1764300044000). **Raw is the
hand-written aggregate over the raw \`stage_changes\` rows** for those parts, as issue 8 words it: for cohorts the
statement the service sent before any facts table (the minima per employer aggregated from \`stage_changes\`,
full-joined with the first SW trajectory, the windows tested per employer); for \`reached\` and the actuals distinct employers
by their highest stage in the range; for days in stage \`lead()\` over every row since the range's start (these two
are the statements the services sent before the facts tables, and the raw side of earlier runs); for trajectories
started the aggregate over \`trajectories\` with each one's employer looked up, the statement the service sent before
\`trajectory_starts\`; for new to the network the links grouped by employer, the statement the service sent before
\`employer_network_firsts\`. The bench checks that both sides give the same answer on the ${int(seeded.changes)} rows before
timing. Everything else (trajectories certified and stopped, targets and their trajectory counts, the region check) raw replays the services' own statements.

One region (AM25) of ${int(seeded.employers)} employers with ${int(seeded.changes)} stage changes (${CHANGES_PER_EMPLOYER} per
employer, a forward walk through the pipeline at a random pace with about 8% side states, \`at\` never decreasing
along \`seq\`, mid-2023 to today), ${int(seeded.trajectories)} trajectories, SW-bedrijf links and targets (seeded in
${seeded.seconds.toFixed(0)} s, then \`VACUUM ANALYZE\`). Ours = the endpoint over HTTP on the built api as an admin
(default range: the twelve months up to today). Raw = the statements recorded from the services' own calls, those over
the facts tables replaced as above, replayed on a plain \`pg\` pool in parallel. Correctness: every answer over HTTP equals the service's recorded answer.
The dashboard row asks all four reports at once. Milliseconds, median (min–max).

| report | statements | ours, ms | raw SQL, ms | raw/ours | ≥ 0.9 | ≤ 100 ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}

${WHY_SLOW}`,
    };
  },
};
