// Benchmark of the reports (issue 5): one region of 10,000 employers with 200,000 stage changes, built with
// set-based SQL in a database of its own. Run with `npm run bench` (builds first); writes docs/benchmarks.md.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const pg = require('pg');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { DataSource } = require('typeorm');
const core = require('../../dist/libs/core/src/index.js');
const reporting = require('../../dist/libs/reporting/src/index.js');

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = 5;
const EMPLOYERS = 10_000;
const CHANGES_PER_EMPLOYER = 20;
const root = new URL('../../', import.meta.url);

const withDatabase = (url, name) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

async function onServer(sql) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The region: employers, a stage walk of 20 rows each, trajectories, SW-bedrijf links and targets. */
async function seed(db, regionId) {
  const started = performance.now();
  await db.query(
    `INSERT INTO organisations (region_id, kind, name, kvk_number, sbi_version, sbi_section, size_class, stage)
     SELECT $1, 'employer', 'Werkgever ' || g, lpad(g::text, 8, '0'), 2025, (ARRAY['A','C','F','G','H','Q'])[1 + g % 6],
            (ARRAY['micro','small','medium','large'])[1 + g % 4], 'prospect'
     FROM generate_series(1, $2::int) g`,
    [regionId, EMPLOYERS],
  );
  await db.query(
    `CREATE TEMP TABLE bench_employers AS
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
     FROM bench_employers e CROSS JOIN generate_series(1, $2::int) s
     ORDER BY e.n, s`,
    [regionId, CHANGES_PER_EMPLOYER],
  );
  await db.query(
    `INSERT INTO trajectories (employer_id, region_id, route, candidate_ref, started_at, status, praktijkverklaring_at,
                               outcome, stopped_at)
     SELECT e.id, $1, (ARRAY['sw_internal','sw_secondment','direct'])[1 + g % 3], 'cand-' || g, t.started,
            (ARRAY['intake','agreed','learning','assessment','certified','stopped'])[1 + g % 6],
            CASE WHEN g % 6 = 4 THEN t.started + 180 + g % 180 END,
            CASE WHEN g % 6 IN (4, 5) THEN (ARRAY['employed_at_host','employed_at_sw','further_education','other','unknown'])[1 + g % 5] END,
            CASE WHEN g % 6 = 5 THEN t.started + 30 END
     FROM generate_series(1, 8000) g
     JOIN bench_employers e ON e.n = 1 + g % $2::int
     CROSS JOIN LATERAL (SELECT date '2023-09-01' + (random() * 1000)::int AS started) t`,
    [regionId, EMPLOYERS],
  );
  const [{ id: sw }] = await db.query(
    `INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'sw_company', 'SW-bedrijf') RETURNING id`,
    [regionId],
  );
  await db.query(
    `INSERT INTO network_links (organisation_id, employer_id, relation, since)
     SELECT $1, id, 'pilot_host', date '2023-01-01' + (random() * 1300)::int FROM bench_employers WHERE n <= 4000`,
    [sw],
  );
  await db.query(
    `INSERT INTO targets (region_id, period, metric, value)
     SELECT $1, p, m, 100 FROM unnest(ARRAY['2026', '2026-Q3']) p,
       unnest(ARRAY['employers_contacted','employers_sw_pilot','employers_own_trajectory','employers_structural',
                    'trajectories_started','certificates']) m`,
    [regionId],
  );
  // VACUUM as autovacuum would have done by then: it also sets the visibility map index-only scans use.
  await db.query(`VACUUM ANALYZE`);
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM stage_changes WHERE region_id = $1`, [
    regionId,
  ]);
  return { changes: count, seconds: (performance.now() - started) / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(work) {
  await work(); // warm-up
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    runs.push(performance.now() - started);
  }
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs) };
}

async function main() {
  const name = `vw_bench_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(SERVER, name);
  await onServer(`CREATE DATABASE ${name}`);
  let context;
  let pool;
  try {
    const migrator = new DataSource(core.dataSourceOptions(url));
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    const [{ id: regionId }] = await migrator.query(`SELECT id FROM regions WHERE code = 'AM25'`);
    const seeded = await seed(migrator, regionId);
    await migrator.destroy();

    const config = core.loadConfig({
      DATABASE_URL: url,
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `bench-${randomBytes(3).toString('hex')}`,
    });
    class BenchModule {}
    Module({ imports: [core.CoreInfrastructureModule.forRoot(config, url), reporting.ReportingModule] })(BenchModule);
    context = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
    const reports = context.get(reporting.ReportsService);
    const trajectories = context.get(reporting.TrajectoryReportService);
    const manager = context.get(DataSource).manager;
    const admin = { id: '00000000-0000-4000-8000-000000000001', email: 'b@x', name: 'B', role: 'admin', regionIds: [] };
    const cases = [
      ['funnel (12 months)', () => reports.funnel(admin, { regionId })],
      ['cohorts (by quarter)', () => reports.cohorts(admin, { regionId, by: 'quarter' })],
      ['trajectories (12 months)', () => trajectories.report(admin, { regionId })],
      ['targets (2026)', () => reports.targets(admin, { regionId, period: '2026' })],
    ];

    // The raw baseline: the very statements the service sent, recorded once, replayed on a plain pg pool
    // the same way (in parallel), without Nest, TypeORM or the mapping to the answer.
    pool = new pg.Pool({ connectionString: url, max: 10 });
    pool.on('error', (error) => console.error('idle pool client:', error.message));
    const load = os.loadavg()[0];
    const query = manager.query.bind(manager);
    const results = [];
    for (const [label, run] of cases) {
      const recorded = [];
      manager.query = (sql, params) => (recorded.push([sql, params]), query(sql, params));
      await run();
      manager.query = query;
      const ours = await time(run);
      const raw = await time(() => Promise.all(recorded.map(([sql, params]) => pool.query(sql, params))));
      results.push({
        label,
        ours,
        raw,
        statements: recorded.filter(([sql]) => !/FROM regions WHERE id/.test(sql)).length,
      });
      console.log(label, ours, raw);
    }
    writeReport(seeded, results, await pgVersion(url), load);
  } finally {
    await pool?.end();
    await context?.close();
    // BENCH_KEEP=1 keeps the database for EXPLAIN; its name is printed.
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function pgVersion(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SHOW server_version`);
  await client.end();
  return rows[0].server_version;
}

function writeReport(seeded, results, postgres, load) {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  const ms = (x) => x.toFixed(1);
  const rows = results.map(
    ({ label, ours, raw, statements }) =>
      `| ${label} | ${statements} | ${ms(ours.median)} (${ms(ours.min)}–${ms(ours.max)}) | ${ms(raw.median)} (${ms(raw.min)}–${ms(raw.max)}) | ${(ours.median / raw.median).toFixed(2)} | ${ours.median <= 100 ? 'yes' : '**no**'} |`,
  );
  const text = `# Benchmarks

## Reports (issue 5)

Command: \`npm run bench\` (builds, then runs \`tests/bench/reports.bench.mjs\`; not part of \`npm test\`).

Data: one region (AM25) of ${EMPLOYERS.toLocaleString('en')} employers with ${seeded.changes.toLocaleString('en')} stage changes
(${CHANGES_PER_EMPLOYER} per employer, a forward walk through the pipeline at a random pace with about 8% side states,
\`at\` never decreasing along \`seq\`, mid-2023 to today), 8,000 trajectories, 4,000 SW-bedrijf links and targets, generated with
\`generate_series\` in a database of its own (seeded in ${seeded.seconds.toFixed(1)} s, then \`VACUUM ANALYZE\`), dropped afterwards.

Each report is called through its service (\`ReportsService\`, \`TrajectoryReportService\`: scope check, range parsing,
the aggregate queries, mapping) as an admin scoped to the region with \`regionId\`; the default range is the twelve months
up to today. Raw = the same SQL statements, recorded from the service's own call, replayed on a plain \`pg\` pool in parallel
as the service sends them. 1 warm-up, then ${RUNS} runs; median (min–max), in milliseconds.

Machine: \`nproc\` ${execSync('nproc').toString().trim()}, ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory;
Node ${process.version}; PostgreSQL ${postgres}. Run on ${new Date().toISOString().slice(0, 10)}.
Load average (1 min) when the timings began: ${load.toFixed(2)} (other engineers' test runs shared the machine).

| report | statements | ours, ms | raw SQL, ms | ours / raw | ≤ 100 ms |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
  writeFileSync(new URL('docs/benchmarks.md', root), text);
  console.log(text);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
