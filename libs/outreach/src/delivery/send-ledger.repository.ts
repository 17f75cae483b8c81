import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { LedgerRow, LedgerStatus, SendState } from './delivery.types';
import { updatedRows } from './updated-rows';

/** The send ledger: one row per (enrolment, step), moved along by conditional updates. */
@Injectable()
export class SendLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db() {
    return managerFor(this.dataSource);
  }

  /** The row's id, new or (when the dispatcher ran twice) the one already there. */
  async insert(row: {
    enrolmentId: string;
    campaignId: string;
    stepIndex: number;
    contactId: string;
    dueAt: Date;
    at: Date;
  }) {
    const params = [row.enrolmentId, row.campaignId, row.stepIndex, row.contactId, row.dueAt, row.at];
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, due_at, queued_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT send_ledger_enrolment_step DO NOTHING RETURNING id`,
      params,
    );
    if (inserted.length > 0) return inserted[0].id;
    const [existing]: { id: string }[] = await this.db.query(
      `SELECT id FROM send_ledger WHERE enrolment_id = $1 AND step_index = $2`,
      [row.enrolmentId, row.stepIndex],
    );
    return existing.id;
  }

  async find(id: string): Promise<LedgerRow | null> {
    const rows: LedgerRow[] = await this.db.query(`SELECT * FROM send_ledger WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The campaign's status and cap, its row locked so claims under a cap serialise. */
  async lockCampaign(id: string): Promise<{ status: string; max_per_hour: number | null } | null> {
    const rows: { status: string; max_per_hour: number | null }[] = await this.db.query(
      `SELECT status, max_per_hour FROM campaigns WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Messages of the campaign that count against `maxPerHour`: sent in the last hour, or being sent. */
  async hourUsage(campaignId: string, now: Date): Promise<{ used: number; oldest: Date | null }> {
    const [row]: { used: number; oldest: Date | null }[] = await this.db.query(
      `SELECT count(*)::int AS used, min(sent_at) AS oldest FROM send_ledger
       WHERE campaign_id = $1 AND (status = 'sending' OR (status = 'sent' AND sent_at > $2::timestamptz - interval '1 hour'))`,
      [campaignId, now],
    );
    return row;
  }

  /** Rows of the campaign about to be sent (they count against the cap once sent); not those held back by pressure. */
  async queuedCount(campaignId: string): Promise<number> {
    const [row]: { queued: number }[] = await this.db.query(
      `SELECT count(*)::int AS queued FROM send_ledger
       WHERE campaign_id = $1 AND status = 'queued' AND NOT waiting_for_pressure`,
      [campaignId],
    );
    return row.queued;
  }

  /** `queued → sending`; false when another worker (or an earlier run) got there first. */
  async claim(id: string, at: Date): Promise<boolean> {
    const rows = updatedRows(
      await this.db.query(
        `UPDATE send_ledger SET status = 'sending', sending_at = $2, attempts = attempts + 1
       WHERE id = $1 AND status = 'queued' RETURNING id`,
        [id, at],
      ),
    );
    return rows.length > 0;
  }

  /**
   * A row left in `sending` by a worker that died mid-send (its job runs again only after BullMQ saw
   * the lock lapse) becomes `unknown`: the server may have the message. Returns what the enrolment
   * needs to move on. Should the first worker still be alive after all, its `sent` overwrites this.
   */
  async settleAbandoned(
    id: string,
    at: Date,
  ): Promise<{ enrolment_id: string; step_index: number; step_count: number } | null> {
    const rows = updatedRows<{ enrolment_id: string; step_index: number; step_count: number }>(
      await this.db.query(
        `UPDATE send_ledger l SET status = 'unknown', finished_at = $2,
           last_error = 'worker stopped during the SMTP call'
         FROM campaigns c
         WHERE l.id = $1 AND c.id = l.campaign_id AND l.status = 'sending'
         RETURNING l.enrolment_id, l.step_index, jsonb_array_length(c.steps) AS step_count`,
        [id, at],
      ),
    );
    return rows[0] ?? null;
  }

  /** Back to `queued`, due later (cap, pressure, paused campaign, retry). */
  async requeue(id: string, dueAt: Date, changes: { pressure?: boolean; error?: string | null } = {}): Promise<void> {
    await this.db.query(
      `UPDATE send_ledger SET status = 'queued', due_at = $2, sending_at = NULL,
         waiting_for_pressure = $3, last_error = coalesce($4, last_error)
       WHERE id = $1`,
      [id, dueAt, changes.pressure ?? false, changes.error ?? null],
    );
  }

  async finish(
    id: string,
    status: Exclude<LedgerStatus, 'queued' | 'sending'>,
    at: Date,
    details: { error?: string; toEmail?: string; messageId?: string; replyToken?: string } = {},
  ): Promise<void> {
    await this.db.query(
      `UPDATE send_ledger SET status = $2, finished_at = $3, waiting_for_pressure = false,
         sent_at = CASE WHEN $2 = 'sent' THEN $3 ELSE sent_at END,
         last_error = coalesce($4, last_error), to_email = coalesce($5, to_email),
         message_id = coalesce($6, message_id), reply_token = coalesce($7, reply_token)
       WHERE id = $1`,
      [
        id,
        status,
        at,
        details.error ?? null,
        details.toEmail ?? null,
        details.messageId ?? null,
        details.replyToken ?? null,
      ],
    );
  }

  /**
   * Locks the enrolment (`FOR UPDATE`, as every exit does) and reads everything the send-time checks
   * need in the same query: campaign, contact, region, the region's WSP and the sender.
   */
  async lockSendState(enrolmentId: string): Promise<SendState | null> {
    const rows: SendState[] = await this.db.query(
      `SELECT e.status AS enrolment_status, e.current_step, e.employer_id,
              c.status AS campaign_status, c.region_id AS campaign_region_id, c.sender_id, c.steps, c.send_window,
              c.exit_stage,
              k.email AS contact_email, k.email_basis, r.pressure_days, r.closing_days::text[] AS closing_days,
              w.email AS wsp_email, u.name AS sender_name, u.email AS sender_email, o.stage AS employer_stage,
              CASE WHEN p.erased_at IS NOT NULL THEN 'erased'
                   WHEN p.restricted_at IS NOT NULL THEN 'restricted'
                   WHEN p.objected_at IS NOT NULL THEN 'objected' END AS privacy_block
       FROM enrolments e
       JOIN campaigns c ON c.id = e.campaign_id
       JOIN contacts k ON k.id = e.contact_id
       JOIN organisations o ON o.id = e.employer_id
       JOIN regions r ON r.id = c.region_id
       LEFT JOIN organisations w ON w.region_id = c.region_id AND w.kind = 'wsp'
       LEFT JOIN users u ON u.id = c.sender_id
       LEFT JOIN contact_privacy p ON p.contact_id = e.contact_id
       WHERE e.id = $1
       FOR UPDATE OF e`,
      [enrolmentId],
    );
    return rows[0] ?? null;
  }

  /**
   * Serialises the sends to one contact until the transaction ends (contact pressure): a transaction
   * lock on the contact's id, so two campaigns cannot both see "nothing sent yet" and both send.
   * An advisory lock, not a row lock: it cannot deadlock with writers of the contact row.
   */
  async lockContactSends(contactId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended('contact-send:' || $1::text, 0))`, [contactId]);
  }

  /**
   * The latest e-mail another campaign sent this contact since `since`, if any (contact pressure).
   * An `unknown` outcome counts (the contact may have it), and so does one being sent right now.
   */
  async lastOtherCampaignMail(contactId: string, campaignId: string, since: Date): Promise<Date | null> {
    const [row]: { at: Date | null }[] = await this.db.query(
      `SELECT max(coalesce(sent_at, finished_at, sending_at)) AS at FROM send_ledger
       WHERE contact_id = $1 AND campaign_id <> $2
         AND (status IN ('sent', 'unknown') OR (status = 'sending' AND sending_at > $3))
         AND coalesce(sent_at, finished_at, sending_at) > $3`,
      [contactId, campaignId, since],
    );
    return row.at;
  }

  /** Whether the campaign's last `count` finished messages were all refused as `blocked`. */
  async lastFinishedAllBlocked(campaignId: string, count: number): Promise<boolean> {
    const rows: { status: string }[] = await this.db.query(
      `SELECT status FROM send_ledger
       WHERE campaign_id = $1 AND status IN ('sent', 'bounced', 'blocked', 'failed') AND finished_at IS NOT NULL
       ORDER BY finished_at DESC LIMIT $2`,
      [campaignId, count],
    );
    return rows.length === count && rows.every((row) => row.status === 'blocked');
  }

  /** Hard bounces among the campaign's first `sample` finished messages. */
  async bouncesInFirst(campaignId: string, sample: number): Promise<number> {
    const [row]: { bounced: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE status = 'bounced')::int AS bounced FROM (
         SELECT status FROM send_ledger
         WHERE campaign_id = $1 AND status IN ('sent', 'bounced', 'failed', 'unknown') AND finished_at IS NOT NULL
         ORDER BY finished_at, id LIMIT $2) first`,
      [campaignId, sample],
    );
    return row.bounced;
  }

  /** The step's template version: pinned at launch, else (a campaign from before pinning) the newest. */
  async latestTemplateVersion(templateId: string): Promise<number | null> {
    const [row]: { version: number | null }[] = await this.db.query(
      `SELECT max(version)::int AS version FROM template_versions WHERE template_id = $1`,
      [templateId],
    );
    return row.version;
  }
}
