import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8, benchmark b (docs/benchmarks.md): one `email-send` job per batch of ledger rows instead of one per
 * row. The dispatcher stamps up to 32 due rows with a batch id and adds one job whose id and payload are that
 * id; the job sends the batch's rows still open. A row that must wait (cap, pressure, send window) loses its
 * batch and is stamped into a new one when it is due again.
 */
export class SendBatches1764300060000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE send_ledger ADD COLUMN batch_id uuid`);
    // The job reads its batch's open rows; the dispatcher finds the unbatched ones through send_ledger_open.
    await db.query(
      `CREATE INDEX send_ledger_batch ON send_ledger (batch_id) WHERE status IN ('queued', 'sending') AND batch_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX send_ledger_batch`);
    await db.query(`ALTER TABLE send_ledger DROP COLUMN batch_id`);
  }
}
