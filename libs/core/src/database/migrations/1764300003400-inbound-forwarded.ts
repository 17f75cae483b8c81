import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reply's forward to the sender is recorded apart from its handling: the exit, activity and task
 * commit first, the forward follows (and is retried) on its own. Rows handled before this migration
 * were forwarded inside their handling, so they count as forwarded.
 */
export class InboundForwarded1764300003400 implements MigrationInterface {
  name = 'InboundForwarded1764300003400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE inbound_messages ADD COLUMN forwarded_at timestamptz`);
    await db.query(`UPDATE inbound_messages SET forwarded_at = processed_at WHERE processed_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE inbound_messages DROP COLUMN forwarded_at`);
  }
}
