import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4, delivery: suppressions and the send ledger. A suppression with `region_id` NULL holds in
 * every region (hard bounces); an unsubscribe suppresses in the campaign's region. The ledger has one
 * row per (enrolment, step): the unique key makes the dispatcher idempotent, and the conditional
 * update `queued → sending` before the SMTP call makes a second worker skip the row. `skipped` is a
 * message that was never sent because its enrolment exited or its contact lost the address or basis.
 */
export class OutreachDelivery1764300003100 implements MigrationInterface {
  name = 'OutreachDelivery1764300003100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE suppressions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        region_id uuid REFERENCES regions(id),
        reason text NOT NULL CHECK (length(reason) <= 500),
        source text NOT NULL CHECK (source IN ('unsubscribe', 'bounce', 'manual', 'object')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE UNIQUE INDEX suppressions_email_region
      ON suppressions (email, coalesce(region_id, '00000000-0000-0000-0000-000000000000'::uuid))`);
    await db.query(`
      CREATE TABLE send_ledger (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        step_index integer NOT NULL CHECK (step_index >= 0),
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        to_email text,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN (
          'queued', 'sending', 'sent', 'failed', 'bounced', 'blocked', 'unknown', 'skipped')),
        message_id text,
        reply_token text,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        waiting_for_pressure boolean NOT NULL DEFAULT false,
        due_at timestamptz NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT now(),
        sending_at timestamptz,
        sent_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT send_ledger_enrolment_step UNIQUE (enrolment_id, step_index)
      )`);
    // maxPerHour and stats: a campaign's messages by status and time.
    await db.query(`CREATE INDEX send_ledger_campaign_status ON send_ledger (campaign_id, status, sent_at)`);
    // Contact pressure: the latest e-mail to a contact.
    await db.query(`CREATE INDEX send_ledger_contact_sent ON send_ledger (contact_id, sent_at) WHERE status = 'sent'`);
    // Recovery after a lost job (e.g. FLUSHALL) and stale `sending` rows.
    await db.query(
      `CREATE INDEX send_ledger_open ON send_ledger (status, queued_at) WHERE status IN ('queued', 'sending')`,
    );
    await db.query(`CREATE INDEX send_ledger_message_id ON send_ledger (message_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS send_ledger`);
    await db.query(`DROP TABLE IF EXISTS suppressions`);
  }
}
