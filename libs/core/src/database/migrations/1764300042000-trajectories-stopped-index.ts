import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8, benchmark d: the trajectory report's "stopped in the range" reads a region's stopped trajectories
 * by `stopped_at` instead of every trajectory of every region (started and certified have their indexes since
 * migration 1764300001100).
 */
export class TrajectoriesStoppedIndex1764300042000 implements MigrationInterface {
  name = 'TrajectoriesStoppedIndex1764300042000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX trajectories_region_stopped ON trajectories (region_id, stopped_at) WHERE status = 'stopped'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS trajectories_region_stopped`);
  }
}
