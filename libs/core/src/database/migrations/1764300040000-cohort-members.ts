import { MigrationInterface, QueryRunner } from 'typeorm';

const LOCAL_DAY = (expression: string) => `(${expression} AT TIME ZONE 'Europe/Amsterdam')::date`;
const SW_ROUTES = `route IN ('sw_internal', 'sw_secondment')`;
const WINDOWS = [3, 6, 12];
// The first cohort window (in months after the start) in which `column` lies, NULL for none (docs/metrics.md).
const WITHIN = (column: string) =>
  `CASE ${WINDOWS.map((n) => `WHEN ${column} <= (start + interval '${n} months')::date THEN ${n}`).join(' ')} END`;
const COLUMNS = `region_id, employer_id, start, cohort_month, own_within, structural_within`;
/**
 * Advisory lock namespace (first key of pg_advisory_xact_lock(int, int)) for employers' member rows. Two
 * writers of one employer's sources each see only their own uncommitted rows: without a lock, the later
 * upsert could overwrite the other's row with values computed without it. With it, the second waits for the
 * first to commit, and its statements, each with a fresh snapshot (READ COMMITTED), then see both.
 * Employers share MEMBER_LOCK_BUCKETS locks (by hash), so a statement touching 50,000 employers takes at most
 * that many, not one each: PostgreSQL's lock table (max_locks_per_transaction) would run out.
 */
const MEMBER_LOCK = 7201;
const MEMBER_LOCK_BUCKETS = 64;
// The lock makes concurrent upserts of one employer wait for each other; the conflict clause is for the rows of
// an employer that a recompute's DELETE did not see yet (inserted and committed by another writer meanwhile).
const UPSERT = `ON CONFLICT (region_id, employer_id) DO UPDATE SET start = excluded.start,
          cohort_month = excluded.cohort_month, own_within = excluded.own_within,
          structural_within = excluded.structural_within`;

/**
 * Member rows per region from what `employer_stage_firsts` and `trajectories` hold now, for the employers
 * matching `which` (a condition on `employer_id`): as the cohort report's statement for one region, each
 * employer's firsts (Amsterdam dates) full-joined with the start of its first SW trajectory there.
 */
const MEMBERS = (which: string) => `
        SELECT region_id, employer_id, start, date_trunc('month', start::timestamp)::date,
               ${WITHIN('own')}, ${WITHIN('structural')}
        FROM (SELECT coalesce(r.region_id, sw.region_id) AS region_id, coalesce(r.employer_id, sw.employer_id) AS employer_id,
                     least(r.pilot, sw.started) AS start, r.own, r.structural
              FROM (SELECT region_id, employer_id, ${LOCAL_DAY('sw_pilot_at')} AS pilot,
                           ${LOCAL_DAY('own_trajectory_at')} AS own, ${LOCAL_DAY('structural_at')} AS structural
                    FROM employer_stage_firsts WHERE ${which}) r
              FULL JOIN (SELECT region_id, employer_id, min(started_at) AS started
                         FROM trajectories WHERE ${which} AND ${SW_ROUTES}
                         GROUP BY region_id, employer_id) sw
                ON sw.region_id = r.region_id AND sw.employer_id = r.employer_id) m
        WHERE start IS NOT NULL`;

/**
 * Issue 8, benchmark d (docs/benchmarks.md): the cohort report of one region reads `employer_cohort_members`
 * instead of full-joining every employer's firsts with its SW trajectories and testing six month windows per
 * employer on every request.
 *
 * One row per (region, employer) in an sw_pilot cohort (docs/metrics.md "Trajectories and the sw_pilot
 * cohort"): `start` = the earlier of the first row to sw_pilot (Amsterdam date) and the first SW trajectory's
 * start, `cohort_month` its month (a quarter is three whole months), and `own_within` / `structural_within` =
 * the first of the windows 3, 6, 12 months after `start` on or before whose end the employer first reached
 * own_trajectory-or-later / structural-or-later (NULL: none). None of these depend on today; which windows
 * have passed does, and the report decides that per cohort.
 *
 * Kept exactly by statement triggers in the same transaction as every write to `employer_stage_firsts`
 * (itself kept by triggers on `stage_changes`) and to `trajectories`: the touched employers' rows are
 * computed again from what both tables hold then; a truncate of either rebuilds the table. No foreign key to
 * organisations: an employer's delete cascades to both sources, whose triggers then remove its rows.
 */
export class CohortMembers1764300040000 implements MigrationInterface {
  name = 'CohortMembers1764300040000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE employer_cohort_members (
        region_id uuid NOT NULL,
        employer_id uuid NOT NULL,
        start date NOT NULL,
        cohort_month date NOT NULL,
        own_within smallint,
        structural_within smallint,
        PRIMARY KEY (region_id, employer_id)
      )`);
    await db.query(`CREATE INDEX employer_cohort_members_employer ON employer_cohort_members (employer_id)`);
    // A region's members by month, read from the index alone.
    await db.query(
      `CREATE INDEX employer_cohort_members_region_month ON employer_cohort_members (region_id, cohort_month)
       INCLUDE (own_within, structural_within)`,
    );
    await db.query(`
      CREATE FUNCTION employer_cohort_members_recompute(touched uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        -- In bucket order, so two writers of several employers cannot wait for each other in a circle.
        PERFORM pg_advisory_xact_lock(${MEMBER_LOCK}, bucket)
        FROM (SELECT DISTINCT hashtext(e::text) & ${MEMBER_LOCK_BUCKETS - 1} AS bucket FROM unnest(touched) e
              ORDER BY bucket) ordered;
        DELETE FROM employer_cohort_members WHERE employer_id = ANY(touched);
        INSERT INTO employer_cohort_members (${COLUMNS}) ${MEMBERS('employer_id = ANY(touched)')}
        ${UPSERT};
      END $$`);
    await db.query(`
      CREATE FUNCTION employer_cohort_members_rebuilt() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM employer_cohort_members;
        INSERT INTO employer_cohort_members (${COLUMNS}) ${MEMBERS('true')};
        RETURN NULL;
      END $$`);
    // One function per transition-table shape: the touched employers, old and new rows alike.
    await db.query(`
      CREATE FUNCTION employer_cohort_members_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM employer_cohort_members_recompute(ARRAY(SELECT DISTINCT employer_id FROM added));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION employer_cohort_members_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM employer_cohort_members_recompute(ARRAY(SELECT employer_id FROM removed UNION SELECT employer_id FROM changed));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION employer_cohort_members_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM employer_cohort_members_recompute(ARRAY(SELECT DISTINCT employer_id FROM removed));
        RETURN NULL;
      END $$`);
    // Trajectories change often (status, outcome): only changes of a column a member depends on recompute.
    await db.query(`
      CREATE FUNCTION employer_cohort_members_trajectories_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM employer_cohort_members_recompute(ARRAY(
          SELECT employer_id FROM removed r
          WHERE NOT EXISTS (SELECT 1 FROM changed c WHERE c.id = r.id AND c.employer_id = r.employer_id
                              AND c.region_id = r.region_id AND c.route = r.route AND c.started_at = r.started_at)
          UNION
          SELECT employer_id FROM changed c
          WHERE NOT EXISTS (SELECT 1 FROM removed r WHERE r.id = c.id AND r.employer_id = c.employer_id
                              AND r.region_id = c.region_id AND r.route = c.route AND r.started_at = c.started_at)));
        RETURN NULL;
      END $$`);
    for (const table of ['employer_stage_firsts', 'trajectories']) {
      const changed =
        table === 'trajectories' ? 'employer_cohort_members_trajectories_changed' : 'employer_cohort_members_changed';
      await db.query(`
        CREATE TRIGGER ${table}_cohort_members_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION employer_cohort_members_added()`);
      await db.query(`
        CREATE TRIGGER ${table}_cohort_members_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${changed}()`);
      await db.query(`
        CREATE TRIGGER ${table}_cohort_members_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION employer_cohort_members_removed()`);
      await db.query(`
        CREATE TRIGGER ${table}_cohort_members_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION employer_cohort_members_rebuilt()`);
    }
    await db.query(`
      INSERT INTO employer_cohort_members (${COLUMNS}) ${MEMBERS('true')}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['employer_stage_firsts', 'trajectories'])
      for (const op of ['insert', 'update', 'delete', 'truncate'])
        await db.query(`DROP TRIGGER IF EXISTS ${table}_cohort_members_${op} ON ${table}`);
    for (const fn of ['trajectories_changed', 'removed', 'changed', 'added', 'rebuilt'])
      await db.query(`DROP FUNCTION IF EXISTS employer_cohort_members_${fn}()`);
    await db.query(`DROP FUNCTION IF EXISTS employer_cohort_members_recompute(uuid[])`);
    await db.query(`DROP TABLE IF EXISTS employer_cohort_members`);
  }
}
