import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, PageRequest } from '@app/core';
import { ERASED } from './data-subject.types';

/** What one retention run changed, per rule (counts only). */
export interface RetentionSummary {
  inboundBlanked: number;
  sentAddressesRemoved: number;
  outboxCopiesRemoved: number;
  contactsFlaggedForReview: number;
  contactsUnflagged: number;
  loginFailuresPurged: number;
}

export interface RetentionRunRow {
  id: string;
  ran_at: Date;
  settings: Record<string, number>;
  summary: RetentionSummary;
}

export interface ReviewRow {
  contact_id: string;
  organisation_id: string;
  region_id: string;
  review_due_at: Date;
}

/**
 * Anything that looks like an address, as PostgreSQL ARE. A backslash is never part of it: in JSON text
 * it belongs to an escape (`\"`), and swallowing it would leave invalid JSON that the `::jsonb` cast
 * refuses, failing the whole nightly run on one row.
 */
const ADDRESS_LIKE = `'[^[:space:]"<>@\\\\]+@[^[:space:]"<>@\\\\]+'`;

function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/**
 * When an employer last saw any activity: created or updated (itself or one of its contacts), an
 * activity, a stage change, a task, a trajectory, a campaign mail to one of its contacts, or mail from it.
 */
const EMPLOYER_LAST_ACTIVITY = `
  SELECT o.id, greatest(
    o.created_at,
    o.updated_at,
    (SELECT max(greatest(k.created_at, k.updated_at)) FROM contacts k WHERE k.organisation_id = o.id),
    (SELECT max(a.at) FROM activities a WHERE a.employer_id = o.id),
    (SELECT max(s.at) FROM stage_changes s WHERE s.employer_id = o.id),
    (SELECT max(t.created_at) FROM tasks t WHERE t.employer_id = o.id),
    (SELECT max(j.created_at) FROM trajectories j WHERE j.employer_id = o.id),
    (SELECT max(l.sent_at) FROM send_ledger l JOIN contacts k ON k.id = l.contact_id WHERE k.organisation_id = o.id),
    (SELECT max(m.received_at) FROM inbound_messages m WHERE m.employer_id = o.id)
  ) AS last_at
  FROM organisations o WHERE o.kind = 'employer'`;

/** The SQL of the retention rules (docs/privacy.md "Retention"); each statement is safe to run twice. */
@Injectable()
export class RetentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query<T>(sql: string, params: unknown[]): Promise<T> {
    return managerFor(this.dataSource).query(sql, params);
  }

  /** Received mail older than `before`: content gone, the row (kind, campaign, ledger) stays for the figures. */
  async blankInbound(before: Date): Promise<number> {
    return affected(
      await this.query(
        `UPDATE inbound_messages
         SET raw = ''::bytea, envelope_from = NULL, from_address = NULL, subject = NULL,
             result = regexp_replace(result::text, ${ADDRESS_LIKE}, '${ERASED}', 'g')::jsonb
         WHERE received_at < $1 AND processed_at IS NOT NULL
           AND (octet_length(raw) > 0 OR from_address IS NOT NULL OR subject IS NOT NULL OR envelope_from IS NOT NULL)`,
        [before],
      ),
    );
  }

  /**
   * Finished sends older than `before` forget the address they went to, also where the last error
   * quotes it (an SMTP answer often does); status and times stay.
   */
  async forgetSentAddresses(before: Date): Promise<number> {
    return affected(
      await this.query(
        `UPDATE send_ledger SET to_email = NULL, last_error = regexp_replace(last_error, ${ADDRESS_LIKE}, '${ERASED}', 'g')
         WHERE (to_email IS NOT NULL OR last_error ~ ${ADDRESS_LIKE}) AND status NOT IN ('queued', 'sending')
           AND coalesce(sent_at, finished_at, due_at) < $1`,
        [before],
      ),
    );
  }

  /** Flags the contacts of employers inactive since `before` (erased ones excluded); returns how many are new. */
  async flagInactive(before: Date, at: Date): Promise<number> {
    const [row] = await this.query<{ n: number }[]>(
      `WITH inactive AS (SELECT id FROM (${EMPLOYER_LAST_ACTIVITY}) e WHERE e.last_at < $1),
         flagged AS (
           INSERT INTO contact_privacy (contact_id, region_id, review_due_at)
           SELECT c.id, c.region_id, $2 FROM contacts c JOIN inactive ON inactive.id = c.organisation_id
           ON CONFLICT (contact_id) DO UPDATE SET review_due_at = EXCLUDED.review_due_at
             WHERE contact_privacy.review_due_at IS NULL AND contact_privacy.erased_at IS NULL
               AND (contact_privacy.kept_at IS NULL OR contact_privacy.kept_at < $1)
           RETURNING 1)
         SELECT count(*)::int AS n FROM flagged`,
      [before, at],
    );
    return row.n;
  }

  /** Clears the flag of contacts whose employer became active again. */
  async unflagActive(before: Date): Promise<number> {
    return affected(
      await this.query(
        `UPDATE contact_privacy p SET review_due_at = NULL
         FROM contacts c JOIN (${EMPLOYER_LAST_ACTIVITY}) e ON e.id = c.organisation_id
         WHERE p.contact_id = c.id AND p.review_due_at IS NOT NULL AND e.last_at >= $1`,
        [before],
      ),
    );
  }

  /** A person reviewed the contact and keeps it: the flag clears, and stays clear for one inactivity period. */
  async keep(contactId: string, at: Date): Promise<boolean> {
    return (
      affected(
        await this.query(
          `UPDATE contact_privacy SET review_due_at = NULL, kept_at = $2
           WHERE contact_id = $1 AND review_due_at IS NOT NULL AND erased_at IS NULL`,
          [contactId, at],
        ),
      ) > 0
    );
  }

  /** The contact's region when it is inside `regionIds` (null = all); null otherwise. */
  async contactRegion(contactId: string, regionIds: string[] | null): Promise<string | null> {
    const [row] = await this.query<{ region_id: string }[]>(
      `SELECT region_id FROM contacts WHERE id = $1 AND ($2::uuid[] IS NULL OR region_id = ANY($2::uuid[]))`,
      [contactId, regionIds],
    );
    return row?.region_id ?? null;
  }

  /** Failed sign-ins (address and IP) are only needed for the 15-minute throttle window. */
  async purgeLoginFailures(before: Date): Promise<number> {
    return affected(await this.query(`DELETE FROM login_failures WHERE at < $1`, [before]));
  }

  async recordRun(at: Date, settings: Record<string, number>, summary: RetentionSummary): Promise<string> {
    const [row] = await this.query<{ id: string }[]>(
      `INSERT INTO retention_runs (ran_at, settings, summary) VALUES ($1, $2::jsonb, $3::jsonb) RETURNING id`,
      [at, JSON.stringify(settings), JSON.stringify(summary)],
    );
    return row.id;
  }

  async runs(request: PageRequest<'ranAt'>): Promise<{ items: RetentionRunRow[]; total: number }> {
    const direction = request.sort[0]?.direction ?? 'DESC';
    const items = await this.query<RetentionRunRow[]>(
      `SELECT id, ran_at, settings, summary FROM retention_runs ORDER BY ran_at ${direction}, id LIMIT $1 OFFSET $2`,
      [request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }] = await this.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM retention_runs`, []);
    return { items, total };
  }

  async reviews(
    regionIds: string[] | null,
    request: PageRequest<'reviewDueAt'>,
  ): Promise<{ items: ReviewRow[]; total: number }> {
    const direction = request.sort[0]?.direction ?? 'ASC';
    // The contact's own region (it may have moved since the flag was set), not the copy in contact_privacy.
    const where = `p.review_due_at IS NOT NULL AND p.erased_at IS NULL
      AND ($1::uuid[] IS NULL OR c.region_id = ANY($1::uuid[]))`;
    const items = await this.query<ReviewRow[]>(
      `SELECT p.contact_id, c.organisation_id, c.region_id, p.review_due_at
       FROM contact_privacy p JOIN contacts c ON c.id = p.contact_id
       WHERE ${where} ORDER BY p.review_due_at ${direction}, p.contact_id LIMIT $2 OFFSET $3`,
      [regionIds, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }] = await this.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM contact_privacy p JOIN contacts c ON c.id = p.contact_id WHERE ${where}`,
      [regionIds],
    );
    return { items, total };
  }
}
