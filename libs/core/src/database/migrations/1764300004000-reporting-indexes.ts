import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5: covering indexes for the reports, so they read the index alone (benchmark: docs/benchmarks.md).
 * Rows of a region in a date range (funnel reached, days in stage, target actuals), and rows of a region
 * to given stages (cohorts) with the employer in the index; the latter supersedes stage_changes_region_stage_at.
 */
export class ReportingIndexes1764300004000 implements MigrationInterface {
  name = 'ReportingIndexes1764300004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX stage_changes_region_at ON stage_changes (region_id, at) INCLUDE (employer_id, seq, to_stage)`,
    );
    await db.query(
      `CREATE INDEX stage_changes_region_stage_at_employer ON stage_changes (region_id, to_stage, at) INCLUDE (employer_id)`,
    );
    await db.query(`DROP INDEX IF EXISTS stage_changes_region_stage_at`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX IF NOT EXISTS stage_changes_region_stage_at ON stage_changes (region_id, to_stage, at)`,
    );
    await db.query(`DROP INDEX IF EXISTS stage_changes_region_stage_at_employer`);
    await db.query(`DROP INDEX IF EXISTS stage_changes_region_at`);
  }
}
