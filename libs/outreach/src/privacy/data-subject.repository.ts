import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { ERASED, ErasureCounts, SubjectRow } from './data-subject.types';

type Row = Record<string, unknown>;

/** The privacy columns a request sets once (the first time wins, so a repeated request changes nothing). */
export type PrivacyMark = 'restricted_at' | 'objected_at' | 'erased_at';

/** What the erasure looks for: the person's address, and patterns of their identifiers and names. */
export interface ErasureTerms {
  contactId: string;
  employerId: string;
  regionId: string;
  /** Lower-case address, or null when the contact had none. */
  email: string | null;
  /** Regex (PostgreSQL ARE) of the address and phone numbers: replaced wherever they occur. */
  identifiers: string | null;
  /** Regex of the identifiers and the full name: replaced in the records of the contact's employer. */
  employerWide: string;
  /** Regex of the identifiers, the full name and the name parts: replaced in the contact's own records. */
  everything: string;
  at: Date;
}

const REPLACE = (column: string, pattern: string) => `regexp_replace(${column}, ${pattern}, '${ERASED}', 'gi')`;
const JSON_REPLACE = (column: string, pattern: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE regexp_replace(${column}::text, ${pattern}, '${ERASED}', 'gi')::jsonb END`;

/**
 * The SQL of the data-subject requests (AVG): reading one person's data for an export, marking a
 * restriction or objection, and erasing the person from every table. Joins the running transaction.
 */
@Injectable()
export class DataSubjectRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return managerFor(this.dataSource).query(sql, params);
  }

  /** Null when missing or outside `regionIds` (null = every region); `lock` holds the contact until commit. */
  async find(contactId: string, regionIds: string[] | null, lock = false): Promise<SubjectRow | null> {
    // Two statements: after waiting for the lock, a joined contact_privacy row would still be the one
    // seen before the wait (READ COMMITTED re-reads only the locked row), so a concurrent request's mark
    // would go unseen.
    const [contact] = await this.query<SubjectRow>(
      `SELECT c.id, c.organisation_id, c.region_id, c.first_name, c.last_name, c.email, c.phone
       FROM contacts c
       WHERE c.id = $1 AND ($2::uuid[] IS NULL OR c.region_id = ANY($2::uuid[]))
       ${lock ? 'FOR UPDATE' : ''}`,
      [contactId, regionIds],
    );
    if (!contact) return null;
    const [privacy] = await this.query<Partial<SubjectRow>>(
      `SELECT restricted_at, objected_at, erased_at, review_due_at FROM contact_privacy WHERE contact_id = $1`,
      [contactId],
    );
    return {
      ...contact,
      restricted_at: privacy?.restricted_at ?? null,
      objected_at: privacy?.objected_at ?? null,
      erased_at: privacy?.erased_at ?? null,
      review_due_at: privacy?.review_due_at ?? null,
    };
  }

  /** Whether an import that may hold the person is still queued or running in the region (its file is not scrubbed). */
  async unfinishedImport(regionId: string): Promise<boolean> {
    const rows = await this.query(
      `SELECT 1 FROM imports WHERE status IN ('queued', 'running')
         AND (region_ids = '{}' OR $1::uuid = ANY(region_ids)) LIMIT 1`,
      [regionId],
    );
    return rows.length > 0;
  }

  async mark(contact: SubjectRow, column: PrivacyMark, at: Date): Promise<void> {
    await this.query(
      `INSERT INTO contact_privacy (contact_id, region_id, ${column}) VALUES ($1, $2, $3)
       ON CONFLICT (contact_id) DO UPDATE SET ${column} = coalesce(contact_privacy.${column}, EXCLUDED.${column})`,
      [contact.id, contact.region_id, at],
    );
  }

  async activeEnrolments(contactId: string): Promise<number> {
    const [row] = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrolments WHERE contact_id = $1 AND status = 'active'`,
      [contactId],
    );
    return row.n;
  }

  // ---- export ----

  async contactRecord(contactId: string): Promise<Row> {
    const [row] = await this.query(
      `SELECT c.id, c.organisation_id AS "organisationId", o.name AS "organisationName", c.region_id AS "regionId",
              c.first_name AS "firstName", c.last_name AS "lastName", c.email, c.phone, c.role,
              c.is_primary AS "primary", c.email_basis AS "emailBasis", c.email_basis_source AS "emailBasisSource",
              c.email_basis_evidence AS "emailBasisEvidence", c.email_basis_at AS "emailBasisAt",
              c.created_at AS "createdAt", c.updated_at AS "updatedAt"
       FROM contacts c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = $1`,
      [contactId],
    );
    return row;
  }

  basisHistory(contactId: string): Promise<Row[]> {
    return this.query(
      `SELECT basis, source, evidence, at, by_user_id AS "by" FROM contact_basis_history
       WHERE contact_id = $1 ORDER BY at, id`,
      [contactId],
    );
  }

  enrolments(contactId: string): Promise<Row[]> {
    return this.query(
      `SELECT e.campaign_id AS "campaignId", k.name AS "campaignName", e.status, e.exit_reason AS "exitReason",
              e.current_step AS "currentStep", e.created_at AS "createdAt", e.exited_at AS "exitedAt"
       FROM enrolments e JOIN campaigns k ON k.id = e.campaign_id WHERE e.contact_id = $1 ORDER BY e.created_at, e.id`,
      [contactId],
    );
  }

  sentMessages(contactId: string): Promise<Row[]> {
    return this.query(
      `SELECT l.campaign_id AS "campaignId", l.step_index AS "step", l.to_email AS "to", l.status,
              l.message_id AS "messageId", l.sent_at AS "sentAt", l.finished_at AS "finishedAt"
       FROM send_ledger l WHERE l.contact_id = $1 ORDER BY l.due_at, l.id`,
      [contactId],
    );
  }

  /** The contact's mail, and mail from its address to an employer in `regionIds` (null = all): never another region's. */
  async inboundMessages(contactId: string, email: string | null, regionIds: string[] | null): Promise<Row[]> {
    const rows = await this.query<Row & { raw: Buffer }>(
      `SELECT kind, from_address AS "from", subject, received_at AS "receivedAt", raw
       FROM inbound_messages m
       WHERE m.contact_id = $1
          OR ($2::text IS NOT NULL AND lower(m.from_address) = $2
              AND m.employer_id IN (SELECT o.id FROM organisations o
                                    WHERE $3::uuid[] IS NULL OR o.region_id = ANY($3::uuid[])))
       ORDER BY received_at, id`,
      [contactId, email, regionIds],
    );
    // The message as text (invalid UTF-8 becomes U+FFFD), not `encode(raw, 'escape')`: that doubles every
    // backslash and writes non-ASCII letters as octal escapes, so the person could not read their own mail.
    return rows.map((row) => ({ ...row, raw: row.raw.toString('utf8') }));
  }

  activities(contactId: string): Promise<Row[]> {
    return this.query(
      `SELECT type, at, summary, employer_id AS "employerId" FROM activities WHERE contact_id = $1 ORDER BY at, id`,
      [contactId],
    );
  }

  /** Global suppressions of the addresses and those of `regionIds` (null = all). */
  suppressions(addresses: string[], regionIds: string[] | null): Promise<Row[]> {
    return this.query(
      `SELECT email, region_id AS "regionId", reason, source, created_at AS "createdAt"
       FROM suppressions WHERE email = ANY($1::text[])
         AND (region_id IS NULL OR $2::uuid[] IS NULL OR region_id = ANY($2::uuid[]))
       ORDER BY created_at, id`,
      [addresses, regionIds],
    );
  }

  auditLog(contactId: string): Promise<Row[]> {
    return this.query(
      `SELECT at, by_user_id AS "by", action, entity, entity_id AS "entityId", before, after
       FROM audit_log WHERE entity_id = $1 ORDER BY at, id`,
      [contactId],
    );
  }

  // ---- erasure: every statement is idempotent, and all run in one transaction ----

  async erase(terms: ErasureTerms): Promise<ErasureCounts> {
    const counts: ErasureCounts = {};
    const run = async (name: string, sql: string, params: unknown[]) => {
      const result: unknown = await this.query(sql, params);
      // TypeORM answers an UPDATE or DELETE with [rows, affected].
      const affected = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
      counts[name] = (counts[name] ?? 0) + affected;
    };
    const { contactId, employerId, email, identifiers, employerWide, everything } = terms;

    await run(
      'contacts',
      `UPDATE contacts SET first_name = NULL, last_name = '${ERASED}', email = NULL, phone = NULL, role = NULL,
              email_basis_source = NULL, email_basis_evidence = NULL, updated_at = $2
       WHERE id = $1`,
      [contactId, terms.at],
    );
    await run(
      'contact_basis_history',
      `UPDATE contact_basis_history SET source = NULL, evidence = NULL
       WHERE contact_id = $1 AND (source IS NOT NULL OR evidence IS NOT NULL)`,
      [contactId],
    );
    await run(
      'send_ledger',
      `UPDATE send_ledger SET to_email = NULL, last_error = ${REPLACE('last_error', '$2')}
       WHERE contact_id = $1 AND (to_email IS NOT NULL OR last_error ~* $2)`,
      [contactId, everything],
    );
    await run(
      'inbound_messages',
      `UPDATE inbound_messages SET envelope_from = NULL, from_address = NULL, subject = NULL, raw = ''::bytea,
              message_id = ${REPLACE('message_id', '$3')}, in_reply_to = ${REPLACE('in_reply_to', '$3')},
              result = ${JSON_REPLACE('result', '$3')},
              processed_at = coalesce(processed_at, $4), forwarded_at = coalesce(forwarded_at, $4)
       WHERE (contact_id = $1
          OR ledger_id IN (SELECT id FROM send_ledger WHERE contact_id = $1)
          OR ($2::text IS NOT NULL AND (lower(from_address) = $2 OR lower(envelope_from) = $2
              OR strpos(lower(encode(raw, 'escape')), $2) > 0)))
         AND (octet_length(raw) > 0 OR from_address IS NOT NULL OR envelope_from IS NOT NULL OR subject IS NOT NULL)`,
      [contactId, email, everything, terms.at],
    );
    for (const [table, columns] of Object.entries(EMPLOYER_TEXT)) {
      const set = columns.map((column) => `${column} = ${REPLACE(column, '$2')}`).join(', ');
      const any = columns.map((column) => `${column} ~* $2`).join(' OR ');
      await run(table, `UPDATE ${table} SET ${set} WHERE employer_id = $1 AND (${any})`, [employerId, employerWide]);
    }
    await run(
      'activities',
      `UPDATE activities SET summary = ${REPLACE('summary', '$2')} WHERE contact_id = $1 AND summary ~* $2`,
      [contactId, everything],
    );
    // Name parts alone only in the contact's own entries; the full name in those of its employer and the
    // employer's records (tasks, activities, other contacts, …: their audited values carry `employerId` or
    // `organisationId`), where "Jan" alone may be someone else; address and phone in every entry of every
    // region (a suppression or organisation elsewhere may hold them).
    await run(
      'audit_log',
      `UPDATE audit_log SET before = ${JSON_REPLACE('before', '$2')}, after = ${JSON_REPLACE('after', '$2')}
       WHERE entity_id = $1 AND (before::text ~* $2 OR after::text ~* $2)`,
      [contactId, everything],
    );
    await run(
      'audit_log',
      `UPDATE audit_log SET before = ${JSON_REPLACE('before', '$2')}, after = ${JSON_REPLACE('after', '$2')}
       WHERE (entity_id = $1
              OR $1::text IN (before->>'employerId', after->>'employerId', before->>'organisationId', after->>'organisationId'))
         AND (before::text ~* $2 OR after::text ~* $2)`,
      [employerId, employerWide],
    );
    await run(
      'import_row_errors',
      `UPDATE import_row_errors SET problem = ${REPLACE('problem', '$1')} WHERE problem ~* $1`,
      [employerWide],
    );
    if (identifiers) {
      await run(
        'audit_log',
        `UPDATE audit_log SET before = ${JSON_REPLACE('before', '$1')}, after = ${JSON_REPLACE('after', '$1')}
         WHERE before::text ~* $1 OR after::text ~* $1`,
        [identifiers],
      );
      // Any organisation (any region) that lists the person's own address or number as its contact details.
      await run(
        'organisations',
        `UPDATE organisations SET email = CASE WHEN email ~* $1 THEN NULL ELSE email END,
                                  phone = CASE WHEN phone ~* $1 THEN NULL ELSE phone END
         WHERE email ~* $1 OR phone ~* $1`,
        [identifiers],
      );
    }
    if (email) {
      await run('login_failures', `DELETE FROM login_failures WHERE lower(email) = $1`, [email]);
    }
    return counts;
  }

  /**
   * Replaces the plain address on the suppression list by its keyed hash (keeping region, source and
   * reason), and adds the erasure's own entry, for every region: a re-import anywhere must not mail
   * the person again.
   */
  async suppressErased(email: string, token: string, by: string, at: Date): Promise<number> {
    // An entry of the same region already under the hash (an earlier erasure of the same address) would
    // make the UPDATE below break the unique index: the plain duplicate goes, the hashed one stays.
    await this.query(
      `DELETE FROM suppressions s WHERE s.email = $1
         AND EXISTS (SELECT 1 FROM suppressions t WHERE t.email = $2
                     AND t.region_id IS NOT DISTINCT FROM s.region_id)`,
      [email, token],
    );
    const moved: unknown = await this.query(`UPDATE suppressions SET email = $2 WHERE email = $1`, [email, token]);
    await this.query(
      `INSERT INTO suppressions (email, region_id, reason, source, created_by, created_at)
       VALUES ($1, NULL, 'erased at the person''s request (AVG art. 17)', 'erasure', $2, $3)
       ON CONFLICT (email, coalesce(region_id, '00000000-0000-0000-0000-000000000000'::uuid))
       DO UPDATE SET source = 'erasure', reason = EXCLUDED.reason`,
      [token, by, at],
    );
    return Array.isArray(moved) && typeof moved[1] === 'number' ? moved[1] : 0;
  }
}

/** Free text of an employer's records that may name its contact. */
const EMPLOYER_TEXT: Record<string, string[]> = {
  activities: ['summary'],
  tasks: ['title'],
  stage_changes: ['reason'],
  stories: ['title', 'summary', 'quote'],
};
