import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: campaign definitions and their state. Steps are JSON (`{ type: email, templateId }`,
 * `{ type: wait, duration, calendar }`, `{ type: task, title }`); the launch pins each e-mail step's
 * template version into its step (`templateVersion`). `send_window` NULL sends at any time. A deleted
 * segment leaves a campaign without one (it cannot launch until it gets another). The launch fills
 * `audience` and the `skipped_*` counters; enrolments and the send ledger are later tables.
 */
export class OutreachCampaigns1764300002200 implements MigrationInterface {
  name = 'OutreachCampaigns1764300002200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES regions(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        segment_id uuid REFERENCES segments(id) ON DELETE SET NULL,
        sender_id uuid NOT NULL REFERENCES users(id),
        steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) BETWEEN 1 AND 50),
        contact_scope text NOT NULL DEFAULT 'primary' CHECK (contact_scope IN ('primary', 'all')),
        exit_stage text NOT NULL DEFAULT 'interested' CHECK (exit_stage IN (
          'contacted', 'interested', 'sw_pilot', 'own_trajectory', 'structural', 'ambassador')),
        send_window jsonb CHECK (send_window IS NULL OR jsonb_typeof(send_window) = 'object'),
        max_per_hour integer CHECK (max_per_hour BETWEEN 1 AND 100000),
        launch_at timestamptz,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN (
          'draft', 'scheduled', 'launching', 'running', 'paused', 'completed', 'cancelled')),
        audience integer NOT NULL DEFAULT 0 CHECK (audience >= 0),
        skipped_no_email integer NOT NULL DEFAULT 0 CHECK (skipped_no_email >= 0),
        skipped_no_basis integer NOT NULL DEFAULT 0 CHECK (skipped_no_basis >= 0),
        skipped_suppressed integer NOT NULL DEFAULT 0 CHECK (skipped_suppressed >= 0),
        skipped_restricted integer NOT NULL DEFAULT 0 CHECK (skipped_restricted >= 0),
        skipped_overlap integer NOT NULL DEFAULT 0 CHECK (skipped_overlap >= 0),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        launched_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        CONSTRAINT campaigns_scheduled_needs_launch_at CHECK (status <> 'scheduled' OR launch_at IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX campaigns_region_status ON campaigns (region_id, status)`);
    // ON DELETE SET NULL of a segment looks its campaigns up by segment.
    await db.query(`CREATE INDEX campaigns_segment ON campaigns (segment_id)`);
    // The launch scheduler's question: which scheduled campaigns are due?
    await db.query(`CREATE INDEX campaigns_due_launch ON campaigns (launch_at) WHERE status = 'scheduled'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS campaigns`);
  }
}
