import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { PIPELINE_STAGES, SIDE_STAGES } from '@app/crm';
import { ExitReason } from './enrolment.types';

/** Which active enrolments an exit concerns; every given field narrows it. */
export interface ExitTarget {
  contactId?: string;
  employerId?: string;
  campaignId?: string;
  regionId?: string;
}

/** A side stage ends enrolments with its own name as the reason: this fails to compile once that stops being true. */
const SIDE_STAGE_REASONS: readonly ExitReason[] = SIDE_STAGES;

/** An employer's new stage, as the stage listener passes it on. */
export interface EmployerAtStage {
  employerId: string;
  stage: string;
}

/**
 * Exits of enrolments. Rows are locked (`FOR UPDATE`, in id order) before they change, so an exit
 * and a send of the same enrolment serialise (outreach-wave2 contract). Joins the running transaction.
 */
@Injectable()
export class EnrolmentExitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks the matching active enrolments and exits them; returns the campaigns they belonged to. */
  async exitActive(target: ExitTarget, reason: ExitReason, at: Date): Promise<string[]> {
    const params: unknown[] = [];
    const conditions = [`e.status = 'active'`];
    const add = (sql: string, value: unknown) => conditions.push(sql.replace('?', `$${params.push(value)}`));
    if (target.contactId) add('e.contact_id = ?', target.contactId);
    if (target.employerId) add('e.employer_id = ?', target.employerId);
    if (target.campaignId) add('e.campaign_id = ?', target.campaignId);
    if (target.regionId) add('e.region_id = ?', target.regionId);
    const manager = managerFor(this.dataSource);
    const locked: { id: string }[] = await manager.query(
      `SELECT e.id FROM enrolments e WHERE ${conditions.join(' AND ')} ORDER BY e.id FOR UPDATE OF e`,
      params,
    );
    return this.exitLocked(
      locked.map((row) => ({ id: row.id, reason })),
      at,
    );
  }

  /**
   * The active enrolments that employers' new stages end, locked in id order and exited in one statement: at a
   * side stage every one of the employer's, with that stage as the reason; at a pipeline stage those in campaigns
   * whose `exit_stage` it reached or passed (`stage_reached`). Each employer at most once (an employer twice would
   * give its enrolments two reasons, one picked at random): EnrolmentExits.exitAtStages cuts its chunks so.
   * Returns the campaigns.
   */
  async exitAtStages(changes: readonly EmployerAtStage[], at: Date): Promise<string[]> {
    if (changes.length === 0) return [];
    const manager = managerFor(this.dataSource);
    const locked: { id: string; reason: ExitReason }[] = await manager.query(
      `SELECT e.id, CASE WHEN v.stage = ANY($3::text[]) THEN v.stage ELSE 'stage_reached' END AS reason
       FROM unnest($1::uuid[], $2::text[]) AS v(employer_id, stage)
       JOIN enrolments e ON e.employer_id = v.employer_id AND e.status = 'active'
       JOIN campaigns c ON c.id = e.campaign_id
       WHERE v.stage = ANY($3::text[])
          OR array_position($4::text[], c.exit_stage) <= array_position($4::text[], v.stage)
       ORDER BY e.id
       FOR UPDATE OF e`,
      [
        changes.map((change) => change.employerId),
        changes.map((change) => change.stage),
        SIDE_STAGE_REASONS,
        PIPELINE_STAGES,
      ],
    );
    return this.exitLocked(locked, at);
  }

  /** Exits enrolments this transaction has locked, each with its reason; returns the campaigns they belonged to. */
  private async exitLocked(locked: { id: string; reason: ExitReason }[], at: Date): Promise<string[]> {
    if (locked.length === 0) return [];
    // Re-checked under the lock: another exit may have committed while we waited.
    const rows: { campaign_id: string }[] = await managerFor(this.dataSource).query(
      `WITH updated AS (UPDATE enrolments e SET status = 'exited', exit_reason = v.reason, exited_at = $3, updated_at = $3,
                                              next_step_at = NULL
       FROM unnest($1::uuid[], $2::text[]) AS v(id, reason)
       WHERE e.id = v.id AND e.status = 'active' RETURNING e.campaign_id) SELECT campaign_id FROM updated`,
      [locked.map((row) => row.id), locked.map((row) => row.reason), at],
    );
    return [...new Set(rows.map((row) => row.campaign_id))];
  }

  /**
   * Locks a campaign's active enrolments (id order) without changing them. Cancelling takes these
   * before the campaign row: every other writer (sends, exits, the dispatcher) locks enrolments first
   * and the campaign second, so the same order keeps cancel and exit from deadlocking.
   */
  async lockActiveOfCampaign(campaignId: string): Promise<void> {
    await managerFor(this.dataSource).query(
      `SELECT id FROM enrolments WHERE campaign_id = $1 AND status = 'active' ORDER BY id FOR UPDATE`,
      [campaignId],
    );
  }

  /**
   * Completes the running or paused campaigns among `campaignIds` that have no active enrolment left.
   * The campaign rows are locked first, so of two exits emptying one campaign the later one sees the
   * earlier one's commit and completes it. Returns the completed ids.
   */
  async completeDrained(campaignIds: string[], at: Date): Promise<string[]> {
    if (campaignIds.length === 0) return [];
    const manager = managerFor(this.dataSource);
    const locked: { id: string }[] = await manager.query(
      `SELECT id FROM campaigns WHERE id = ANY($1::uuid[]) AND status IN ('running', 'paused') ORDER BY id FOR UPDATE`,
      [campaignIds],
    );
    if (locked.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `WITH updated AS (UPDATE campaigns c SET status = 'completed', completed_at = $2, updated_at = $2
       WHERE c.id = ANY($1::uuid[]) AND c.status IN ('running', 'paused')
         AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.campaign_id = c.id AND e.status = 'active')
       RETURNING c.id) SELECT id FROM updated`,
      [locked.map((row) => row.id), at],
    );
    return rows.map((row) => row.id);
  }
}
