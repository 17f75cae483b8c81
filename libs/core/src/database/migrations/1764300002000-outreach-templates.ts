import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: e-mail templates with immutable versions. A template belongs to a region, or to none
 * (national, made by an admin). Every change of subject, HTML or text adds a version; a running
 * campaign refers to (template_id, version), so what it sends never changes under it.
 */
export class OutreachTemplates1764300002000 implements MigrationInterface {
  name = 'OutreachTemplates1764300002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid REFERENCES regions(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One name per region (and one among the national templates), so a campaign's template picker is unambiguous.
    await db.query(
      `CREATE UNIQUE INDEX templates_region_name_key
         ON templates (coalesce(region_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`,
    );
    await db.query(`
      CREATE TABLE template_versions (
        template_id uuid NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        subject text NOT NULL,
        html text NOT NULL,
        text text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (template_id, version)
      )`);
    // The current version must exist; checked at commit, because template and first version are inserted together.
    await db.query(`
      ALTER TABLE templates ADD CONSTRAINT templates_current_version_fkey
        FOREIGN KEY (id, current_version) REFERENCES template_versions (template_id, version)
        DEFERRABLE INITIALLY DEFERRED`);
    // Versions are immutable: only `created_by` may change (ON DELETE SET NULL of its user).
    await db.query(`
      CREATE FUNCTION template_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'template versions are immutable' USING ERRCODE = 'restrict_violation';
      END $$`);
    await db.query(`
      CREATE TRIGGER template_versions_immutable BEFORE UPDATE ON template_versions FOR EACH ROW
        WHEN (OLD.template_id IS DISTINCT FROM NEW.template_id OR OLD.version IS DISTINCT FROM NEW.version
              OR OLD.subject IS DISTINCT FROM NEW.subject OR OLD.html IS DISTINCT FROM NEW.html
              OR OLD.text IS DISTINCT FROM NEW.text)
        EXECUTE FUNCTION template_versions_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE IF EXISTS templates DROP CONSTRAINT IF EXISTS templates_current_version_fkey`);
    await db.query(`DROP TABLE IF EXISTS template_versions`);
    await db.query(`DROP FUNCTION IF EXISTS template_versions_immutable()`);
    await db.query(`DROP TABLE IF EXISTS templates`);
  }
}
