import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 2: regions, users, organisations (employers and partners), contacts, networks, audit, imports. */
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        municipalities text[] NOT NULL DEFAULT '{}',
        pressure_days integer NOT NULL DEFAULT 7 CHECK (pressure_days BETWEEN 0 AND 365),
        closing_days date[] NOT NULL DEFAULT '{}'
      )`);
    await db.query(`
      CREATE TABLE sbi_sections (
        version smallint NOT NULL CHECK (version IN (2008, 2025)),
        section char(1) NOT NULL,
        name text NOT NULL,
        division_from smallint NOT NULL,
        division_to smallint NOT NULL,
        PRIMARY KEY (version, section)
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'account_manager', 'wsp_staff')),
        region_ids uuid[] NOT NULL DEFAULT '{}',
        phone text,
        password_hash text NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await db.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_email_at ON login_failures (email, at)`);
    await db.query(`CREATE INDEX login_failures_address_at ON login_failures (address, at)`);

    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES regions(id),
        kind text NOT NULL CHECK (kind IN ('employer', 'sw_company', 'wsp', 'municipality', 'uwv', 'mbo', 'union', 'employer_association')),
        name text NOT NULL,
        kvk_number char(8),
        postal_address text,
        postcode text,
        city text,
        email text,
        phone text,
        website text,
        recognitions jsonb NOT NULL DEFAULT '[]',
        vestigingsnummer char(12),
        rsin char(9),
        sbi_code text,
        sbi_version smallint CHECK (sbi_version IN (2008, 2025)),
        sbi_section char(1),
        size_class text CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
        legal_form text CHECK (legal_form IN ('legal_person', 'natural_person')),
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        lead_source text,
        tags text[] NOT NULL DEFAULT '{}',
        stage text NOT NULL DEFAULT 'prospect',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (sbi_version, sbi_section) REFERENCES sbi_sections(version, section)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX organisations_employer_kvk_key ON organisations (region_id, kvk_number) WHERE kind = 'employer'`,
    );
    await db.query(`CREATE INDEX organisations_region_kind ON organisations (region_id, kind, name)`);
    await db.query(`CREATE INDEX organisations_owner ON organisations (owner_id)`);
    await db.query(`CREATE INDEX organisations_tags ON organisations USING gin (tags)`);
    await db.query(`CREATE INDEX organisations_name_trgm ON organisations USING gin (name gin_trgm_ops)`);
    await db.query(`CREATE INDEX organisations_city_trgm ON organisations USING gin (city gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES regions(id),
        first_name text,
        last_name text NOT NULL,
        email text,
        phone text,
        role text,
        is_primary boolean NOT NULL DEFAULT false,
        email_basis text CHECK (email_basis IN ('consent', 'existing_relationship', 'published_for_purpose')),
        email_basis_source text,
        email_basis_evidence text,
        email_basis_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX contacts_organisation ON contacts (organisation_id)`);
    await db.query(`CREATE INDEX contacts_email ON contacts (lower(email))`);
    await db.query(`CREATE UNIQUE INDEX contacts_one_primary ON contacts (organisation_id) WHERE is_primary`);
    await db.query(`
      CREATE TABLE contact_basis_history (
        id bigserial PRIMARY KEY,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        basis text,
        source text,
        evidence text,
        at timestamptz NOT NULL DEFAULT now(),
        by_user_id uuid REFERENCES users(id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX contact_basis_history_contact ON contact_basis_history (contact_id, at)`);

    await db.query(`
      CREATE TABLE network_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        employer_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        relation text NOT NULL CHECK (relation IN ('detachering', 'pilot_host', 'partner', 'supplier')),
        since date NOT NULL,
        until date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX network_links_active_key ON network_links (organisation_id, employer_id) WHERE until IS NULL`,
    );
    await db.query(`CREATE INDEX network_links_employer ON network_links (employer_id)`);

    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id uuid NOT NULL,
        region_id uuid REFERENCES regions(id),
        before jsonb,
        after jsonb
      )`);
    await db.query(`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at)`);
    await db.query(`CREATE INDEX audit_log_region_at ON audit_log (region_id, at)`);

    await db.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('employers', 'trajectories')),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        filename text,
        file bytea NOT NULL,
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        failure text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        region_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE import_row_errors (
        id bigserial PRIMARY KEY,
        import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        row integer NOT NULL,
        field text NOT NULL,
        problem text NOT NULL
      )`);
    await db.query(`CREATE INDEX import_row_errors_import ON import_row_errors (import_id, row)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'import_row_errors',
      'imports',
      'audit_log',
      'network_links',
      'contact_basis_history',
      'contacts',
      'organisations',
      'login_failures',
      'users',
      'sbi_sections',
      'regions',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
