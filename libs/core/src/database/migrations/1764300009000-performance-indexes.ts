import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 (docs/benchmarks.md): indexes that match what the benchmarks showed slow.
 * - A region's employers by stage and size class: segment counts on those fields read the index alone
 *   instead of every employer of the region (SBI sections already have organisations_employer_sector).
 * - A region's employers in id order: the launch's keyset batches (`id > last ORDER BY id`) read one range
 *   instead of walking the primary key past every other region's organisations.
 * - A campaign's active enrolments: "is anyone still active?" after every send and launch is one index
 *   probe, not a walk over all the campaign's finished enrolments (quadratic over a large campaign).
 */
export class PerformanceIndexes1764300009000 implements MigrationInterface {
  name = 'PerformanceIndexes1764300009000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX organisations_employer_region_stage_size ON organisations (region_id, stage, size_class)
       WHERE kind = 'employer'`,
    );
    await db.query(
      `CREATE INDEX organisations_employer_region_id ON organisations (region_id, id) WHERE kind = 'employer'`,
    );
    await db.query(`CREATE INDEX enrolments_campaign_active ON enrolments (campaign_id) WHERE status = 'active'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS enrolments_campaign_active`);
    await db.query(`DROP INDEX IF EXISTS organisations_employer_region_id`);
    await db.query(`DROP INDEX IF EXISTS organisations_employer_region_stage_size`);
  }
}
