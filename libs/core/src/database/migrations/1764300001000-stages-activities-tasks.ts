import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'prospect', 'contacted', 'interested', 'sw_pilot', 'own_trajectory', 'structural', 'ambassador',
  'not_interested', 'paused'`;

/**
 * Issue 3: the stage history of every employer (reports count its rows by `at`), the stage an employer
 * had before a side state, logged activities and tasks. Every existing employer gets its "entered
 * prospect" row, dated at its creation, so reports see it enter the funnel.
 */
export class StagesActivitiesTasks1764300001000 implements MigrationInterface {
  name = 'StagesActivitiesTasks1764300001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organisations ADD CONSTRAINT organisations_stage_check CHECK (stage IN (${STAGES}))`);
    await db.query(`
      ALTER TABLE organisations ADD COLUMN stage_before_side text
        CHECK (stage_before_side IN ('prospect', 'contacted', 'interested', 'sw_pilot', 'own_trajectory', 'structural', 'ambassador'))`);
    await db.query(`
      CREATE TABLE stage_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Recording order: moves of one employer are serialised by a row lock, so seq orders them truly.
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        employer_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES regions(id),
        from_stage text CHECK (from_stage IN (${STAGES})),
        to_stage text NOT NULL CHECK (to_stage IN (${STAGES})),
        at timestamptz NOT NULL,
        by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        cause text NOT NULL CHECK (cause IN ('manual', 'campaign', 'trajectory', 'story', 'override')),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX stage_changes_employer_at ON stage_changes (employer_id, at)`);
    await db.query(`CREATE INDEX stage_changes_region_stage_at ON stage_changes (region_id, to_stage, at)`);
    await db.query(`
      INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, by_user_id, cause)
      SELECT id, region_id, NULL, 'prospect', created_at, NULL, 'manual' FROM organisations WHERE kind = 'employer'
      ORDER BY created_at, id`);
    await db.query(`
      INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, by_user_id, cause, reason)
      SELECT id, region_id, 'prospect', stage, updated_at, NULL, 'override', 'stage before history was kept'
      FROM organisations WHERE kind = 'employer' AND stage <> 'prospect'
      ORDER BY created_at, id`);
    await db.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES regions(id),
        type text NOT NULL CHECK (type IN ('call', 'meeting', 'note', 'email')),
        at timestamptz NOT NULL,
        summary text NOT NULL,
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX activities_employer_at ON activities (employer_id, at)`);
    await db.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES regions(id),
        title text NOT NULL,
        due_at timestamptz NOT NULL,
        assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        done_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX tasks_assignee_due ON tasks (assignee_id, due_at)`);
    await db.query(`CREATE INDEX tasks_employer_due ON tasks (employer_id, due_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS tasks`);
    await db.query(`DROP TABLE IF EXISTS activities`);
    await db.query(`DROP TABLE IF EXISTS stage_changes`);
    await db.query(`ALTER TABLE organisations DROP COLUMN IF EXISTS stage_before_side`);
    await db.query(`ALTER TABLE organisations DROP CONSTRAINT IF EXISTS organisations_stage_check`);
  }
}
