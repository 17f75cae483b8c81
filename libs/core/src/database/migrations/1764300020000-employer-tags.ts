import { MigrationInterface, QueryRunner } from 'typeorm';

// An employer's tags as rows: lower-cased (tags match case-insensitively, api.md), each once per employer (a NULL
// element, which no tag filter can match, is left out).
const TAG_ROWS = (from: string) => `
        SELECT DISTINCT e.region_id, lower(t.tag) AS tag, e.id AS employer_id
        FROM ${from} e CROSS JOIN LATERAL unnest(e.tags) AS t(tag)
        WHERE e.kind = 'employer' AND t.tag IS NOT NULL`;

/**
 * Issue 8, benchmark c (docs/benchmarks.md): `tag eq` over a region counted every matching employer's heap row
 * (the GIN index on `lower_tags(tags)` has no index-only form), so a tag held by a fifth of a large region read
 * the whole region. `employer_tags` holds one row per (region, lower-cased tag, employer), and its
 * (region, tag) index answers "how many employers of region R have tag T" as an index-only scan.
 *
 * Triggers on `organisations` keep it equal to `lower(unnest(tags))` of every employer, statement by statement
 * (an import adds one INSERT … SELECT, not one per row), in the same transaction as the write: inserts add rows;
 * an update that changes an employer's tags, region or kind replaces that employer's rows; a delete cascades.
 */
export class EmployerTags1764300020000 implements MigrationInterface {
  name = 'EmployerTags1764300020000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE employer_tags (
        region_id uuid NOT NULL,
        tag text NOT NULL,
        employer_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE FUNCTION employer_tags_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO employer_tags (region_id, tag, employer_id) ${TAG_ROWS('added')};
        RETURN NULL;
      END $$`);
    // Only the employers whose tags, region or kind changed (most updates, of a stage or a name, touch none): their
    // rows become exactly the wanted ones. Two statements, so the insert sees the delete (one statement's parts
    // run in no set order); rows that stay are neither deleted nor inserted again.
    await db.query(`
      CREATE FUNCTION employer_tags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        touched uuid[];
      BEGIN
        SELECT array_agg(c.id) INTO touched
        FROM changed c JOIN removed r ON r.id = c.id
        WHERE (c.region_id, c.kind, c.tags) IS DISTINCT FROM (r.region_id, r.kind, r.tags);
        IF touched IS NULL THEN
          RETURN NULL;
        END IF;
        DELETE FROM employer_tags t
        WHERE t.employer_id = ANY(touched)
          AND NOT EXISTS (SELECT 1 FROM (${TAG_ROWS('changed')}) w
                          WHERE w.employer_id = t.employer_id AND w.region_id = t.region_id AND w.tag = t.tag);
        INSERT INTO employer_tags (region_id, tag, employer_id) ${TAG_ROWS('changed')} AND e.id = ANY(touched)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER organisations_tags_insert AFTER INSERT ON organisations
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION employer_tags_added()`);
    await db.query(`
      CREATE TRIGGER organisations_tags_update AFTER UPDATE ON organisations
      REFERENCING OLD TABLE AS removed NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION employer_tags_changed()`);
    // Filled after the triggers exist (creating them waits for and then holds off every write to organisations until
    // this migration commits, so no employer is missed) and before its indexes (faster, each built compact).
    await db.query(`INSERT INTO employer_tags (region_id, tag, employer_id) ${TAG_ROWS('organisations')}`);
    // By employer: each tag once, and the cascade and the update trigger find an employer's rows.
    await db.query(`ALTER TABLE employer_tags ADD PRIMARY KEY (employer_id, tag)`);
    // The count: (region, tag) repeats for every employer, so btree deduplication keeps one key per pair with a list
    // of row pointers (200,000 employers of one tag fit in under 200 pages, against some 1,800 with the employer in
    // the key), and `count(*) … WHERE region_id = $1 AND tag = $2` is an index-only scan of those pages.
    await db.query(`CREATE INDEX employer_tags_region_tag ON employer_tags (region_id, tag)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS organisations_tags_update ON organisations`);
    await db.query(`DROP TRIGGER IF EXISTS organisations_tags_insert ON organisations`);
    await db.query(`DROP FUNCTION IF EXISTS employer_tags_changed()`);
    await db.query(`DROP FUNCTION IF EXISTS employer_tags_added()`);
    await db.query(`DROP TABLE IF EXISTS employer_tags`);
  }
}
