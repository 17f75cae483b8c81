import { MigrationInterface, QueryRunner } from 'typeorm';

// The stages the cohort report asks "first reached when?" about (docs/metrics.md "First reached S").
const FIRSTS = `min(at) FILTER (WHERE to_stage = 'sw_pilot'),
         min(at) FILTER (WHERE to_stage IN ('own_trajectory', 'structural', 'ambassador')),
         min(at) FILTER (WHERE to_stage IN ('structural', 'ambassador'))`;
const LATER_STAGES = `to_stage IN ('sw_pilot', 'own_trajectory', 'structural', 'ambassador')`;
const COLUMNS = `region_id, employer_id, sw_pilot_at, own_trajectory_at, structural_at`;
// least() skips NULLs: a row keeps the earliest moment seen per stage.
const KEEP_EARLIEST = `ON CONFLICT (region_id, employer_id) DO UPDATE SET
         sw_pilot_at = least(f.sw_pilot_at, excluded.sw_pilot_at),
         own_trajectory_at = least(f.own_trajectory_at, excluded.own_trajectory_at),
         structural_at = least(f.structural_at, excluded.structural_at)`;

/**
 * Issue 8, benchmark d (docs/benchmarks.md): the cohort report read every row to sw_pilot and later stages of
 * the region (most of a long-running region's history) to find three minima per employer. This table keeps
 * those minima, one row per (region, employer) with any such row: `min(at)` per column over `stage_changes`
 * exactly. Triggers keep it in the same transaction as every write to `stage_changes` (stage changes,
 * imports, the demo, deletes by cascade or erasure), statement by statement, so a bulk import adds one
 * aggregate, not one upsert per row. An update or delete recomputes the employers it touched.
 */
export class EmployerStageFirsts1764300011000 implements MigrationInterface {
  name = 'EmployerStageFirsts1764300011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE employer_stage_firsts (
        region_id uuid NOT NULL,
        employer_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        sw_pilot_at timestamptz,
        own_trajectory_at timestamptz,
        structural_at timestamptz,
        PRIMARY KEY (region_id, employer_id)
      )`);
    await db.query(`CREATE INDEX employer_stage_firsts_employer ON employer_stage_firsts (employer_id)`);
    await db.query(`
      CREATE FUNCTION employer_stage_firsts_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO employer_stage_firsts AS f (${COLUMNS})
        SELECT region_id, employer_id, ${FIRSTS}
        FROM added WHERE ${LATER_STAGES}
        GROUP BY region_id, employer_id
        ${KEEP_EARLIEST};
        RETURN NULL;
      END $$`);
    // Rows changed or removed: the touched employers' minima again, from what stage_changes holds now.
    const recompute = (touched: string) => `
        DELETE FROM employer_stage_firsts f WHERE (f.region_id, f.employer_id) IN (${touched});
        INSERT INTO employer_stage_firsts AS f (${COLUMNS})
        SELECT s.region_id, s.employer_id, ${FIRSTS}
        FROM stage_changes s
        WHERE (s.region_id, s.employer_id) IN (${touched}) AND ${LATER_STAGES}
        GROUP BY s.region_id, s.employer_id
        ${KEEP_EARLIEST};`;
    await db.query(`
      CREATE FUNCTION employer_stage_firsts_recompute() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Only the UPDATE trigger has the changed (new) rows; plpgsql plans a branch when it first runs it.
        IF TG_OP = 'UPDATE' THEN
          ${recompute('SELECT region_id, employer_id FROM removed UNION SELECT region_id, employer_id FROM changed')}
        ELSE
          ${recompute('SELECT region_id, employer_id FROM removed')}
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION employer_stage_firsts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM employer_stage_firsts;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER stage_changes_firsts_insert AFTER INSERT ON stage_changes
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION employer_stage_firsts_added()`);
    await db.query(`
      CREATE TRIGGER stage_changes_firsts_update AFTER UPDATE ON stage_changes
      REFERENCING OLD TABLE AS removed NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION employer_stage_firsts_recompute()`);
    await db.query(`
      CREATE TRIGGER stage_changes_firsts_delete AFTER DELETE ON stage_changes
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION employer_stage_firsts_recompute()`);
    await db.query(`
      CREATE TRIGGER stage_changes_firsts_truncate AFTER TRUNCATE ON stage_changes
      FOR EACH STATEMENT EXECUTE FUNCTION employer_stage_firsts_truncated()`);
    await db.query(`
      INSERT INTO employer_stage_firsts (${COLUMNS})
      SELECT region_id, employer_id, ${FIRSTS}
      FROM stage_changes WHERE ${LATER_STAGES}
      GROUP BY region_id, employer_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS stage_changes_firsts_truncate ON stage_changes`);
    await db.query(`DROP TRIGGER IF EXISTS stage_changes_firsts_delete ON stage_changes`);
    await db.query(`DROP TRIGGER IF EXISTS stage_changes_firsts_update ON stage_changes`);
    await db.query(`DROP TRIGGER IF EXISTS stage_changes_firsts_insert ON stage_changes`);
    await db.query(`DROP FUNCTION IF EXISTS employer_stage_firsts_truncated()`);
    await db.query(`DROP FUNCTION IF EXISTS employer_stage_firsts_recompute()`);
    await db.query(`DROP FUNCTION IF EXISTS employer_stage_firsts_added()`);
    await db.query(`DROP TABLE IF EXISTS employer_stage_firsts`);
  }
}
