import { jest } from '@jest/globals';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';
import { CohortReportRepository } from '../../libs/reporting/src/cohort-report.repository';
import { FunnelReportRepository } from '../../libs/reporting/src/funnel-report.repository';
import { COHORT_WINDOWS } from '../../libs/reporting/src/report.types';
import { SORTED_STAY_PERCENTILES, STAY_PERCENTILES, wholeMonths } from '../../libs/reporting/src/stay-percentiles';
import { TestDatabase, createTestDatabase, seededRandom } from '@app/testing';

jest.setTimeout(180_000);

const PIPELINE = ['prospect', 'contacted', 'interested', 'sw_pilot', 'own_trajectory', 'structural', 'ambassador'];
const STATES = [...PIPELINE, 'not_interested', 'paused'];
const ROUTES = ['sw_internal', 'sw_secondment', 'direct'];
const DAY = 86_400_000;
const IN_PIPELINE = `to_stage IN (${PIPELINE.map((s) => `'${s}'`).join(', ')})`;
const LOCAL_DAY = (e: string) => `(${e} AT TIME ZONE 'Europe/Amsterdam')::date`;
const DAYS = `date_part('epoch', left_at - at) / 86400`;

/** What stay_length_counts must hold: ended stays of positive length per region, stage, month and whole days, from stage_changes. */
const RAW_LENGTHS = `
  SELECT region_id, to_stage, date_trunc('month', at AT TIME ZONE 'Europe/Amsterdam')::date AS start_month,
         floor(${DAYS})::int AS length_days, count(*)::int AS stays
  FROM (SELECT *, lead(at) OVER (PARTITION BY employer_id ORDER BY seq) AS left_at FROM stage_changes) s
  WHERE ${IN_PIPELINE} AND left_at IS NOT NULL AND ${DAYS} > 0
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
const LENGTHS = `SELECT region_id, to_stage, start_month, length_days, stays FROM stay_length_counts
  WHERE stays <> 0 ORDER BY 1, 2, 3, 4`;

const WITHIN = (column: string) =>
  `CASE ${[3, 6, 12].map((n) => `WHEN ${column} <= (start + interval '${n} months')::date THEN ${n}`).join(' ')} END`;
/** What employer_cohort_members must hold, from stage_changes and trajectories themselves (docs/metrics.md). */
const RAW_MEMBERS = `
  WITH firsts AS (
    SELECT region_id, employer_id, ${LOCAL_DAY(`min(at) FILTER (WHERE to_stage = 'sw_pilot')`)} AS pilot,
           ${LOCAL_DAY(`min(at) FILTER (WHERE to_stage IN ('own_trajectory', 'structural', 'ambassador'))`)} AS own,
           ${LOCAL_DAY(`min(at) FILTER (WHERE to_stage IN ('structural', 'ambassador'))`)} AS structural
    FROM stage_changes WHERE to_stage IN ('sw_pilot', 'own_trajectory', 'structural', 'ambassador')
    GROUP BY region_id, employer_id),
  sw AS (
    SELECT region_id, employer_id, min(started_at) AS started FROM trajectories
    WHERE route IN ('sw_internal', 'sw_secondment') GROUP BY region_id, employer_id),
  m AS (
    SELECT coalesce(f.region_id, sw.region_id) AS region_id, coalesce(f.employer_id, sw.employer_id) AS employer_id,
           least(f.pilot, sw.started) AS start, f.own, f.structural
    FROM firsts f FULL JOIN sw ON sw.region_id = f.region_id AND sw.employer_id = f.employer_id)
  SELECT region_id, employer_id, start, date_trunc('month', start::timestamp)::date AS cohort_month,
         ${WITHIN('own')} AS own_within, ${WITHIN('structural')} AS structural_within
  FROM m WHERE start IS NOT NULL ORDER BY region_id, employer_id`;
const MEMBERS = `SELECT region_id, employer_id, start, cohort_month, own_within, structural_within
  FROM employer_cohort_members ORDER BY region_id, employer_id`;

describe('stay_length_counts and employer_cohort_members (report facts kept by triggers)', () => {
  let database: TestDatabase;
  let db: Client;
  let dataSource: DataSource;
  let regions: string[];
  let emptyRegion: string;
  const random = seededRandom(20261129);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const answers = async (...sqls: string[]) => {
    const rows: unknown[][] = [];
    for (const sql of sqls) rows.push((await db.query(sql)).rows);
    return rows;
  };
  const expectEqualToRaw = async () => {
    const [lengths, rawLengths, members, rawMembers] = await answers(LENGTHS, RAW_LENGTHS, MEMBERS, RAW_MEMBERS);
    expect(lengths).toEqual(rawLengths);
    expect(members).toEqual(rawMembers);
    expect((await db.query(`SELECT * FROM stay_length_counts WHERE stays < 0`)).rows).toEqual([]);
    return { lengths, members };
  };

  async function employerWithHistory(regionId: string, moves: number): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'employer', 'W') RETURNING id`,
      [regionId],
    );
    let at = Date.parse('2024-06-01T00:00:00Z') + random() * 500 * DAY;
    const stages = ['prospect'];
    const ats = [new Date(at).toISOString()];
    for (let n = 0; n < moves; n++) {
      // Sometimes the same moment (a zero-length stay), sometimes a fraction of a day.
      at += random() < 0.15 ? 0 : Math.floor(random() * (random() < 0.2 ? DAY : 60 * DAY));
      stages.push(pick(STATES));
      ats.push(new Date(at).toISOString());
    }
    await db.query(
      `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause)
       SELECT $1, $2, s.stage, s.at, 'override' FROM unnest($3::text[], $4::timestamptz[]) WITH ORDINALITY AS s(stage, at, n)
       ORDER BY s.n`,
      [rows[0].id, regionId, stages, ats],
    );
    return rows[0].id;
  }

  const addTrajectory = (employerId: string, regionId: string, route: string, startedAt: string) =>
    db.query(
      `INSERT INTO trajectories (employer_id, region_id, route, candidate_ref, started_at)
       VALUES ($1, $2, $3, 'c-' || substr(md5(random()::text), 1, 10), $4)`,
      [employerId, regionId, route, startedAt],
    );

  /** Days in stage for `scope` and the range, by the statement the funnel uses and by a sort of every stay. */
  const bothPercentiles = async (scope: string[], from: string, to: string, now: Date | string) => ({
    exact: (await db.query(STAY_PERCENTILES, [scope, from, to, now, ...wholeMonths({ from, to })])).rows,
    sorted: (await db.query(SORTED_STAY_PERCENTILES, [scope, from, to, now])).rows,
  });

  const employers = async () =>
    (await db.query(`SELECT id, region_id FROM organisations WHERE kind = 'employer' AND name = 'W'`)).rows as {
      id: string;
      region_id: string;
    }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
    regions = (await db.query(`SELECT id FROM regions WHERE code IN ('AM25', 'AM38') ORDER BY code`)).rows.map(
      (r: { id: string }) => r.id,
    );
    emptyRegion = (await db.query(`SELECT id FROM regions WHERE code = 'AM13'`)).rows[0].id;
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.end();
    await database?.drop();
  });

  it('should equal the aggregates after histories and trajectories written many rows per statement', async () => {
    for (let e = 0; e < 80; e++) {
      const regionId = pick(regions);
      const employerId = await employerWithHistory(regionId, 1 + Math.floor(random() * 12));
      if (random() < 0.5)
        await addTrajectory(employerId, regionId, pick(ROUTES), day(Date.parse('2024-01-01') + random() * 700 * DAY));
    }
    const { lengths, members } = await expectEqualToRaw();
    expect(lengths.length).toBeGreaterThan(50);
    expect(members.length).toBeGreaterThan(20);
  });

  it('should follow random stage changes, trajectory changes and deletes across employers and regions', async () => {
    const all = await employers();
    for (let step = 0; step < 120; step++) {
      const employer = pick(all);
      const roll = random();
      if (roll < 0.3) {
        await db.query(
          `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause) VALUES ($1, $2, $3, $4, 'manual')`,
          [employer.id, employer.region_id, pick(STATES), new Date(Date.parse('2024-06-01') + random() * 700 * DAY)],
        );
      } else if (roll < 0.45) {
        await db.query(
          `UPDATE stage_changes SET at = at + $2::interval, to_stage = $3
           WHERE seq = (SELECT seq FROM stage_changes WHERE employer_id = $1 ORDER BY random() LIMIT 1)`,
          [employer.id, `${Math.floor(random() * 60) - 30} days ${Math.floor(random() * 24)} hours`, pick(STATES)],
        );
      } else if (roll < 0.55) {
        await db.query(
          `DELETE FROM stage_changes WHERE seq IN (SELECT seq FROM stage_changes WHERE employer_id = $1 AND random() < 0.4)`,
          [employer.id],
        );
      } else if (roll < 0.7) {
        await addTrajectory(
          employer.id,
          employer.region_id,
          pick(ROUTES),
          day(Date.parse('2024-01-01') + random() * 700 * DAY),
        );
      } else if (roll < 0.85) {
        // The columns a member depends on, or only its status (which must change nothing).
        if (random() < 0.5)
          await db.query(
            `UPDATE trajectories SET started_at = started_at + (random() * 200)::int - 100, route = $2 WHERE employer_id = $1`,
            [employer.id, pick(ROUTES)],
          );
        else await db.query(`UPDATE trajectories SET status = 'learning' WHERE employer_id = $1`, [employer.id]);
      } else {
        await db.query(
          `DELETE FROM trajectories WHERE id IN (SELECT id FROM trajectories WHERE employer_id = $1 LIMIT 1)`,
          [employer.id],
        );
      }
    }
    await expectEqualToRaw();
  });

  it('should give the exact percentiles of a sort over every stay, for any range', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const ranges = [
      ['2024-06-01', '2026-05-01'],
      ['2025-01-01', '2025-12-31'],
      ['2025-03-05', '2025-03-20'],
      ['2025-03-01', '2025-03-15'],
      ['2025-02-10', '2025-06-30'],
      ['2024-02-29', '2025-02-28'],
      ['2025-10-26', '2025-10-26'],
    ];
    for (let n = 0; n < 10; n++) {
      const from = Date.parse('2024-06-01') + random() * 600 * DAY;
      ranges.push([day(from), day(from + random() * 300 * DAY)]);
    }
    for (const scope of [[regions[0]], regions, [emptyRegion]])
      for (const [from, to] of ranges) {
        const { exact, sorted } = await bothPercentiles(scope, from, to, now);
        expect({ from, to, q: exact }).toEqual({ from, to, q: sorted });
      }
  });

  it('should put an ongoing stay in the bucket the sort puts it in when it began on a bucket bound', async () => {
    // Ongoing stays are counted per day bucket by their start's place between `now − k·86,400 s` bounds, and their
    // values read by the same bounds: stays at, and a microsecond either side of, a bound; stays begun at `now`
    // (zero days: left out) and after it; a bucket that also holds an ended stay. Each walk is one employer's
    // stage changes, oldest first, as [stage, age at now].
    const now = '2026-05-01T12:00:00Z';
    const ongoing = (stage: string, ages: string[]) => ages.map((age) => [[stage, age]]);
    const walks = [
      ...ongoing('contacted', ['86400 s', '86399.999999 s', '86400.000001 s', '172800 s', '0 s']),
      ...ongoing('interested', ['172800 s', '172800 s', '172799.999999 s', '259200.000001 s', '1 s']),
      ...ongoing('sw_pilot', ['0.000001 s', '86400 s', '-3600 s', '2592000 s', '2591999.999999 s']),
      // Bucket 0 is the wanted one here, so a stay of zero days read into it would show.
      ...ongoing('own_trajectory', ['0 s', '3600 s', '7200 s']),
      // An ended interested stay of 2.5 days, in the bucket of the ongoing ones of 2 days.
      [
        ['interested', '864000 s'],
        ['contacted', '648000 s'],
      ],
    ];
    const [{ id: regionId }] = (await db.query(`SELECT id FROM regions WHERE code = 'AM01'`)).rows;
    for (const walk of walks)
      await db.query(
        `WITH e AS (INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'employer', 'Bound') RETURNING id)
         INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause)
         SELECT e.id, $1, w.stage, $2::timestamptz - w.age::interval, 'override'
         FROM e, unnest($3::text[], $4::text[]) WITH ORDINALITY AS w(stage, age, n)
         ORDER BY w.n`,
        [regionId, now, walk.map(([stage]) => stage), walk.map(([, age]) => age)],
      );
    const answered: unknown[] = [];
    for (const scope of [[regionId], [regionId, emptyRegion], [regionId, ...regions]])
      for (const [from, to] of [
        ['2026-03-01', '2026-05-01'],
        ['2026-04-29', '2026-05-01'],
        ['2026-04-01', '2026-04-30'],
      ]) {
        const { exact, sorted } = await bothPercentiles(scope, from, to, now);
        expect({ scope, from, to, q: exact }).toEqual({ scope, from, to, q: sorted });
        if (scope.length === 1 && from === '2026-03-01') answered.push(...exact.filter((row: { q: unknown }) => row.q));
      }
    // The four stages above had stays in the widest range, so the comparison was not between two empty answers.
    expect(answered).toHaveLength(4);
  });

  it('should keep the windows the migration stores (3, 6, 12 months) equal to the windows the report shows', () => {
    // employer_cohort_members stores the first window reached; a window added to the report needs a migration too.
    expect(COHORT_WINDOWS.map(Number)).toEqual([3, 6, 12]);
  });

  it('should count reached and cohorts of one region from the facts as the statements for several regions do', async () => {
    const funnels = new FunnelReportRepository(dataSource);
    const cohorts = new CohortReportRepository(dataSource);
    for (const range of [
      { from: '2024-06-01', to: '2026-05-01' },
      { from: '2025-01-01', to: '2025-06-30' },
      { from: '2025-05-05', to: '2025-05-05' },
    ])
      for (const regionId of regions)
        expect(await funnels.reached([regionId], range)).toEqual(await funnels.reached([regionId, emptyRegion], range));
    for (const by of ['quarter', 'month'] as const)
      for (const today of ['2025-06-15', '2026-11-29'])
        for (const regionId of regions) {
          const one = await cohorts.cohorts([regionId], by, today);
          expect(one.length).toBeGreaterThan(0);
          expect(one).toEqual(await cohorts.cohorts([regionId, emptyRegion], by, today));
        }
  });

  it('should keep a new member right when two transactions write its trajectories at once', async () => {
    const { rows } = await db.query(
      `INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'employer', 'W') RETURNING id`,
      [regions[0]],
    );
    const employerId = rows[0].id as string;
    const other = new Client({ connectionString: database.url });
    await other.connect();
    try {
      // The first writer's trajectory stays uncommitted while the second writes a later one and commits.
      await db.query('BEGIN');
      await addTrajectory(employerId, regions[0], 'sw_internal', '2025-01-01');
      const second = other.query(
        `INSERT INTO trajectories (employer_id, region_id, route, candidate_ref, started_at)
         VALUES ($1, $2, 'sw_secondment', 'c-race', '2025-03-01')`,
        [employerId, regions[0]],
      );
      // Long enough for the second writer to reach its trigger and wait there (it cannot finish before the lock).
      await new Promise((resolve) => setTimeout(resolve, 300));
      await db.query('COMMIT');
      await second;
    } finally {
      await other.end();
    }
    const member = await db.query(`SELECT start::text FROM employer_cohort_members WHERE employer_id = $1`, [
      employerId,
    ]);
    expect(member.rows).toEqual([{ start: '2025-01-01' }]);
    await expectEqualToRaw();
  });

  it('should write one statement touching 60,000 employers without running out of locks', async () => {
    // One advisory lock per employer would need more than PostgreSQL's shared lock table holds (64 per connection
    // by default); employers share a bounded set of lock buckets.
    const { rows } = await db.query(
      `WITH e AS (INSERT INTO organisations (region_id, kind, name)
                  SELECT $1, 'employer', 'Bulk' FROM generate_series(1, 60000) RETURNING id)
       INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause)
       SELECT id, $1, 'sw_pilot', '2025-05-01T10:00:00Z', 'override' FROM e RETURNING employer_id`,
      [regions[1]],
    );
    expect(rows).toHaveLength(60_000);
    const members = await db.query(
      `SELECT count(*)::int AS n FROM employer_cohort_members m JOIN organisations o ON o.id = m.employer_id
       WHERE o.name = 'Bulk' AND m.start = '2025-05-01'`,
    );
    expect(members.rows).toEqual([{ n: 60_000 }]);
    await expectEqualToRaw();
  });

  it('should keep nothing of a rolled-back write', async () => {
    const before = await expectEqualToRaw();
    await db.query('BEGIN');
    const employerId = await employerWithHistory(regions[0], 4);
    await addTrajectory(employerId, regions[0], 'sw_internal', '2025-02-01');
    await db.query('ROLLBACK');
    expect(await expectEqualToRaw()).toEqual(before);
  });

  it('should notice a broken trigger (the checks above compare against the raw tables)', async () => {
    await db.query('BEGIN');
    try {
      await db.query(`ALTER TABLE stage_change_stays DISABLE TRIGGER stage_change_stays_lengths_insert`);
      await db.query(`ALTER TABLE trajectories DISABLE TRIGGER trajectories_cohort_members_insert`);
      const employerId = await employerWithHistory(regions[1], 5);
      await addTrajectory(employerId, regions[1], 'sw_secondment', '2025-03-01');
      const [lengths, rawLengths, members, rawMembers] = await answers(LENGTHS, RAW_LENGTHS, MEMBERS, RAW_MEMBERS);
      expect(lengths).not.toEqual(rawLengths);
      expect(members).not.toEqual(rawMembers);
    } finally {
      await db.query('ROLLBACK');
    }
    await expectEqualToRaw();
  });

  it('should forget a deleted employer (cascade) and truncated tables', async () => {
    const employerId = await employerWithHistory(regions[0], 6);
    await addTrajectory(employerId, regions[0], 'sw_internal', '2025-01-15');
    expect(
      (await db.query(`SELECT * FROM employer_cohort_members WHERE employer_id = $1`, [employerId])).rows,
    ).toHaveLength(1);
    await db.query(`DELETE FROM organisations WHERE id = $1`, [employerId]);
    expect((await db.query(`SELECT * FROM employer_cohort_members WHERE employer_id = $1`, [employerId])).rows).toEqual(
      [],
    );
    await expectEqualToRaw();
    await db.query(`TRUNCATE trajectories`);
    await expectEqualToRaw();
    await db.query(`TRUNCATE stage_changes`);
    expect((await db.query(LENGTHS)).rows).toEqual([]);
    expect((await db.query(MEMBERS)).rows).toEqual([]);
  });
});
