import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employer import: `imports.region_ids` NULL means "every region" (an admin's upload), and the file is
 * stored uncompressed out of line so the worker can read it in slices without decompressing it whole.
 */
export class ImportScopeAndStorage1764300000450 implements MigrationInterface {
  name = 'ImportScopeAndStorage1764300000450';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE imports ALTER COLUMN region_ids DROP NOT NULL`);
    await db.query(`ALTER TABLE imports ALTER COLUMN file SET STORAGE EXTERNAL`);
    await db.query(`CREATE INDEX imports_unfinished ON imports (created_at) WHERE status IN ('queued', 'running')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS imports_unfinished`);
    await db.query(`ALTER TABLE imports ALTER COLUMN file SET STORAGE EXTENDED`);
    await db.query(`UPDATE imports SET region_ids = '{}' WHERE region_ids IS NULL`);
    await db.query(`ALTER TABLE imports ALTER COLUMN region_ids SET NOT NULL`);
  }
}
