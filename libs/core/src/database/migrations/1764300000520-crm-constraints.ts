import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CRM rules the database must hold under concurrent writers: one e-mail address per organisation's
 * contacts (import matches contacts by it), one WSP per region (the sender identity of its campaigns),
 * and an index for KvK search.
 */
export class CrmConstraints1764300000520 implements MigrationInterface {
  name = 'CrmConstraints1764300000520';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE UNIQUE INDEX contacts_organisation_email_key ON contacts (organisation_id, lower(email)) WHERE email IS NOT NULL`,
    );
    await db.query(`CREATE UNIQUE INDEX organisations_one_wsp_key ON organisations (region_id) WHERE kind = 'wsp'`);
    await db.query(`CREATE INDEX organisations_kvk_trgm ON organisations USING gin ((kvk_number::text) gin_trgm_ops)`);
    await db.query(`CREATE INDEX network_links_organisation ON network_links (organisation_id, since)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS network_links_organisation`);
    await db.query(`DROP INDEX IF EXISTS organisations_kvk_trgm`);
    await db.query(`DROP INDEX IF EXISTS organisations_one_wsp_key`);
    await db.query(`DROP INDEX IF EXISTS contacts_organisation_email_key`);
  }
}
