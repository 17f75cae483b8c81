import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Advisory lock namespace for employers' rows here (7201 is the cohort members'). Two writers of one employer's
 * links each see only their own uncommitted link: without a lock, the later one could write a first link date
 * computed without the other's. With it, the second waits for the first to commit, and its next statement (a fresh
 * snapshot, READ COMMITTED) sees both. Employers share FIRST_LOCK_BUCKETS locks (by hash), so a statement touching
 * many employers takes at most that many.
 */
const FIRST_LOCK = 7203;
const FIRST_LOCK_BUCKETS = 64;

/** Each matching employer's first link to an SW-bedrijf (ended links too), with the employer's region. */
const FIRSTS = (which: string) => `
        SELECT l.employer_id, e.region_id, min(l.since)
        FROM network_links l
        JOIN organisations sw ON sw.id = l.organisation_id AND sw.kind = 'sw_company'
        JOIN organisations e ON e.id = l.employer_id
        WHERE ${which}
        GROUP BY l.employer_id, e.region_id`;

/**
 * Issue 8, benchmark d (docs/benchmarks.md): the funnel's "new to the network" counts the employers whose first
 * link to an SW-bedrijf lies in the range. It grouped every link in the country by employer before looking at the
 * region, so each region's funnel sorted the whole country's links. `employer_network_firsts` holds one row per
 * employer with such a link: its region and the first link's date, so a region's range is one index-only scan.
 *
 * Kept exactly by statement triggers in the same transaction as every write: on `network_links` (insert; an update
 * of the employer, the organisation or the date, not of `until`; delete; truncate) and on `organisations` (an
 * employer moved to another region, an organisation whose kind changed). No foreign key: an employer's delete
 * cascades to its links, whose trigger removes the row.
 */
export class EmployerNetworkFirsts1764300044000 implements MigrationInterface {
  name = 'EmployerNetworkFirsts1764300044000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE employer_network_firsts (
        employer_id uuid PRIMARY KEY,
        region_id uuid NOT NULL,
        first_since date NOT NULL
      )`);
    await db.query(
      `CREATE INDEX employer_network_firsts_region_since ON employer_network_firsts (region_id, first_since)`,
    );
    await db.query(`
      CREATE FUNCTION employer_network_firsts_recompute(touched uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        -- In bucket order, so two writers of several employers cannot wait for each other in a circle.
        PERFORM pg_advisory_xact_lock(${FIRST_LOCK}, bucket)
        FROM (SELECT DISTINCT hashtext(e::text) & ${FIRST_LOCK_BUCKETS - 1} AS bucket FROM unnest(touched) e
              ORDER BY bucket) ordered;
        -- One statement after the locks (a fresh snapshot): rows that did not change are not rewritten, so link writes
        -- leave no dead tuples for the report's index-only scan to visit.
        WITH firsts (employer_id, region_id, first_since) AS (${FIRSTS('l.employer_id = ANY(touched)')}),
        written AS (
          INSERT INTO employer_network_firsts AS f (employer_id, region_id, first_since) SELECT * FROM firsts
          ON CONFLICT (employer_id) DO UPDATE SET region_id = excluded.region_id, first_since = excluded.first_since
          WHERE (f.region_id, f.first_since) IS DISTINCT FROM (excluded.region_id, excluded.first_since))
        DELETE FROM employer_network_firsts
        WHERE employer_id = ANY(touched) AND employer_id NOT IN (SELECT employer_id FROM firsts);
      END $$`);
    // A link is written with its organisation's row locked FOR SHARE, which a change of that organisation's kind waits
    // for (and the other way round), so neither misses the other's uncommitted write.
    await db.query(`
      CREATE FUNCTION employer_network_firsts_links_written(organisation_ids uuid[], employer_ids uuid[]) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM organisations WHERE id = ANY(organisation_ids) ORDER BY id FOR SHARE;
        PERFORM employer_network_firsts_recompute(employer_ids);
      END $$`);
    await db.query(`
      CREATE FUNCTION employer_network_firsts_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM employer_network_firsts_links_written(ARRAY(SELECT DISTINCT organisation_id FROM added),
                                                      ARRAY(SELECT DISTINCT employer_id FROM added));
        RETURN NULL;
      END $$`);
    // Ending a link (\`until\`) is the common update and changes no first date: it stops at the comparison. Rows are
    // compared as a whole (EXCEPT ALL), not by id, so an update that also gives a link another id is seen too.
    await db.query(`
      CREATE FUNCTION employer_network_firsts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        organisation_ids uuid[];
        employer_ids uuid[];
      BEGIN
        SELECT array_agg(DISTINCT organisation_id), array_agg(DISTINCT employer_id) INTO organisation_ids, employer_ids
        FROM ((SELECT employer_id, organisation_id, since FROM removed
               EXCEPT ALL SELECT employer_id, organisation_id, since FROM changed)
              UNION ALL
              (SELECT employer_id, organisation_id, since FROM changed
               EXCEPT ALL SELECT employer_id, organisation_id, since FROM removed)) differing;
        IF employer_ids IS NOT NULL THEN
          PERFORM employer_network_firsts_links_written(organisation_ids, employer_ids);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION employer_network_firsts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM employer_network_firsts_recompute(ARRAY(SELECT DISTINCT employer_id FROM removed));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION employer_network_firsts_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM employer_network_firsts;
        RETURN NULL;
      END $$`);
    // Every update of organisations (names, stages, imports) runs this: only a changed region or kind is looked for,
    // so most statements end at the comparison of their own rows.
    await db.query(`
      CREATE FUNCTION employer_network_firsts_organisations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        moved uuid[];
        rekinded uuid[];
      BEGIN
        SELECT array_agg(c.id) FILTER (WHERE r.region_id IS DISTINCT FROM c.region_id),
               array_agg(c.id) FILTER (WHERE r.kind IS DISTINCT FROM c.kind)
        INTO moved, rekinded
        FROM changed c JOIN removed r ON r.id = c.id;
        IF rekinded IS NOT NULL THEN
          moved := coalesce(moved, '{}') || ARRAY(SELECT employer_id FROM network_links WHERE organisation_id = ANY(rekinded));
        END IF;
        IF moved IS NOT NULL THEN
          PERFORM employer_network_firsts_recompute(moved);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER network_links_firsts_insert AFTER INSERT ON network_links
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION employer_network_firsts_added()`);
    await db.query(`
      CREATE TRIGGER network_links_firsts_update AFTER UPDATE ON network_links
      REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION employer_network_firsts_changed()`);
    await db.query(`
      CREATE TRIGGER network_links_firsts_delete AFTER DELETE ON network_links
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION employer_network_firsts_removed()`);
    await db.query(`
      CREATE TRIGGER network_links_firsts_truncate AFTER TRUNCATE ON network_links
      FOR EACH STATEMENT EXECUTE FUNCTION employer_network_firsts_emptied()`);
    await db.query(`
      CREATE TRIGGER organisations_network_firsts_update AFTER UPDATE ON organisations
      REFERENCING OLD TABLE AS removed NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION employer_network_firsts_organisations_changed()`);
    await db.query(`SELECT employer_network_firsts_recompute(ARRAY(SELECT DISTINCT employer_id FROM network_links))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS organisations_network_firsts_update ON organisations`);
    for (const op of ['insert', 'update', 'delete', 'truncate'])
      await db.query(`DROP TRIGGER IF EXISTS network_links_firsts_${op} ON network_links`);
    for (const fn of ['organisations_changed', 'emptied', 'removed', 'changed', 'added'])
      await db.query(`DROP FUNCTION IF EXISTS employer_network_firsts_${fn}()`);
    await db.query(`DROP FUNCTION IF EXISTS employer_network_firsts_links_written(uuid[], uuid[])`);
    await db.query(`DROP FUNCTION IF EXISTS employer_network_firsts_recompute(uuid[])`);
    await db.query(`DROP TABLE IF EXISTS employer_network_firsts`);
  }
}
