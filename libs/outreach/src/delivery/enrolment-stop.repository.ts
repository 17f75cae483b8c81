import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, queryPrepared } from '@app/core';
import { updatedRows } from './updated-rows';

/** The exit reasons delivery records (api.md "Outreach"). */
export type DeliveryExitReason = 'unsubscribed' | 'bounced' | 'suppressed';

/**
 * Exits the active enrolments of an address when it is suppressed (by hand, bounce or unsubscribe;
 * exits of one contact go through `EnrolmentExits`). Each row is locked first
 * (`FOR UPDATE`), as every writer of an enrolment does, so a send that holds the lock finishes first
 * and a send that comes after sees the exit. Campaigns left without active enrolments complete.
 */
@Injectable()
export class EnrolmentStopRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The active enrolments of contacts with this address, in one region or (null) everywhere. */
  async exitByEmail(email: string, regionId: string | null, reason: DeliveryExitReason, at: Date): Promise<number> {
    return this.exit(
      `SELECT e.id FROM enrolments e JOIN contacts c ON c.id = e.contact_id
       WHERE lower(c.email) = lower($1) AND ($2::uuid IS NULL OR e.region_id = $2) AND e.status = 'active'
       ORDER BY e.id FOR UPDATE OF e`,
      [email, regionId],
      reason,
      at,
    );
  }

  /** A running campaign without active enrolments is completed; returns whether it was. */
  async completeIfDone(campaignId: string, at: Date): Promise<boolean> {
    const rows = await queryPrepared(
      managerFor(this.dataSource),
      `UPDATE campaigns SET status = 'completed', completed_at = $2, updated_at = $2
       WHERE id = $1 AND status = 'running'
         AND NOT EXISTS (SELECT 1 FROM enrolments WHERE campaign_id = $1 AND status = 'active')
       RETURNING id`,
      [campaignId, at],
    );
    return rows.length > 0;
  }

  private async exit(select: string, params: unknown[], reason: DeliveryExitReason, at: Date): Promise<number> {
    const manager = managerFor(this.dataSource);
    const locked: { id: string }[] = await manager.query(select, params);
    if (locked.length === 0) return 0;
    const rows = updatedRows<{ campaign_id: string }>(
      await manager.query(
        `UPDATE enrolments SET status = 'exited', exit_reason = $2, exited_at = $3, next_step_at = NULL, updated_at = $3
       WHERE id = ANY($1::uuid[]) AND status = 'active' RETURNING campaign_id`,
        [locked.map((row) => row.id), reason, at],
      ),
    );
    for (const campaignId of new Set(rows.map((row) => row.campaign_id))) await this.completeIfDone(campaignId, at);
    return rows.length;
  }
}
