import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Success stories (praktijkvoorbeelden) of employers and the targets of each region. A story's sector
 * and region are its employer's; `region_id` is copied for scope checks and the audit log (an
 * employer never changes region). The database refuses a published story without consent.
 */
export class StoriesTargets1764300001200 implements MigrationInterface {
  name = 'StoriesTargets1764300001200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES regions(id),
        title text NOT NULL,
        summary text NOT NULL,
        quote text,
        consent_at date,
        expires_at date,
        published boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stories_published_needs_consent CHECK (NOT published OR consent_at IS NOT NULL),
        CONSTRAINT stories_expiry_after_consent CHECK (expires_at IS NULL OR consent_at IS NULL OR expires_at >= consent_at)
      )`);
    await db.query(`CREATE INDEX stories_employer ON stories (employer_id)`);
    await db.query(`CREATE INDEX stories_region_consent ON stories (region_id, consent_at DESC) WHERE published`);
    // The `{{> story}}` lookup goes from a sector (and region) to its employers, then to their stories.
    await db.query(
      `CREATE INDEX organisations_employer_sector ON organisations (sbi_version, sbi_section, region_id) WHERE kind = 'employer'`,
    );

    await db.query(`
      CREATE TABLE targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES regions(id),
        period text NOT NULL CHECK (period ~ '^(20[0-9]{2}|2100)(-Q[1-4])?$'),
        metric text NOT NULL CHECK (metric IN (
          'employers_contacted', 'employers_sw_pilot', 'employers_own_trajectory', 'employers_structural',
          'trajectories_started', 'certificates')),
        value integer NOT NULL CHECK (value >= 0),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT targets_region_period_metric_key UNIQUE (region_id, period, metric)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS targets`);
    await db.query(`DROP INDEX IF EXISTS organisations_employer_sector`);
    await db.query(`DROP TABLE IF EXISTS stories`);
  }
}
