import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = `trajectory_id, employer_id, region_id, started_at, route, status, sbi_version, sbi_section, size_class`;
// The trajectory columns a row copies: an update that changes none of these leaves the row as it is.
const COPIED = (alias: string) =>
  ['employer_id', 'region_id', 'started_at', 'route', 'status'].map((c) => `${alias}.${c}`).join(', ');

/**
 * Issue 8, benchmark d (docs/benchmarks.md): the trajectory report counts the trajectories started in a range
 * per route, status, employer's SBI section and employer's size class. It looked up each trajectory's employer
 * (7,000 index lookups for a year of one busy region, three quarters of the report's time); `trajectory_starts`
 * holds one row per trajectory with those employer fields beside its own, so a region's range is read from one
 * covering index.
 *
 * Kept exactly by statement triggers in the same transaction as every write: on `trajectories` (insert, an
 * update of a copied column, delete, truncate) and on `organisations` (an update of the SBI code's version and
 * section or the size class). A new trajectory's row is written while its employer's row is locked FOR SHARE,
 * which an update of the employer waits for (and the other way round), so a row never keeps the fields of an
 * employer update it did not see; updates of a trajectory's own columns lock nothing more. No foreign keys: the
 * trajectory's delete (also a cascade from its employer) removes the row through the trigger.
 */
export class TrajectoryStarts1764300043000 implements MigrationInterface {
  name = 'TrajectoryStarts1764300043000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE trajectory_starts (
        trajectory_id uuid PRIMARY KEY,
        employer_id uuid NOT NULL,
        region_id uuid NOT NULL,
        started_at date NOT NULL,
        route text NOT NULL,
        status text NOT NULL,
        sbi_version smallint,
        sbi_section character(1),
        size_class text
      )`);
    await db.query(`CREATE INDEX trajectory_starts_employer ON trajectory_starts (employer_id)`);
    // A region's range with everything the report groups by: an index-only scan.
    await db.query(
      `CREATE INDEX trajectory_starts_region_started ON trajectory_starts (region_id, started_at)
       INCLUDE (route, status, sbi_version, sbi_section, size_class)`,
    );
    // New trajectories, and those moved to another employer (or given another id): the employer's fields are read
    // under a FOR SHARE lock, held to commit, so an update of them that commits meanwhile waits for this row and its
    // trigger then sees it (an employer update that came first is waited for and read as committed).
    await db.query(`
      CREATE FUNCTION trajectory_starts_refresh(touched uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM organisations o
        WHERE o.id IN (SELECT t.employer_id FROM trajectories t WHERE t.id = ANY(touched))
        FOR SHARE OF o;
        -- A statement of its own after the lock, so it reads the employers as their last committed update left them.
        INSERT INTO trajectory_starts (${COLUMNS})
        SELECT t.id, t.employer_id, t.region_id, t.started_at, t.route, t.status, o.sbi_version, o.sbi_section, o.size_class
        FROM trajectories t JOIN organisations o ON o.id = t.employer_id
        WHERE t.id = ANY(touched)
        ON CONFLICT (trajectory_id) DO UPDATE SET employer_id = excluded.employer_id, region_id = excluded.region_id,
          started_at = excluded.started_at, route = excluded.route, status = excluded.status,
          sbi_version = excluded.sbi_version, sbi_section = excluded.sbi_section, size_class = excluded.size_class;
      END $$`);
    await db.query(`
      CREATE FUNCTION trajectory_starts_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM trajectory_starts_refresh(ARRAY(SELECT id FROM added));
        RETURN NULL;
      END $$`);
    // Status changes are the common update: they copy the trajectory's own columns and take no lock on the employer,
    // whose row the trajectory's writers may already have waited for in the other order (an employer's delete
    // cascading to a trajectory being updated; a stage change holding the employer while the cohort trigger waits).
    await db.query(`
      CREATE FUNCTION trajectory_starts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        moved uuid[];
      BEGIN
        UPDATE trajectory_starts s
        SET region_id = c.region_id, started_at = c.started_at, route = c.route, status = c.status
        FROM changed c JOIN removed r ON r.id = c.id AND r.employer_id = c.employer_id
        WHERE s.trajectory_id = c.id AND (${COPIED('r')}) IS DISTINCT FROM (${COPIED('c')});
        SELECT array_agg(c.id) INTO moved
        FROM changed c LEFT JOIN removed r ON r.id = c.id
        WHERE r.id IS NULL OR r.employer_id <> c.employer_id;
        IF moved IS NOT NULL THEN
          PERFORM trajectory_starts_refresh(moved);
        END IF;
        DELETE FROM trajectory_starts s
        WHERE s.trajectory_id IN (SELECT r.id FROM removed r WHERE NOT EXISTS (SELECT 1 FROM changed c WHERE c.id = r.id));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION trajectory_starts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM trajectory_starts WHERE trajectory_id IN (SELECT id FROM removed);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION trajectory_starts_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM trajectory_starts;
        RETURN NULL;
      END $$`);
    // Every update of organisations (names, stages, imports) runs this: only employers whose SBI code or size class
    // changed are looked for, so most statements end at the comparison of their own rows.
    await db.query(`
      CREATE FUNCTION trajectory_starts_employers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        touched uuid[];
      BEGIN
        SELECT array_agg(c.id) INTO touched
        FROM changed c JOIN removed r ON r.id = c.id
        WHERE (c.sbi_version, c.sbi_section, c.size_class) IS DISTINCT FROM (r.sbi_version, r.sbi_section, r.size_class);
        IF touched IS NULL THEN
          RETURN NULL;
        END IF;
        UPDATE trajectory_starts s
        SET sbi_version = c.sbi_version, sbi_section = c.sbi_section, size_class = c.size_class
        FROM changed c
        WHERE c.id = ANY(touched) AND s.employer_id = c.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER trajectories_starts_insert AFTER INSERT ON trajectories
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION trajectory_starts_added()`);
    await db.query(`
      CREATE TRIGGER trajectories_starts_update AFTER UPDATE ON trajectories
      REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION trajectory_starts_changed()`);
    await db.query(`
      CREATE TRIGGER trajectories_starts_delete AFTER DELETE ON trajectories
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION trajectory_starts_removed()`);
    await db.query(`
      CREATE TRIGGER trajectories_starts_truncate AFTER TRUNCATE ON trajectories
      FOR EACH STATEMENT EXECUTE FUNCTION trajectory_starts_emptied()`);
    await db.query(`
      CREATE TRIGGER organisations_trajectory_starts_update AFTER UPDATE ON organisations
      REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION trajectory_starts_employers_changed()`);
    await db.query(`SELECT trajectory_starts_refresh(ARRAY(SELECT id FROM trajectories))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS organisations_trajectory_starts_update ON organisations`);
    for (const op of ['insert', 'update', 'delete', 'truncate'])
      await db.query(`DROP TRIGGER IF EXISTS trajectories_starts_${op} ON trajectories`);
    for (const fn of ['employers_changed', 'emptied', 'removed', 'changed', 'added'])
      await db.query(`DROP FUNCTION IF EXISTS trajectory_starts_${fn}()`);
    await db.query(`DROP FUNCTION IF EXISTS trajectory_starts_refresh(uuid[])`);
    await db.query(`DROP TABLE IF EXISTS trajectory_starts`);
  }
}
