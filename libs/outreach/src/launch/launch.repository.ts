import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import type { SendWindow } from '../calendar/send-window';
import type { CampaignStep, ContactScope } from '../campaigns/campaign.types';
import { SkipCounts } from './launch.types';

/** What a launching campaign's batch needs, read under the campaign row's lock. */
export interface LaunchingCampaign {
  regionId: string;
  contactScope: ContactScope;
  sendWindow: SendWindow | null;
  /** The last employer id already enrolled and counted; null before the first batch. */
  cursor: string | null;
}

/** The launch's reads and writes on campaigns, segments, templates and the region's organisations. */
@Injectable()
export class LaunchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async segmentSource(segmentId: string | null): Promise<{ regionId: string; filter: unknown } | null> {
    if (segmentId === null) return null;
    const rows: { region_id: string; filter: unknown }[] = await managerFor(this.dataSource).query(
      `SELECT region_id, filter FROM segments WHERE id = $1`,
      [segmentId],
    );
    return rows.length === 0 ? null : { regionId: rows[0].region_id, filter: rows[0].filter };
  }

  async hasWsp(regionId: string): Promise<boolean> {
    const rows: unknown[] = await managerFor(this.dataSource).query(
      `SELECT 1 FROM organisations WHERE region_id = $1 AND kind = 'wsp' LIMIT 1`,
      [regionId],
    );
    return rows.length > 0;
  }

  /** The current version of each template a campaign of the region may send (national or the region's own). */
  async currentVersions(templateIds: string[], regionId: string): Promise<Map<string, number>> {
    if (templateIds.length === 0) return new Map();
    const rows: { id: string; current_version: number }[] = await managerFor(this.dataSource).query(
      `SELECT id, current_version FROM templates WHERE id = ANY($1::uuid[]) AND (region_id IS NULL OR region_id = $2)`,
      [templateIds, regionId],
    );
    return new Map(rows.map((row) => [row.id, row.current_version]));
  }

  async closingDays(regionId: string): Promise<string[]> {
    const rows: { closing_days: string[] }[] = await managerFor(this.dataSource).query(
      `SELECT closing_days::text[] AS closing_days FROM regions WHERE id = $1`,
      [regionId],
    );
    return rows[0]?.closing_days ?? [];
  }

  /** draft/scheduled → launching with the pinned steps and fresh counters; false when it was neither. */
  async begin(campaignId: string, steps: CampaignStep[], at: Date): Promise<boolean> {
    const rows: unknown[] = await managerFor(this.dataSource).query(
      `WITH updated AS (UPDATE campaigns SET status = 'launching', steps = $2::jsonb, updated_at = $3, launch_cursor = NULL,
         audience = 0, skipped_no_email = 0, skipped_no_basis = 0, skipped_suppressed = 0,
         skipped_restricted = 0, skipped_overlap = 0
       WHERE id = $1 AND status IN ('draft', 'scheduled') RETURNING id) SELECT id FROM updated`,
      [campaignId, JSON.stringify(steps), at],
    );
    return rows.length > 0;
  }

  /** Locks a launching campaign's row for one batch; null when it is no longer launching (e.g. cancelled). */
  async lockLaunching(campaignId: string): Promise<LaunchingCampaign | null> {
    const rows: {
      region_id: string;
      contact_scope: ContactScope;
      send_window: SendWindow | null;
      launch_cursor: string | null;
    }[] = await managerFor(this.dataSource).query(
      `SELECT region_id, contact_scope, send_window, launch_cursor FROM campaigns
       WHERE id = $1 AND status = 'launching' FOR UPDATE`,
      [campaignId],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      regionId: row.region_id,
      contactScope: row.contact_scope,
      sendWindow: row.send_window,
      cursor: row.launch_cursor,
    };
  }

  /** Moves the checkpoint past a batch and adds its figures, in the batch's transaction. */
  async advance(campaignId: string, cursor: string, audience: number, skipped: SkipCounts, at: Date): Promise<void> {
    await managerFor(this.dataSource).query(
      `UPDATE campaigns SET launch_cursor = $2, audience = audience + $3, skipped_no_email = skipped_no_email + $4,
         skipped_no_basis = skipped_no_basis + $5, skipped_suppressed = skipped_suppressed + $6,
         skipped_restricted = skipped_restricted + $7, skipped_overlap = skipped_overlap + $8, updated_at = $9
       WHERE id = $1`,
      [
        campaignId,
        cursor,
        audience,
        skipped.noEmail,
        skipped.noBasis,
        skipped.suppressed,
        skipped.restricted,
        skipped.overlap,
        at,
      ],
    );
  }

  /** launching → running, or → completed when nobody was enrolled. */
  async finish(campaignId: string, at: Date): Promise<string | null> {
    const rows: { status: string }[] = await managerFor(this.dataSource).query(
      `WITH updated AS (UPDATE campaigns c SET
         status = CASE WHEN EXISTS (SELECT 1 FROM enrolments e WHERE e.campaign_id = c.id AND e.status = 'active')
                       THEN 'running' ELSE 'completed' END,
         launched_at = $2::timestamptz, updated_at = $2::timestamptz,
         completed_at = CASE WHEN EXISTS (SELECT 1 FROM enrolments e WHERE e.campaign_id = c.id AND e.status = 'active')
                             THEN NULL ELSE $2::timestamptz END
       WHERE c.id = $1 AND c.status = 'launching' RETURNING c.status) SELECT status FROM updated`,
      [campaignId, at],
    );
    return rows[0]?.status ?? null;
  }

  /** Campaigns whose launch is pending: the recovery makes sure each has its job. */
  async pending(): Promise<{ id: string; status: 'scheduled' | 'launching'; launchAt: Date | null }[]> {
    const rows: { id: string; status: 'scheduled' | 'launching'; launch_at: Date | null }[] = await managerFor(
      this.dataSource,
    ).query(`SELECT id, status, launch_at FROM campaigns WHERE status IN ('scheduled', 'launching') ORDER BY id`);
    return rows.map((row) => ({ id: row.id, status: row.status, launchAt: row.launch_at }));
  }

  /** Whether delivery's `suppressions` table exists yet. */
  async hasSuppressions(): Promise<boolean> {
    const [row]: { exists: boolean }[] = await managerFor(this.dataSource).query(
      `SELECT to_regclass('suppressions') IS NOT NULL AS exists`,
    );
    return row.exists;
  }
}
