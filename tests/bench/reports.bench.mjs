// Benchmark d: the funnel, cohort, trajectory and target reports over one region with many stage changes
// (issue 5's benchmark, grown to issue 8's size). Ours = the endpoints over HTTP on the built api; raw = the
// very SQL statements the report services send, recorded once in-process, replayed on a plain pg pool in
// parallel as the services send them (no Nest, no TypeORM, no mapping, no HTTP).
import { randomBytes } from 'node:crypto';
import { assert, compare, dropRedisPrefix, int, range, ratio, REDIS_URL, require, yesNo } from './lib/harness.mjs';

const CHANGES_PER_EMPLOYER = 20;

/**
 * The cohort report reads `employer_stage_firsts`, minima over `stage_changes` kept by triggers (migration
 * 1764300011000). Its raw baseline stays the aggregate over the raw table, as issue 8 words it: the three
 * minima per employer computed from every row of the region, then the same cohort grouping. Same parameters
 * as the service's statement ($1 scope, $2 grouping, $3 its length, $4 today); the answers must be equal.
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

/** The service's cohort statement with its `reach` part read from the raw table instead of the summary. */
function cohortsOverRawTable(sql) {
  const start = sql.indexOf('reach AS (');
  const end = sql.indexOf('sw AS (');
  assert(start >= 0 && end > start && sql.includes('employer_stage_firsts'), 'cohorts: unexpected statement shape');
  return sql.slice(0, start) + RAW_REACH_FROM_STAGE_CHANGES + '\n       ' + sql.slice(end);
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
     CROSS JOIN LATERAL (SELECT date '2023-09-01' + (random() * 1000)::int AS started) t`,
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
  const core = require('../../../dist/libs/core/src/index.js');
  const reporting = require('../../../dist/libs/reporting/src/index.js');
  const { Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const { DataSource } = require('typeorm');
  const prefix = `bench-rec-${randomBytes(3).toString('hex')}`;
  const config = core.loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
  });
  class RecordModule {}
  Module({ imports: [core.CoreInfrastructureModule.forRoot(config, db.url), reporting.ReportingModule] })(RecordModule);
  const context = await NestFactory.createApplicationContext(RecordModule, { logger: ['error', 'warn'] });
  try {
    const reports = context.get(reporting.ReportsService);
    const trajectories = context.get(reporting.TrajectoryReportService);
    const manager = context.get(DataSource).manager;
    const admin = { id: '00000000-0000-4000-8000-000000000001', email: 'b@x', name: 'B', role: 'admin', regionIds: [] };
    const calls = {
      funnel: () => reports.funnel(admin, { regionId }),
      cohorts: () => reports.cohorts(admin, { regionId, by: 'quarter' }),
      trajectories: () => trajectories.report(admin, { regionId }),
      targets: () => reports.targets(admin, { regionId, period: '2026' }),
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
    await context.close();
    await dropRedisPrefix(prefix);
  }
}

/** Why funnel and targets stay the slow ones, from `EXPLAIN ANALYZE` on the full-size data (issue 8). */
const WHY_SLOW = `Why funnel and targets stay slow (\`EXPLAIN ANALYZE\` on the full-size data): the funnel's \`reached\` and the
targets' actuals count distinct employers over every row of the range (about a fifth of the region's stage changes
for twelve months) — a distinct count over an arbitrary date range has no per-day summary that adds up, so these
stay aggregates over \`stage_changes\` (index-only scans). The funnel's days-in-stage sorts every row since the
range start by (employer, seq) for \`lead()\`, and at full size the sort spills to disk at the default \`work_mem\`
(4 MB). Not done: a stored "left at" per stage change (the next row's \`at\`, kept by the same kind of trigger as
\`employer_stage_firsts\`) would remove the sort.`;

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
    recorded.cohorts.raw = recorded.cohorts.statements.map(([sql, params]) =>
      /employer_stage_firsts/.test(sql) ? [cohortsOverRawTable(sql), params] : [sql, params],
    );
    // The summary table must give what the raw table gives (the bench's correctness check on 1,000,000 rows).
    const rawCohorts = await Promise.all(recorded.cohorts.raw.map(([sql, params]) => db.query(sql, params)));
    const summaryCohorts = await Promise.all(recorded.cohorts.statements.map(([sql, params]) => db.query(sql, params)));
    assert(
      JSON.stringify(rawCohorts) === JSON.stringify(summaryCohorts),
      'cohorts: employer_stage_firsts differs from the aggregate over stage_changes',
    );
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
      text: `What is compared for cohorts: ours reads \`employer_stage_firsts\` (each employer's first sw_pilot,
own_trajectory-or-later and structural-or-later moment, kept by triggers on \`stage_changes\` in the same
transaction as every write); **raw is the same cohort statement with those minima aggregated from the raw
\`stage_changes\` rows**, as issue 8 words it, and the bench checks that both give the same answer on the
${int(seeded.changes)} rows before timing. For funnel, trajectories and targets raw replays the services' own statements.

One region (AM25) of ${int(seeded.employers)} employers with ${int(seeded.changes)} stage changes (${CHANGES_PER_EMPLOYER} per
employer, a forward walk through the pipeline at a random pace with about 8% side states, \`at\` never decreasing
along \`seq\`, mid-2023 to today), ${int(seeded.trajectories)} trajectories, SW-bedrijf links and targets (seeded in
${seeded.seconds.toFixed(0)} s, then \`VACUUM ANALYZE\`). Ours = the endpoint over HTTP on the built api as an admin
(default range: the twelve months up to today). Raw = the same SQL statements, recorded from the services' own calls,
replayed on a plain \`pg\` pool in parallel. Correctness: every answer over HTTP equals the service's recorded answer.
The dashboard row asks all four reports at once. Milliseconds, median (min–max).

| report | statements | ours, ms | raw SQL, ms | raw/ours | ≥ 0.9 | ≤ 100 ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}

${WHY_SLOW}`,
    };
  },
};
