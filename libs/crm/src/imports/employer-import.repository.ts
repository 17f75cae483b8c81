import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managerFor } from '@app/core';
import { SbiSectionRange } from '../validation/sbi';
import { CrmAuditEntity } from '../shared/crm-audit';
import { EmployerRowValues } from './employer-row';
import { ImportRowError } from './import.types';
import {
  CONTACT_CHANGED,
  CONTACT_MERGED,
  contactSnapshot,
  CREATE_ROWS_TABLE,
  EMPLOYER_CHANGED,
  EMPLOYER_MERGED,
  employerSnapshot,
  LOOK_UP_EMPLOYERS,
  ROWS_TABLE,
} from './employer-import.sql';

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'failed';

export interface AppliedRow {
  line: number;
  outcome: RowOutcome;
  /** Problems only the database can tell (a new employer without a name, …). */
  errors: ImportRowError[];
}

interface ResultRow {
  line: number;
  problems: { field: string; problem: string }[];
  employer_created: boolean;
  employer_changed: boolean;
  contact_created: boolean;
  contact_changed: boolean;
}

const T = ROWS_TABLE;

/**
 * Rows per statement that loads the temporary table. Their JSON (about 500 bytes a row) stays below
 * V8's large-object size (128 KB), so a scavenge frees it; a whole batch's JSON went to the large-object
 * space, which only a full collection empties.
 */
const LOAD_ROWS = 100;

function loadRow({ row, round }: { row: EmployerRowValues; round: number }) {
  return {
    line: row.line,
    round,
    region_id: row.regionId,
    kvk: row.kvkNumber,
    name: row.name,
    sbi_code: row.sbiCode,
    sbi_version: row.sbiVersion,
    sbi_section: row.sbiSection,
    size_class: row.sizeClass,
    postcode: row.postcode,
    city: row.city,
    website: row.website,
    tags: row.tags,
    has_contact: row.contact !== null,
    c_first: row.contact?.firstName ?? null,
    c_last: row.contact?.lastName ?? null,
    c_email: row.contact?.email ?? null,
    c_phone: row.contact?.phone ?? null,
    c_role: row.contact?.role ?? null,
    c_basis: row.contact?.emailBasis ?? null,
    c_basis_source: row.contact?.emailBasisSource ?? null,
  };
}

/**
 * Applies employer rows set-based: one batch is loaded into a temporary table and every step is one
 * statement over it. Runs inside the caller's transaction (`Transactions.run`).
 */
@Injectable()
export class EmployerImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async referenceData(): Promise<{ regions: { id: string; code: string }[]; sbiRanges: SbiSectionRange[] }> {
    const [regions, sbiRanges] = await Promise.all([
      this.dataSource.query(`SELECT id, code FROM regions`) as Promise<{ id: string; code: string }[]>,
      this.dataSource.query(
        `SELECT version::int AS version, section, division_from::int AS "divisionFrom", division_to::int AS "divisionTo"
         FROM sbi_sections`,
      ) as Promise<SbiSectionRange[]>,
    ]);
    return { regions, sbiRanges };
  }

  /** `rows` carry their round (see `assignRounds`); returns one outcome per row, in line order. */
  async apply(rows: { row: EmployerRowValues; round: number }[], by: string | null, at: Date): Promise<AppliedRow[]> {
    if (rows.length === 0) return [];
    const db = managerFor(this.dataSource);
    await this.load(db, rows);
    const rounds = Math.max(...rows.map((r) => r.round)) + 1;
    for (let round = 0; round < rounds; round++) {
      await this.lookUp(db, round);
      await this.checkAgainstStored(db, round);
      await this.applyEmployers(db, round, by, at);
      await this.applyContacts(db, round, at);
      await this.writeHistoryAndAudit(db, round, by, at);
    }
    const results: ResultRow[] = await db.query(
      `SELECT line, problems, employer_created, coalesce(employer_changed, false) AS employer_changed,
              contact_created, coalesce(contact_changed, false) AS contact_changed
       FROM ${T} ORDER BY line`,
    );
    return results.map((r) => ({
      line: r.line,
      errors: r.problems.map((p) => ({ row: r.line, ...p })),
      outcome:
        r.problems.length > 0
          ? 'failed'
          : r.employer_created
            ? 'created'
            : r.employer_changed || r.contact_created || r.contact_changed
              ? 'updated'
              : 'unchanged',
    }));
  }

  private async load(db: EntityManager, rows: { row: EmployerRowValues; round: number }[]): Promise<void> {
    await db.query(CREATE_ROWS_TABLE);
    const columns = `line, round, region_id, kvk, name, sbi_code, sbi_version, sbi_section, size_class, postcode,
      city, website, tags, has_contact, c_first, c_last, c_email, c_phone, c_role, c_basis, c_basis_source`;
    for (let at = 0; at < rows.length; at += LOAD_ROWS) {
      await db.query(
        `INSERT INTO ${T} (${columns}) SELECT ${columns} FROM jsonb_to_recordset($1::jsonb) AS r(
           line integer, round integer, region_id uuid, kvk char(8), name text, sbi_code text, sbi_version smallint,
           sbi_section char(1), size_class text, postcode text, city text, website text, tags text[],
           has_contact boolean, c_first text, c_last text, c_email text, c_phone text, c_role text, c_basis text,
           c_basis_source text)`,
        [JSON.stringify(rows.slice(at, at + LOAD_ROWS).map(loadRow))],
      );
    }
    await db.query(`ANALYZE ${T}`);
  }

  /** Finds (and locks) the stored employer by (region, KvK) and its contact by e-mail, else by name. */
  private async lookUp(db: EntityManager, round: number): Promise<void> {
    await db.query(LOOK_UP_EMPLOYERS, [round]);
    await db.query(
      `UPDATE ${T} t SET contact_id = (
         SELECT c.id FROM contacts c WHERE c.organisation_id = t.employer_id AND lower(c.email) = lower(t.c_email)
         ORDER BY c.created_at, c.id LIMIT 1)
       WHERE t.round = $1 AND t.has_contact AND t.employer_id IS NOT NULL AND t.c_email IS NOT NULL`,
      [round],
    );
    // By name, when the row has no address or none matched:
    // - a missing first name matches any (an exact one first);
    // - a row with an address only matches a stored contact without one, else it is another person;
    // - a contact an earlier row of this batch already took (an employer's rows run in file order, one
    //   round each) is not taken again: two namesakes in an export are two rows and stay two contacts;
    // - among the rest, the same phone number first, then a contact without an address (a row without
    //   one rather belongs to a contact without one), then the oldest.
    await db.query(
      `UPDATE ${T} t SET contact_id = (
         SELECT c.id FROM contacts c
         WHERE c.organisation_id = t.employer_id AND lower(c.last_name) = lower(t.c_last)
           AND (t.c_first IS NULL OR c.first_name IS NULL OR lower(c.first_name) = lower(t.c_first))
           AND (t.c_email IS NULL OR c.email IS NULL)
           AND NOT EXISTS (SELECT 1 FROM ${T} p WHERE p.round < $1 AND p.contact_id = c.id AND p.problems = '[]')
         ORDER BY (lower(coalesce(c.first_name, '')) = lower(coalesce(t.c_first, ''))) DESC,
           (c.phone IS NOT NULL AND c.phone = t.c_phone) DESC, (c.email IS NULL) DESC, c.created_at, c.id
         LIMIT 1)
       WHERE t.round = $1 AND t.has_contact AND t.employer_id IS NOT NULL AND t.contact_id IS NULL
         AND t.c_last IS NOT NULL`,
      [round],
    );
    await db.query(
      `SELECT c.id FROM contacts c WHERE c.id IN (SELECT contact_id FROM ${T} WHERE round = $1) ORDER BY c.id FOR UPDATE`,
      [round],
    );
  }

  /** Row errors that need the stored record: a new employer needs a name, a new contact a last name. */
  private async checkAgainstStored(db: EntityManager, round: number): Promise<void> {
    await db.query(
      `UPDATE ${T} t SET problems = problems
         || CASE WHEN t.employer_id IS NULL AND t.name IS NULL
              THEN '[{"field": "name", "problem": "is required for a new employer"}]'::jsonb ELSE '[]' END
         || CASE WHEN t.has_contact AND t.contact_id IS NULL AND t.c_last IS NULL
              THEN '[{"field": "contactLastName", "problem": "is required for a new contact"}]'::jsonb ELSE '[]' END
         || CASE WHEN t.has_contact AND t.c_basis IS NULL AND t.c_basis_source IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = t.contact_id AND c.email_basis IS NOT NULL)
              THEN '[{"field": "contactEmailBasisSource", "problem": "needs a contactEmailBasis"}]'::jsonb ELSE '[]' END
       WHERE t.round = $1`,
      [round],
    );
  }

  private async applyEmployers(db: EntityManager, round: number, by: string | null, at: Date): Promise<void> {
    await db.query(
      `UPDATE ${T} t SET emp_before = ${employerSnapshot('o')}, emp_new = ${EMPLOYER_MERGED}
       FROM organisations o WHERE o.id = t.employer_id AND t.round = $1 AND t.problems = '[]'`,
      [round],
    );
    await db.query(
      `UPDATE ${T} t SET employer_changed = ${EMPLOYER_CHANGED} WHERE t.round = $1 AND t.emp_new IS NOT NULL`,
      [round],
    );
    await db.query(
      `UPDATE organisations o SET name = n.name, sbi_code = n."sbiCode", sbi_version = n."sbiVersion",
         sbi_section = n."sbiSection", size_class = n."sizeClass", postcode = n.postcode, city = n.city,
         website = n.website, tags = n.tags, updated_at = $2
       FROM ${T} t, jsonb_to_record(t.emp_new) AS n(name text, "sbiCode" text, "sbiVersion" smallint,
         "sbiSection" char(1), "sizeClass" text, postcode text, city text, website text, tags text[])
       WHERE o.id = t.employer_id AND t.round = $1 AND t.employer_changed`,
      [round, at],
    );
    // A new employer is owned by the uploader, as when it is created by hand, and enters the pipeline as prospect.
    await db.query(
      `WITH created AS (
         INSERT INTO organisations (region_id, kind, name, kvk_number, sbi_code, sbi_version, sbi_section, size_class,
           postcode, city, website, tags, owner_id, created_at, updated_at)
         SELECT region_id, 'employer', name, kvk, sbi_code, sbi_version, sbi_section, size_class, postcode, city,
           website, coalesce(tags, '{}'), $3::uuid, $2, $2
         FROM ${T} WHERE round = $1 AND employer_id IS NULL AND problems = '[]'
         RETURNING id, region_id, kvk_number),
       entered AS (
         INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, by_user_id, cause)
         SELECT id, region_id, NULL, 'prospect', $2, $3::uuid, 'manual' FROM created)
       UPDATE ${T} t SET employer_id = c.id, employer_created = true FROM created c
       WHERE t.round = $1 AND t.region_id = c.region_id AND t.kvk = c.kvk_number`,
      [round, at, by],
    );
  }

  private async applyContacts(db: EntityManager, round: number, at: Date): Promise<void> {
    await db.query(
      `UPDATE ${T} t SET con_before = ${contactSnapshot('c')}, con_new = ${CONTACT_MERGED}
       FROM contacts c WHERE c.id = t.contact_id AND t.round = $1 AND t.problems = '[]'`,
      [round],
    );
    await db.query(
      `UPDATE ${T} t SET contact_changed = ${CONTACT_CHANGED},
         basis_changed = (t.con_new->'emailBasis', t.con_new->'emailBasisSource')
           IS DISTINCT FROM (t.con_before->'emailBasis', t.con_before->'emailBasisSource')
       WHERE t.round = $1 AND t.con_new IS NOT NULL`,
      [round],
    );
    await db.query(
      `UPDATE contacts c SET first_name = n."firstName", last_name = n."lastName", email = n.email, phone = n.phone,
         role = n.role, email_basis = n."emailBasis", email_basis_source = n."emailBasisSource",
         email_basis_at = CASE WHEN t.basis_changed THEN $2 ELSE c.email_basis_at END, updated_at = $2
       FROM ${T} t, jsonb_to_record(t.con_new) AS n("firstName" text, "lastName" text, email text, phone text,
         role text, "emailBasis" text, "emailBasisSource" text)
       WHERE c.id = t.contact_id AND t.round = $1 AND t.contact_changed`,
      [round, at],
    );
    // The first contact of an employer without a primary contact becomes its primary contact.
    await db.query(
      `WITH created AS (
         INSERT INTO contacts (organisation_id, region_id, first_name, last_name, email, phone, role, is_primary,
           email_basis, email_basis_source, email_basis_at, created_at, updated_at)
         SELECT t.employer_id, t.region_id, t.c_first, t.c_last, t.c_email, t.c_phone, t.c_role,
           NOT EXISTS (SELECT 1 FROM contacts p WHERE p.organisation_id = t.employer_id AND p.is_primary),
           t.c_basis, CASE WHEN t.c_basis IS NOT NULL THEN coalesce(t.c_basis_source, 'import') END,
           CASE WHEN t.c_basis IS NOT NULL THEN $2::timestamptz END, $2, $2
         FROM ${T} t WHERE t.round = $1 AND t.problems = '[]' AND t.has_contact AND t.contact_id IS NULL
         RETURNING id, organisation_id, email_basis)
       UPDATE ${T} t SET contact_id = c.id, contact_created = true, basis_changed = c.email_basis IS NOT NULL
       FROM created c WHERE t.round = $1 AND t.employer_id = c.organisation_id AND t.contact_id IS NULL`,
      [round, at],
    );
  }

  private async writeHistoryAndAudit(db: EntityManager, round: number, by: string | null, at: Date): Promise<void> {
    await db.query(
      `INSERT INTO contact_basis_history (contact_id, basis, source, evidence, at, by_user_id)
       SELECT c.id, c.email_basis, c.email_basis_source, c.email_basis_evidence, $2::timestamptz, $3::uuid
       FROM ${T} t JOIN contacts c ON c.id = t.contact_id WHERE t.round = $1 AND t.basis_changed
       ORDER BY t.line`,
      [round, at, by],
    );
    await db.query(
      `INSERT INTO audit_log (at, by_user_id, action, entity, entity_id, region_id, before, after)
       SELECT $2::timestamptz, $3::uuid, CASE WHEN t.employer_created THEN 'create' ELSE 'update' END, '${CrmAuditEntity.Employer}',
         o.id, o.region_id, t.emp_before, ${employerSnapshot('o')}
       FROM ${T} t JOIN organisations o ON o.id = t.employer_id
       WHERE t.round = $1 AND (t.employer_created OR t.employer_changed)
       UNION ALL
       SELECT $2::timestamptz, $3::uuid, CASE WHEN t.contact_created THEN 'create' ELSE 'update' END, '${CrmAuditEntity.Contact}',
         c.id, c.region_id, t.con_before, ${contactSnapshot('c')}
       FROM ${T} t JOIN contacts c ON c.id = t.contact_id
       WHERE t.round = $1 AND (t.contact_created OR t.contact_changed)`,
      [round, at, by],
    );
  }
}
