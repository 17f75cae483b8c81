import { MigrationInterface, QueryRunner } from 'typeorm';

// A stay's length in days, exactly as the funnel computes it (libs/reporting), and its whole-day bucket.
const DAYS = `date_part('epoch', left_at - at) / 86400`;
const BUCKET = `floor(${DAYS})::int`;
const MONTH = `date_trunc('month', at AT TIME ZONE 'Europe/Amsterdam')::date`;
// Only ended stays of positive length have a fixed length; the funnel leaves out those of zero length.
const COUNTED = `left_at IS NOT NULL AND ${DAYS} > 0`;

/**
 * Issue 8, benchmark d (docs/benchmarks.md): the funnel's median and p75 days in stage without sorting every
 * stay of the range.
 *
 * `stay_length_counts` holds, per (region, stage, Amsterdam month the stay began, whole days of its length),
 * how many ended stays of positive length `stage_change_stays` has. The funnel adds the counts of the range's
 * whole months to the stays of its partial months and its ongoing stays (their length grows with `now`),
 * finds the whole-day bucket each wanted rank falls in, and reads only that bucket's stays, sorted, through
 * the index on the length's bucket: the answer is the exact percentile (libs/reporting, FunnelReportRepository).
 *
 * Kept exactly by statement triggers on `stage_change_stays` (itself kept by triggers on `stage_changes`),
 * in the same transaction as every write: each statement adds its new rows' cells and takes away its old
 * rows' cells, in key order (concurrent writers lock shared cells in one order); a truncate empties it.
 */
export class StayLengthCounts1764300041000 implements MigrationInterface {
  name = 'StayLengthCounts1764300041000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stay_length_counts (
        region_id uuid NOT NULL,
        to_stage text NOT NULL,
        start_month date NOT NULL,
        length_days int NOT NULL,
        stays int NOT NULL,
        PRIMARY KEY (region_id, to_stage, start_month, length_days)
      )`);
    // The stays of one length bucket that began in a range, and the ongoing stays of a range.
    await db.query(`
      CREATE INDEX stage_change_stays_length ON stage_change_stays (to_stage, region_id, (${BUCKET}), at)
      INCLUDE (left_at) WHERE ${COUNTED}`);
    await db.query(
      `CREATE INDEX stage_change_stays_ongoing ON stage_change_stays (to_stage, region_id, at) WHERE left_at IS NULL`,
    );
    const cells = (rows: string, sign: string) =>
      `SELECT region_id, to_stage, ${MONTH} AS start_month, ${BUCKET} AS length_days, ${sign}1 AS stays
       FROM ${rows} WHERE ${COUNTED}`;
    const apply = (parts: string[]) => `
        INSERT INTO stay_length_counts AS c (region_id, to_stage, start_month, length_days, stays)
        SELECT region_id, to_stage, start_month, length_days, sum(stays)
        FROM (${parts.join(' UNION ALL ')}) d
        GROUP BY region_id, to_stage, start_month, length_days
        HAVING sum(stays) <> 0
        ORDER BY region_id, to_stage, start_month, length_days
        ON CONFLICT (region_id, to_stage, start_month, length_days) DO UPDATE SET stays = c.stays + excluded.stays;`;
    await db.query(`
      CREATE FUNCTION stay_length_counts_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${apply([cells('added', '+')])}
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION stay_length_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${apply([cells('changed', '+'), cells('removed', '-')])}
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION stay_length_counts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${apply([cells('removed', '-')])}
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION stay_length_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM stay_length_counts;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER stage_change_stays_lengths_insert AFTER INSERT ON stage_change_stays
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION stay_length_counts_added()`);
    await db.query(`
      CREATE TRIGGER stage_change_stays_lengths_update AFTER UPDATE ON stage_change_stays
      REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION stay_length_counts_changed()`);
    await db.query(`
      CREATE TRIGGER stage_change_stays_lengths_delete AFTER DELETE ON stage_change_stays
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION stay_length_counts_removed()`);
    await db.query(`
      CREATE TRIGGER stage_change_stays_lengths_truncate AFTER TRUNCATE ON stage_change_stays
      FOR EACH STATEMENT EXECUTE FUNCTION stay_length_counts_truncated()`);
    await db.query(`
      INSERT INTO stay_length_counts (region_id, to_stage, start_month, length_days, stays)
      SELECT region_id, to_stage, ${MONTH}, ${BUCKET}, count(*)
      FROM stage_change_stays WHERE ${COUNTED}
      GROUP BY 1, 2, 3, 4`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const op of ['truncate', 'delete', 'update', 'insert'])
      await db.query(`DROP TRIGGER IF EXISTS stage_change_stays_lengths_${op} ON stage_change_stays`);
    for (const fn of ['truncated', 'removed', 'changed', 'added'])
      await db.query(`DROP FUNCTION IF EXISTS stay_length_counts_${fn}()`);
    await db.query(`DROP INDEX IF EXISTS stage_change_stays_ongoing`);
    await db.query(`DROP INDEX IF EXISTS stage_change_stays_length`);
    await db.query(`DROP TABLE IF EXISTS stay_length_counts`);
  }
}
