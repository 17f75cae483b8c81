/** SQL fragments of the set-based employer import (see employer-import.repository.ts). */

/** The per-batch temporary table; `t` in the fragments below. */
export const ROWS_TABLE = 'employer_import_rows';

/** Creates the per-batch table of rows (dropped at commit). */
export const CREATE_ROWS_TABLE = `
  CREATE TEMP TABLE ${ROWS_TABLE} (
    line integer PRIMARY KEY, round integer NOT NULL, region_id uuid NOT NULL, kvk char(8) NOT NULL,
    name text, sbi_code text, sbi_version smallint, sbi_section char(1), size_class text, postcode text,
    city text, website text, tags text[], has_contact boolean NOT NULL,
    c_first text, c_last text, c_email text, c_phone text, c_role text, c_basis text, c_basis_source text,
    employer_id uuid, employer_created boolean NOT NULL DEFAULT false, employer_changed boolean,
    contact_id uuid, contact_created boolean NOT NULL DEFAULT false, contact_changed boolean,
    basis_changed boolean NOT NULL DEFAULT false, problems jsonb NOT NULL DEFAULT '[]',
    emp_before jsonb, emp_new jsonb, con_before jsonb, con_new jsonb
  ) ON COMMIT DROP`;

/**
 * Sets `employer_id` for round $1's rows whose (region, KvK) is stored. One probe of the unique (region, KvK) key
 * per row: as a plain join, the planner may merge-join on the region alone when its statistics lack the region,
 * comparing each of the region's employers with every row of the batch. LIMIT 1 keeps the subquery from being merged
 * into a join; the ids found come as one array, so the lock step is one primary-key probe each whatever the sizes.
 * The employers are read again to lock them in id order (two imports cannot deadlock); the UPDATE's join then checks
 * the key on the locked, latest version of each.
 */
export const LOOK_UP_EMPLOYERS = `
  WITH found AS (
    SELECT o.id, o.region_id, o.kvk_number FROM organisations o
    WHERE o.kind = 'employer' AND o.id = ANY (ARRAY(
      SELECT k.id FROM ${ROWS_TABLE} t CROSS JOIN LATERAL (
        SELECT s.id FROM organisations s
        WHERE s.kind = 'employer' AND s.region_id = t.region_id AND s.kvk_number = t.kvk LIMIT 1) k
      WHERE t.round = $1))
    ORDER BY o.id FOR UPDATE OF o)
  UPDATE ${ROWS_TABLE} t SET employer_id = f.id FROM found f
  WHERE t.round = $1 AND f.region_id = t.region_id AND f.kvk_number = t.kvk`;

const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** An employer as the API shows it (the audit log keeps these before and after a change). */
export function employerSnapshot(o: string): string {
  return `jsonb_build_object(
    'id', ${o}.id, 'name', ${o}.name, 'kvkNumber', ${o}.kvk_number, 'regionId', ${o}.region_id,
    'vestigingsnummer', ${o}.vestigingsnummer, 'rsin', ${o}.rsin, 'sbiCode', ${o}.sbi_code,
    'sbiVersion', ${o}.sbi_version, 'sbiSection', ${o}.sbi_section, 'sizeClass', ${o}.size_class,
    'legalForm', ${o}.legal_form, 'postcode', ${o}.postcode, 'city', ${o}.city, 'website', ${o}.website,
    'ownerId', ${o}.owner_id, 'leadSource', ${o}.lead_source, 'tags', to_jsonb(${o}.tags), 'stage', ${o}.stage,
    'createdAt', ${isoTime(`${o}.created_at`)}, 'updatedAt', ${isoTime(`${o}.updated_at`)})`;
}

/** A contact as the API shows it. */
export function contactSnapshot(c: string): string {
  return `jsonb_build_object(
    'id', ${c}.id, 'organisationId', ${c}.organisation_id, 'regionId', ${c}.region_id,
    'firstName', ${c}.first_name, 'lastName', ${c}.last_name, 'email', ${c}.email, 'phone', ${c}.phone,
    'role', ${c}.role, 'primary', ${c}.is_primary, 'emailBasis', ${c}.email_basis,
    'emailBasisSource', ${c}.email_basis_source, 'emailBasisEvidence', ${c}.email_basis_evidence,
    'emailBasisAt', ${isoTime(`${c}.email_basis_at`)},
    'createdAt', ${isoTime(`${c}.created_at`)}, 'updatedAt', ${isoTime(`${c}.updated_at`)})`;
}

/**
 * The employer fields a row sets, merged with the stored employer `o`: an empty cell keeps the
 * stored value; an SBI code comes with its version and section; tags are compared as a set.
 */
export const EMPLOYER_MERGED = `jsonb_build_object(
  'name', coalesce(t.name, o.name),
  'sbiCode', CASE WHEN t.sbi_code IS NULL THEN o.sbi_code ELSE t.sbi_code END,
  'sbiVersion', CASE WHEN t.sbi_code IS NULL THEN o.sbi_version ELSE t.sbi_version END,
  'sbiSection', CASE WHEN t.sbi_code IS NULL THEN o.sbi_section ELSE t.sbi_section END,
  'sizeClass', coalesce(t.size_class, o.size_class),
  'postcode', coalesce(t.postcode, o.postcode),
  'city', coalesce(t.city, o.city),
  'website', coalesce(t.website, o.website),
  'tags', to_jsonb(CASE WHEN t.tags IS NULL OR (t.tags @> o.tags AND t.tags <@ o.tags) THEN o.tags ELSE t.tags END))`;

/**
 * The contact fields a row sets, merged with the stored contact `c`. An address differing only in
 * case is the same address; a new basis without a source gets source `import`.
 */
export const CONTACT_MERGED = `jsonb_build_object(
  'firstName', coalesce(t.c_first, c.first_name),
  'lastName', coalesce(t.c_last, c.last_name),
  'email', CASE WHEN t.c_email IS NULL OR lower(t.c_email) = lower(c.email) THEN c.email ELSE t.c_email END,
  'phone', coalesce(t.c_phone, c.phone),
  'role', coalesce(t.c_role, c.role),
  'emailBasis', coalesce(t.c_basis, c.email_basis),
  'emailBasisSource', CASE
    WHEN t.c_basis_source IS NOT NULL THEN t.c_basis_source
    WHEN t.c_basis IS NOT NULL AND t.c_basis IS DISTINCT FROM c.email_basis THEN 'import'
    ELSE c.email_basis_source END)`;

const differs = (merged: string, before: string) =>
  `EXISTS (SELECT 1 FROM jsonb_each(${merged}) n WHERE n.value IS DISTINCT FROM ${before} -> n.key)`;

export const EMPLOYER_CHANGED = differs('t.emp_new', 't.emp_before');
export const CONTACT_CHANGED = differs('t.con_new', 't.con_before');
