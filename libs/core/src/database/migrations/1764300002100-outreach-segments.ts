import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: saved segments. A segment belongs to one region and selects that region's employers with
 * a filter in the api.md filter language, kept as checked JSON and compiled to SQL on every use.
 */
export class OutreachSegments1764300002100 implements MigrationInterface {
  name = 'OutreachSegments1764300002100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES regions(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        filter jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One name per region, so a campaign form's segment picker is unambiguous.
    await db.query(`CREATE UNIQUE INDEX segments_region_name_key ON segments (region_id, lower(name))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS segments`);
  }
}
