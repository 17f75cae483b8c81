import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a user's password last changed (to the second): tokens issued before it are no longer accepted. */
export class UserCredentialsChanged1764300000600 implements MigrationInterface {
  name = 'UserCredentialsChanged1764300000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN credentials_changed_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN credentials_changed_at`);
  }
}
