import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 3: trajectories (praktijkleren placements). The candidate is known by a pseudonym only;
 * one trajectory per (employer, candidateRef, startedAt), the key the trajectory import upserts by.
 */
export class Trajectories1764300001100 implements MigrationInterface {
  name = 'Trajectories1764300001100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE trajectories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES regions(id),
        route text NOT NULL CHECK (route IN ('sw_internal', 'sw_secondment', 'direct')),
        host_organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        mbo_organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        crebo char(5) CHECK (crebo ~ '^[0-9]{5}$'),
        werkprocessen text[] NOT NULL DEFAULT '{}',
        candidate_ref text NOT NULL CHECK (length(candidate_ref) BETWEEN 1 AND 64),
        started_at date NOT NULL,
        for_own_employee boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'intake'
          CHECK (status IN ('intake', 'agreed', 'learning', 'assessment', 'certified', 'stopped')),
        praktijkverklaring_at date,
        outcome text CHECK (outcome IN ('employed_at_host', 'employed_at_sw', 'further_education', 'other', 'unknown')),
        stopped_at date,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        import_id uuid REFERENCES imports(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'certified' OR praktijkverklaring_at IS NULL),
        CHECK (status <> 'certified' OR praktijkverklaring_at IS NOT NULL),
        CHECK (praktijkverklaring_at IS NULL OR praktijkverklaring_at >= started_at),
        CHECK (outcome IS NULL OR status IN ('certified', 'stopped'))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX trajectories_candidate_key ON trajectories (employer_id, candidate_ref, started_at)`,
    );
    await db.query(`CREATE INDEX trajectories_region_started ON trajectories (region_id, started_at)`);
    await db.query(`CREATE INDEX trajectories_employer ON trajectories (employer_id, started_at)`);
    await db.query(`CREATE INDEX trajectories_import ON trajectories (import_id) WHERE import_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX trajectories_region_certified ON trajectories (region_id, praktijkverklaring_at)
       WHERE praktijkverklaring_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS trajectories`);
  }
}
