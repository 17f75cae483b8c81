import { MigrationInterface, QueryRunner } from 'typeorm';

const PIPELINE = ['prospect', 'contacted', 'interested', 'sw_pilot', 'own_trajectory', 'structural', 'ambassador'];
const IN_PIPELINE = `to_stage IN (${PIPELINE.map((s) => `'${s}'`).join(', ')})`;
const RANK = `array_position(ARRAY[${PIPELINE.map((s) => `'${s}'`).join(', ')}]::text[], to_stage)`;

const STAY_COLUMNS = `employer_id, seq, region_id, to_stage, at, left_at`;
// Each column: the employer's latest row to that stage or a later one (rank >= the stage's rank).
const LAST_COLUMNS = PIPELINE.map((stage) => `${stage}_at`);
const LASTS = PIPELINE.map((_, i) => (i === 0 ? `max(at)` : `max(at) FILTER (WHERE ${RANK} >= ${i + 1})`)).join(', ');

const STAY_UPDATE = `region_id = excluded.region_id, to_stage = excluded.to_stage, at = excluded.at,
          left_at = excluded.left_at`;

/**
 * An insert: the new rows' stays and the stay each touched employer had before its first new row (it now
 * ends there), from stage_changes — every row of the employer from that row on, so rows recorded in any
 * order stay exact; the earlier rows' next rows did not change. The lasts can only grow: the new rows'
 * latest moments are merged in. Both read stage_changes per employer through its employer index (a bulk
 * import of new employers must not scan the whole table): `max(p.seq + 0)`, not `max(p.seq)`, which the
 * planner answers by walking the seq index backwards past every other employer's rows (quadratic in a bulk
 * insert of new employers, which have no earlier row).
 */
const ADDED = `
        INSERT INTO stage_change_stays AS t (${STAY_COLUMNS})
        SELECT s.employer_id, s.seq, s.region_id, s.to_stage, s.at, s.left_at
        FROM (SELECT employer_id, min(seq) AS first_seq FROM added GROUP BY employer_id) n
        CROSS JOIN LATERAL (
          SELECT c.employer_id, c.seq, c.region_id, c.to_stage, c.at, lead(c.at) OVER (ORDER BY c.seq) AS left_at
          FROM stage_changes c
          WHERE c.employer_id = n.employer_id
            AND c.seq >= coalesce((SELECT max(p.seq + 0) FROM stage_changes p
                                   WHERE p.employer_id = n.employer_id AND p.seq < n.first_seq), n.first_seq)) s
        WHERE s.${IN_PIPELINE}
        ON CONFLICT (employer_id, seq) DO UPDATE SET ${STAY_UPDATE};
        INSERT INTO employer_stage_lasts AS l (region_id, employer_id, ${LAST_COLUMNS.join(', ')})
        SELECT region_id, employer_id, ${LASTS}
        FROM added WHERE ${IN_PIPELINE}
        GROUP BY region_id, employer_id
        ON CONFLICT (region_id, employer_id) DO UPDATE SET
          ${LAST_COLUMNS.map((c) => `${c} = greatest(l.${c}, excluded.${c})`).join(', ')};`;

/**
 * An update or delete: the touched employers' stays and lasts again, from what stage_changes holds now
 * (`touched`, an array of employer ids, is read through the employer indexes). Stays: every pipeline row
 * with the `at` of the employer's next row by `seq` (of any stage, side states too), null for its current row.
 */
const RECOMPUTE = `
        DELETE FROM stage_change_stays WHERE employer_id = ANY(touched);
        INSERT INTO stage_change_stays AS t (${STAY_COLUMNS})
        SELECT employer_id, seq, region_id, to_stage, at, left_at
        FROM (SELECT employer_id, seq, region_id, to_stage, at,
                     lead(at) OVER (PARTITION BY employer_id ORDER BY seq) AS left_at
              FROM stage_changes WHERE employer_id = ANY(touched)) s
        WHERE ${IN_PIPELINE}
        ON CONFLICT (employer_id, seq) DO UPDATE SET ${STAY_UPDATE};
        DELETE FROM employer_stage_lasts WHERE employer_id = ANY(touched);
        INSERT INTO employer_stage_lasts AS l (region_id, employer_id, ${LAST_COLUMNS.join(', ')})
        SELECT region_id, employer_id, ${LASTS}
        FROM stage_changes WHERE employer_id = ANY(touched) AND ${IN_PIPELINE}
        GROUP BY region_id, employer_id
        ON CONFLICT (region_id, employer_id) DO UPDATE SET
          ${LAST_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')};`;

/**
 * Issue 8, benchmark d (docs/benchmarks.md): the funnel and the target actuals read the facts they need
 * instead of every stage change of the range.
 *
 * - `stage_change_stays`: one row per stage change to a pipeline stage, with `left_at`, the `at` of the
 *   employer's next change by `seq` (null while it is the current one). The funnel's days in stage are then
 *   `coalesce(left_at, now) - at` over the stays that began in the range: no sort of every row since the
 *   range's start by employer for `lead()`.
 * - `employer_stage_lasts`: per (region, employer) with a pipeline row, the latest `at` of a row to each
 *   stage or a later one (`sw_pilot_at` = last row to sw_pilot, own_trajectory, structural or ambassador).
 *   An employer whose rows all lie before the range's end reached S or later in the range exactly when
 *   that column is in the range, so "reached" counts one narrow row per employer active since the range's
 *   start; only employers with rows after the range's end are counted from stage_changes.
 *
 * Both are kept exactly by statement triggers on `stage_changes`, in the same transaction as every write
 * (as `employer_stage_firsts`, migration 1764300011000): an insert adds the new rows' facts and ends the
 * stays they follow; an update or delete recomputes the touched employers from what stage_changes holds
 * then; a truncate empties both.
 */
export class StageReportFacts1764300030000 implements MigrationInterface {
  name = 'StageReportFacts1764300030000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stage_change_stays (
        employer_id uuid NOT NULL,
        seq bigint NOT NULL,
        region_id uuid NOT NULL,
        to_stage text NOT NULL,
        at timestamptz NOT NULL,
        left_at timestamptz,
        PRIMARY KEY (employer_id, seq)
      )`);
    // Stage first: a report over every region (no region condition) still reads one range per stage.
    await db.query(
      `CREATE INDEX stage_change_stays_stage_region_at ON stage_change_stays (to_stage, region_id, at) INCLUDE (left_at)`,
    );
    await db.query(`
      CREATE TABLE employer_stage_lasts (
        region_id uuid NOT NULL,
        employer_id uuid NOT NULL,
        ${LAST_COLUMNS.map((c, i) => `${c} timestamptz${i === 0 ? ' NOT NULL' : ''}`).join(',\n        ')},
        PRIMARY KEY (region_id, employer_id)
      )`);
    await db.query(`CREATE INDEX employer_stage_lasts_employer ON employer_stage_lasts (employer_id)`);
    // prospect_at is each employer's latest pipeline row: the range's employers are one index range.
    await db.query(
      `CREATE INDEX employer_stage_lasts_region_last ON employer_stage_lasts (region_id, prospect_at)
       INCLUDE (${LAST_COLUMNS.slice(1).join(', ')})`,
    );
    await db.query(`
      CREATE FUNCTION stage_report_facts_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${ADDED}
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION stage_report_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        touched uuid[];
      BEGIN
        -- Only the UPDATE trigger has the changed (new) rows; plpgsql plans a branch when it first runs it.
        IF TG_OP = 'UPDATE' THEN
          touched := ARRAY(SELECT employer_id FROM removed UNION SELECT employer_id FROM changed);
        ELSE
          touched := ARRAY(SELECT DISTINCT employer_id FROM removed);
        END IF;
        ${RECOMPUTE}
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION stage_report_facts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM stage_change_stays;
        DELETE FROM employer_stage_lasts;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER stage_changes_report_facts_insert AFTER INSERT ON stage_changes
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION stage_report_facts_added()`);
    await db.query(`
      CREATE TRIGGER stage_changes_report_facts_update AFTER UPDATE ON stage_changes
      REFERENCING OLD TABLE AS removed NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION stage_report_facts_changed()`);
    await db.query(`
      CREATE TRIGGER stage_changes_report_facts_delete AFTER DELETE ON stage_changes
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION stage_report_facts_changed()`);
    await db.query(`
      CREATE TRIGGER stage_changes_report_facts_truncate AFTER TRUNCATE ON stage_changes
      FOR EACH STATEMENT EXECUTE FUNCTION stage_report_facts_truncated()`);
    await db.query(`
      INSERT INTO stage_change_stays (${STAY_COLUMNS})
      SELECT employer_id, seq, region_id, to_stage, at, left_at
      FROM (SELECT employer_id, seq, region_id, to_stage, at,
                   lead(at) OVER (PARTITION BY employer_id ORDER BY seq) AS left_at
            FROM stage_changes) s
      WHERE ${IN_PIPELINE}`);
    await db.query(`
      INSERT INTO employer_stage_lasts (region_id, employer_id, ${LAST_COLUMNS.join(', ')})
      SELECT region_id, employer_id, ${LASTS}
      FROM stage_changes WHERE ${IN_PIPELINE}
      GROUP BY region_id, employer_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS stage_changes_report_facts_truncate ON stage_changes`);
    await db.query(`DROP TRIGGER IF EXISTS stage_changes_report_facts_delete ON stage_changes`);
    await db.query(`DROP TRIGGER IF EXISTS stage_changes_report_facts_update ON stage_changes`);
    await db.query(`DROP TRIGGER IF EXISTS stage_changes_report_facts_insert ON stage_changes`);
    await db.query(`DROP FUNCTION IF EXISTS stage_report_facts_truncated()`);
    await db.query(`DROP FUNCTION IF EXISTS stage_report_facts_changed()`);
    await db.query(`DROP FUNCTION IF EXISTS stage_report_facts_added()`);
    await db.query(`DROP TABLE IF EXISTS employer_stage_lasts`);
    await db.query(`DROP TABLE IF EXISTS stage_change_stays`);
  }
}
