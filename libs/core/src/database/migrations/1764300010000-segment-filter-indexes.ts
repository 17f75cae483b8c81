import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8, benchmark c (docs/benchmarks.md): indexes that match the segment filter fields.
 * - Tags match case-insensitively (api.md). `lower_tags(tags)` is the lower-cased array, IMMUTABLE so it can be
 *   indexed; the segment compiler asks `lower_tags(o.tags) @> ARRAY[lower($1)]` (or `&&` for `in`), which this
 *   GIN index answers instead of unnesting the tags of every employer of the region.
 * - A region's employers by SBI section and creation date: `sbiSection eq` with `createdAt before/after` (and
 *   either alone) reads one index range, with no heap visit per employer of the section.
 */
export class SegmentFilterIndexes1764300010000 implements MigrationInterface {
  name = 'SegmentFilterIndexes1764300010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE FUNCTION lower_tags(tags text[]) RETURNS text[]
       LANGUAGE sql IMMUTABLE PARALLEL SAFE
       RETURN coalesce(ARRAY(SELECT lower(t) FROM unnest(tags) AS t), '{}')`,
    );
    await db.query(
      `CREATE INDEX organisations_employer_lower_tags ON organisations USING gin (lower_tags(tags))
       WHERE kind = 'employer'`,
    );
    await db.query(
      `CREATE INDEX organisations_employer_region_sector_created
       ON organisations (region_id, sbi_version, sbi_section, created_at) WHERE kind = 'employer'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS organisations_employer_region_sector_created`);
    await db.query(`DROP INDEX IF EXISTS organisations_employer_lower_tags`);
    await db.query(`DROP FUNCTION IF EXISTS lower_tags(text[])`);
  }
}
