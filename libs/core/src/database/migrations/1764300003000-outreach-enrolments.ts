import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: one enrolment per (campaign, contact), created by the launch. `current_step` indexes
 * `campaigns.steps` (the step to run next), `next_step_at` is when it is due (NULL unless active).
 * Whoever changes an enrolment locks its row first (`FOR UPDATE`), so exits and sends serialise.
 * `campaigns.launch_cursor` is the launch's checkpoint, so a replayed batch counts once.
 */
export class OutreachEnrolments1764300003000 implements MigrationInterface {
  name = 'OutreachEnrolments1764300003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        employer_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        region_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'exited')),
        exit_reason text CHECK (exit_reason IN ('replied', 'unsubscribed', 'bounced', 'stage_reached',
          'not_interested', 'paused', 'suppressed', 'restricted', 'removed', 'cancelled')),
        current_step integer NOT NULL DEFAULT 0 CHECK (current_step >= 0),
        next_step_at timestamptz,
        last_step_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        exited_at timestamptz,
        CONSTRAINT enrolments_campaign_contact UNIQUE (campaign_id, contact_id)
      )`);
    // The dispatcher's question: which active enrolments are due?
    await db.query(`CREATE INDEX enrolments_due ON enrolments (next_step_at) WHERE status = 'active'`);
    await db.query(`CREATE INDEX enrolments_employer ON enrolments (employer_id)`);
    await db.query(`CREATE INDEX enrolments_contact ON enrolments (contact_id)`);
    // The launch's checkpoint: the last employer id (in id order) whose batch is enrolled and counted,
    // so a retried launch resumes after it and never counts a batch twice.
    await db.query(`ALTER TABLE campaigns ADD COLUMN launch_cursor uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns DROP COLUMN IF EXISTS launch_cursor`);
    await db.query(`DROP TABLE IF EXISTS enrolments`);
  }
}
