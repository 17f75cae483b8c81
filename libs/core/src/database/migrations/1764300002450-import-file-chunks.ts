import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An uploaded import file is streamed into PostgreSQL in 1 MB chunks, one row each, so neither the
 * api nor the database ever holds or rewrites the whole file (appending to one bytea value would
 * rewrite it on every chunk). The stored file is `imports.file` followed by its chunks in `seq` order.
 */
export class ImportFileChunks1764300002450 implements MigrationInterface {
  name = 'ImportFileChunks1764300002450';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE import_file_chunks (
        import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS import_file_chunks`);
  }
}
