import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4, inbound mail and task digests. Every message the inbound SMTP receiver accepts is kept
 * (raw bytes, for forwarding and for the record) before it is acknowledged; `processed_at` makes the
 * `inbound` job idempotent, and rows still unprocessed are re-queued at start (a lost Redis loses
 * nothing). `task_digests` is the once-per-day claim of the 07:00 digest: UNIQUE (user_id, day).
 */
export class OutreachInbound1764300003300 implements MigrationInterface {
  name = 'OutreachInbound1764300003300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inbound_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ledger_id uuid REFERENCES send_ledger(id) ON DELETE SET NULL,
        campaign_id uuid REFERENCES campaigns(id) ON DELETE SET NULL,
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        employer_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('reply', 'auto_reply', 'bounce')),
        envelope_from text,
        envelope_to text NOT NULL,
        from_address text,
        subject text,
        message_id text,
        in_reply_to text,
        raw bytea NOT NULL,
        received_at timestamptz NOT NULL,
        processed_at timestamptz,
        result jsonb
      )`);
    await db.query(
      `CREATE INDEX inbound_messages_unprocessed ON inbound_messages (received_at) WHERE processed_at IS NULL`,
    );
    await db.query(`CREATE INDEX inbound_messages_employer ON inbound_messages (employer_id, received_at)`);
    await db.query(`CREATE INDEX inbound_messages_contact ON inbound_messages (contact_id)`);
    await db.query(`
      CREATE TABLE task_digests (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        day date NOT NULL,
        task_count integer NOT NULL,
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, day)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS task_digests`);
    await db.query(`DROP TABLE IF EXISTS inbound_messages`);
  }
}
