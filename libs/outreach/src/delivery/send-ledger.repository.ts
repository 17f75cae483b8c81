import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, queryPrepared } from '@app/core';
import { LedgerRow, LedgerStatus, SendState } from './delivery.types';
import { updatedRows } from './updated-rows';

/** The send ledger: one row per (enrolment, step), moved along by conditional updates. */
@Injectable()
export class SendLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db() {
    return managerFor(this.dataSource);
  }

  /**
   * New ledger rows for due e-mail steps, in one statement; returns each enrolment's row id, new or (when
   * the dispatcher ran twice) the one already there.
   */
  async insertMany(
    rows: { enrolmentId: string; campaignId: string; stepIndex: number; contactId: string; dueAt: Date }[],
    at: Date,
  ): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const found: { id: string; enrolment_id: string }[] = await this.db.query(
      `WITH v AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::timestamptz[])
           AS v(enrolment_id, campaign_id, step_index, contact_id, due_at)),
       inserted AS (
         INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, due_at, queued_at)
         SELECT enrolment_id, campaign_id, step_index, contact_id, due_at, $6 FROM v
         ON CONFLICT ON CONSTRAINT send_ledger_enrolment_step DO NOTHING
         RETURNING id, enrolment_id)
       SELECT id, enrolment_id FROM inserted
       UNION ALL
       SELECT l.id, l.enrolment_id FROM v JOIN send_ledger l USING (enrolment_id, step_index)`,
      [
        rows.map((row) => row.enrolmentId),
        rows.map((row) => row.campaignId),
        rows.map((row) => row.stepIndex),
        rows.map((row) => row.contactId),
        rows.map((row) => row.dueAt),
        at,
      ],
    );
    return new Map(found.map((row) => [row.enrolment_id, row.id]));
  }

  async findMany(ids: string[]): Promise<LedgerRow[]> {
    return queryPrepared(
      this.db,
      `SELECT id, enrolment_id, campaign_id, step_index, contact_id, to_email, status, message_id, attempts, due_at,
              sending_at
       FROM send_ledger WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The campaigns' status and cap, their rows locked (in id order, so batches cannot deadlock) so claims serialise. */
  async lockCampaigns(ids: string[]): Promise<Map<string, { status: string; max_per_hour: number | null }>> {
    const rows = await queryPrepared<{ id: string; status: string; max_per_hour: number | null }>(
      this.db,
      `SELECT id, status, max_per_hour FROM campaigns WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
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

  /** `queued → sending`; returns the ids claimed here (not those another worker or an earlier run got first). */
  async claimMany(ids: string[], at: Date): Promise<Set<string>> {
    const rows = await queryPrepared<{ id: string }>(
      this.db,
      `UPDATE send_ledger SET status = 'sending', sending_at = $2, attempts = attempts + 1
       WHERE id = ANY($1::uuid[]) AND status = 'queued' RETURNING id`,
      [ids, at],
    );
    return new Set(rows.map((row) => row.id));
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

  /** Back to `queued`, due at once (a batch rolled back before its SMTP calls: nothing went out). */
  async requeueMany(ids: string[], dueAt: Date, error: string): Promise<void> {
    await this.db.query(
      `UPDATE send_ledger SET status = 'queued', due_at = $2, sending_at = NULL, waiting_for_pressure = false,
         last_error = $3
       WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
      [ids, dueAt, error],
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
   * Records accepted messages as `sent`, in one statement. The address is not kept for a contact erased
   * meanwhile (an erasure may commit between the SMTP call and this record): it must not come back.
   */
  async finishSent(
    rows: { id: string; toEmail: string; messageId: string; replyToken: string | undefined }[],
    at: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    await queryPrepared(
      this.db,
      `UPDATE send_ledger l SET status = 'sent', finished_at = $5, sent_at = $5, waiting_for_pressure = false,
         to_email = CASE WHEN EXISTS (SELECT 1 FROM contact_privacy p
                                      WHERE p.contact_id = l.contact_id AND p.erased_at IS NOT NULL)
                         THEN NULL ELSE v.to_email END,
         message_id = v.message_id, reply_token = coalesce(v.reply_token, l.reply_token)
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, to_email, message_id, reply_token)
       WHERE l.id = v.id`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.toEmail),
        rows.map((row) => row.messageId),
        rows.map((row) => row.replyToken ?? null),
        at,
      ],
    );
  }

  /**
   * Locks the enrolments (`FOR UPDATE`, as every exit does; in id order, so two batches cannot deadlock)
   * and reads everything the send-time checks need in the same query: campaign, contact, region, the
   * region's WSP and the sender. Keyed by enrolment id.
   */
  async lockSendStates(enrolmentIds: string[]): Promise<Map<string, SendState>> {
    const rows = await queryPrepared<SendState & { enrolment_id: string }>(
      this.db,
      `SELECT e.id AS enrolment_id, e.status AS enrolment_status, e.current_step, e.employer_id,
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
       WHERE e.id = ANY($1::uuid[])
       ORDER BY e.id
       FOR UPDATE OF e`,
      [enrolmentIds],
    );
    return new Map(rows.map((row) => [row.enrolment_id, row]));
  }

  /**
   * Serialises the sends to these contacts until the transaction ends (contact pressure): a transaction
   * lock on each contact's id, taken in one order so two batches cannot deadlock, so two campaigns
   * cannot both see "nothing sent yet" and both send. Advisory locks, not row locks: they cannot
   * deadlock with writers of the contact rows.
   */
  async lockContactSends(contactIds: string[]): Promise<void> {
    if (contactIds.length === 0) return;
    await queryPrepared(
      this.db,
      `SELECT pg_advisory_xact_lock(hashtextextended('contact-send:' || id::text, 0))
       FROM (SELECT DISTINCT id FROM unnest($1::uuid[]) AS ids(id) ORDER BY id) ordered`,
      [contactIds],
    );
  }

  /**
   * Per contact, the latest e-mail a campaign other than the given one sent it since `since`, if any
   * (contact pressure). An `unknown` outcome counts (the contact may have it), and so does one being sent
   * right now. Keyed by contact id; contacts without such a mail are absent.
   */
  async lastOtherCampaignMails(
    checks: { contactId: string; campaignId: string; since: Date }[],
  ): Promise<Map<string, Date>> {
    if (checks.length === 0) return new Map();
    const rows = await queryPrepared<{ contact_id: string; at: Date }>(
      this.db,
      `SELECT v.contact_id, max(coalesce(l.sent_at, l.finished_at, l.sending_at)) AS at
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS v(contact_id, campaign_id, since)
       JOIN send_ledger l ON l.contact_id = v.contact_id AND l.campaign_id <> v.campaign_id
       WHERE (l.status IN ('sent', 'unknown') OR (l.status = 'sending' AND l.sending_at > v.since))
         AND coalesce(l.sent_at, l.finished_at, l.sending_at) > v.since
       GROUP BY v.contact_id`,
      [checks.map((c) => c.contactId), checks.map((c) => c.campaignId), checks.map((c) => c.since)],
    );
    return new Map(rows.map((row) => [row.contact_id, row.at]));
  }

  /**
   * Rows left in `sending` since before `claimedBefore`: their worker died mid-send, and BullMQ may have
   * given up on the job (a job that stalled twice fails). Their jobs are added again, to settle them.
   */
  async staleSending(claimedBefore: Date, limit: number): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT id FROM send_ledger WHERE status = 'sending' AND sending_at < $1 ORDER BY sending_at LIMIT $2`,
      [claimedBefore, limit],
    );
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
