import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data-subject requests and retention (AVG, issue 7): a contact's privacy state lives beside the
 * contact (restricted, objected, erased, due for review), the keyed hash of an erased address is a
 * suppression of its own source, and every retention run leaves a summary.
 */
export class Privacy1764300007000 implements MigrationInterface {
  name = 'Privacy1764300007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contact_privacy (
        contact_id uuid PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES regions(id),
        restricted_at timestamptz,
        objected_at timestamptz,
        erased_at timestamptz,
        review_due_at timestamptz,
        -- A person reviewed the contact and kept it: not flagged again for one inactivity period.
        kept_at timestamptz
      )`);
    // No index for the restriction: every read is by contact_id, which the primary key serves.
    await db.query(
      `CREATE INDEX contact_privacy_review ON contact_privacy (region_id, review_due_at) WHERE review_due_at IS NOT NULL`,
    );
    await db.query(`ALTER TABLE suppressions DROP CONSTRAINT suppressions_source_check`);
    await db.query(
      `ALTER TABLE suppressions ADD CONSTRAINT suppressions_source_check
       CHECK (source IN ('unsubscribe', 'bounce', 'manual', 'object', 'erasure'))`,
    );
    await db.query(`
      CREATE TABLE retention_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ran_at timestamptz NOT NULL,
        settings jsonb NOT NULL,
        summary jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX retention_runs_ran_at ON retention_runs (ran_at DESC)`);
  }

  /**
   * WARNING: reverting forgets every data-subject request (restrictions, objections, erasures) and the
   * erased addresses' hashes: contacts that asked not to be mailed could be mailed again. Only for a
   * database that never served real requests.
   */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE retention_runs`);
    await db.query(`DELETE FROM suppressions WHERE source = 'erasure'`);
    await db.query(`ALTER TABLE suppressions DROP CONSTRAINT suppressions_source_check`);
    await db.query(
      `ALTER TABLE suppressions ADD CONSTRAINT suppressions_source_check
       CHECK (source IN ('unsubscribe', 'bounce', 'manual', 'object'))`,
    );
    await db.query(`DROP TABLE contact_privacy`);
  }
}
