import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { InboundResult, InboundRow, LedgerContext, NewInboundMessage } from './inbound.types';

/** A reply that was handled and matched (`ledger_id` set) but whose forward to the sender has not gone out. */
const UNFORWARDED = `(kind = 'reply' AND processed_at IS NOT NULL AND ledger_id IS NOT NULL AND forwarded_at IS NULL)`;

/** Received mail, and the few reads and writes its handling needs on the ledger and the timeline. */
@Injectable()
export class InboundMessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db() {
    return managerFor(this.dataSource);
  }

  async insert(message: NewInboundMessage): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO inbound_messages (ledger_id, kind, envelope_from, envelope_to, from_address, subject, message_id,
         in_reply_to, raw, received_at, result)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) RETURNING id`,
      [
        message.ledgerId,
        message.kind,
        message.envelopeFrom,
        message.envelopeTo,
        message.fromAddress,
        message.subject,
        message.messageId,
        message.inReplyTo,
        message.raw,
        message.receivedAt,
        JSON.stringify({ references: message.references }),
      ],
    );
    return row.id;
  }

  /** Locked until commit, so a second run of the same job waits and then sees `processed_at`. */
  async lock(id: string): Promise<(InboundRow & { references: string[] }) | null> {
    const rows: (InboundRow & { references: string[] | null })[] = await this.db.query(
      `SELECT id, ledger_id, kind, envelope_from, from_address, subject, message_id, in_reply_to, raw, processed_at,
              ARRAY(SELECT jsonb_array_elements_text(coalesce(result->'references', '[]'::jsonb))) AS references
       FROM inbound_messages WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? { ...rows[0], references: rows[0].references ?? [] } : null;
  }

  async markProcessed(id: string, match: LedgerContext | null, result: InboundResult, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE inbound_messages SET processed_at = $2, result = coalesce(result, '{}'::jsonb) || $3::jsonb,
         ledger_id = $4, campaign_id = $5, contact_id = $6, employer_id = $7
       WHERE id = $1`,
      [
        id,
        at,
        JSON.stringify(result),
        match?.ledger_id ?? null,
        match?.campaign_id ?? null,
        match?.contact_id ?? null,
        match?.employer_id ?? null,
      ],
    );
  }

  /**
   * A handled, matched reply not forwarded yet, locked until commit (a second worker then no longer
   * finds it); null when there is nothing to forward.
   */
  async lockUnforwarded(id: string): Promise<InboundRow | null> {
    const rows: InboundRow[] = await this.db.query(
      `SELECT id, ledger_id, kind, envelope_from, from_address, subject, message_id, in_reply_to, raw, processed_at
       FROM inbound_messages
       WHERE id = $1 AND ${UNFORWARDED}
       FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markForwarded(id: string, to: string | null, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE inbound_messages SET forwarded_at = $2,
         result = coalesce(result, '{}'::jsonb) || jsonb_build_object('forwardedTo', $3::text)
       WHERE id = $1`,
      [id, at, to],
    );
  }

  /** Ids of messages not processed yet, or replies not forwarded yet (a job lost with Redis), oldest first. */
  async unprocessed(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM inbound_messages WHERE processed_at IS NULL OR ${UNFORWARDED} ORDER BY received_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** The ledger row whose `Message-ID` one of `messageIds` names (In-Reply-To / References). */
  async ledgerIdByMessageIds(messageIds: string[]): Promise<string | null> {
    if (messageIds.length === 0) return null;
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM send_ledger WHERE message_id = ANY($1::text[]) ORDER BY sent_at DESC NULLS LAST LIMIT 1`,
      [messageIds],
    );
    return rows[0]?.id ?? null;
  }

  async ledgerContext(ledgerId: string): Promise<LedgerContext | null> {
    const rows: LedgerContext[] = await this.db.query(
      `SELECT l.id AS ledger_id, l.status AS ledger_status, l.to_email, c.id AS campaign_id, c.name AS campaign_name,
              c.sender_id, u.email AS sender_email, u.name AS sender_name, k.id AS contact_id,
              trim(concat_ws(' ', k.first_name, k.last_name)) AS contact_name, o.id AS employer_id,
              o.name AS employer_name, o.region_id, o.owner_id, w.email AS wsp_email
       FROM send_ledger l
       JOIN campaigns c ON c.id = l.campaign_id
       JOIN enrolments e ON e.id = l.enrolment_id
       JOIN contacts k ON k.id = l.contact_id
       JOIN organisations o ON o.id = e.employer_id
       LEFT JOIN users u ON u.id = c.sender_id
       LEFT JOIN organisations w ON w.region_id = c.region_id AND w.kind = 'wsp'
       WHERE l.id = $1`,
      [ledgerId],
    );
    return rows[0] ?? null;
  }

  /** An entry on the employer's timeline; `by_user_id` NULL marks it as the system's. */
  async logActivity(values: {
    employerId: string;
    regionId: string;
    type: 'email' | 'note';
    at: Date;
    summary: string;
    contactId: string;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO activities (employer_id, region_id, type, at, summary, contact_id, by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, NULL)`,
      [values.employerId, values.regionId, values.type, values.at, values.summary, values.contactId],
    );
  }

  /** A sent message that bounced or was refused afterwards; only `sent` (or `unknown`) rows change status. */
  async markLedger(ledgerId: string, status: 'bounced' | 'blocked', note: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE send_ledger SET status = $2, last_error = $3, finished_at = coalesce(finished_at, $4)
       WHERE id = $1 AND status IN ('sent', 'unknown')`,
      [ledgerId, status, note, at],
    );
  }

  /** A soft bounce: noted on the row, the status stays. */
  async noteLedger(ledgerId: string, note: string): Promise<void> {
    await this.db.query(`UPDATE send_ledger SET last_error = $2 WHERE id = $1`, [ledgerId, note]);
  }

  /** Hard bounces among the campaign's first `sample` finished messages; the campaign row is locked first. */
  async bouncesInFirst(campaignId: string, sample: number): Promise<number> {
    await this.db.query(`SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE`, [campaignId]);
    const [row]: { bounced: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE status = 'bounced')::int AS bounced FROM (
         SELECT status FROM send_ledger
         WHERE campaign_id = $1 AND status IN ('sent', 'bounced', 'failed', 'unknown') AND finished_at IS NOT NULL
         ORDER BY finished_at, id LIMIT $2) first`,
      [campaignId, sample],
    );
    return row.bounced;
  }
}
