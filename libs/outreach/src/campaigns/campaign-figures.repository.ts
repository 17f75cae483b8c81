import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { CampaignProgress, CampaignStats } from './campaign.types';

export interface CampaignFigures {
  progress: CampaignProgress;
  stats: CampaignStats;
}

interface CounterRow {
  id: string;
  audience: number;
  skipped_no_email: number;
  skipped_no_basis: number;
  skipped_suppressed: number;
  skipped_restricted: number;
  skipped_overlap: number;
  enrolled: number;
  // Delivery (send ledger and exits):
  sent: number;
  bounced: number;
  blocked: number;
  failed: number;
  unknown: number;
  waiting_for_pressure: number;
  exited: number;
  unsubscribed: number;
  replied: number;
  converted: number;
}

/** The pipeline in order, to compare a stage with the campaign's exit stage in SQL. */
const STAGE_ORDER = `ARRAY['prospect','contacted','interested','sw_pilot','own_trajectory','structural','ambassador']`;

/**
 * The figures of `GET /api/campaigns/:id`. `audience` and `skipped` are the launch's counters on the
 * campaign row; `enrolled` counts the campaign's enrolments (every status). `stats` and
 * `waitingForPressure` come from the send ledger and the enrolments' exits (one statement).
 */
@Injectable()
export class CampaignFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(campaignIds: string[]): Promise<Map<string, CampaignFigures>> {
    if (campaignIds.length === 0) return new Map();
    const rows: CounterRow[] = await managerFor(this.dataSource).query(
      `SELECT id, audience, skipped_no_email, skipped_no_basis, skipped_suppressed, skipped_restricted, skipped_overlap,
              (SELECT count(*)::int FROM enrolments e WHERE e.campaign_id = campaigns.id) AS enrolled,
              s.sent, s.bounced, s.blocked, s.failed, s.unknown, s.waiting_for_pressure,
              x.exited, x.unsubscribed, x.replied, v.converted
       FROM campaigns
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE l.status = 'sent')::int AS sent,
                count(*) FILTER (WHERE l.status = 'bounced')::int AS bounced,
                count(*) FILTER (WHERE l.status = 'blocked')::int AS blocked,
                count(*) FILTER (WHERE l.status = 'failed')::int AS failed,
                count(*) FILTER (WHERE l.status = 'unknown')::int AS unknown,
                count(*) FILTER (WHERE l.status = 'queued' AND l.waiting_for_pressure)::int AS waiting_for_pressure
         FROM send_ledger l WHERE l.campaign_id = campaigns.id) s
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE e.status = 'exited')::int AS exited,
                count(*) FILTER (WHERE e.exit_reason = 'unsubscribed')::int AS unsubscribed,
                count(*) FILTER (WHERE e.exit_reason = 'replied')::int AS replied
         FROM enrolments e WHERE e.campaign_id = campaigns.id) x
       -- converted: employers that reached the exit stage (or later) within 30 days of their first e-mail of the campaign
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS converted
         FROM (SELECT e.employer_id, min(l.sent_at) AS first_at
               FROM send_ledger l JOIN enrolments e ON e.id = l.enrolment_id
               WHERE l.campaign_id = campaigns.id AND l.status = 'sent' GROUP BY e.employer_id) f
         WHERE EXISTS (
           SELECT 1 FROM stage_changes sc
           WHERE sc.employer_id = f.employer_id AND sc.at >= f.first_at AND sc.at <= f.first_at + interval '30 days'
             AND array_position(${STAGE_ORDER}, sc.to_stage) >= array_position(${STAGE_ORDER}, campaigns.exit_stage))) v
       WHERE campaigns.id = ANY($1::uuid[])`,
      [campaignIds],
    );
    return new Map(rows.map((row) => [row.id, toFigures(row)]));
  }
}

function toFigures(row: CounterRow): CampaignFigures {
  return {
    progress: {
      audience: row.audience,
      enrolled: row.enrolled,
      skipped: {
        noEmail: row.skipped_no_email,
        noBasis: row.skipped_no_basis,
        suppressed: row.skipped_suppressed,
        restricted: row.skipped_restricted,
        overlap: row.skipped_overlap,
      },
      waitingForPressure: row.waiting_for_pressure,
    },
    stats: {
      sent: row.sent,
      bounced: row.bounced,
      blocked: row.blocked,
      replied: row.replied,
      unsubscribed: row.unsubscribed,
      exited: row.exited,
      converted: row.converted,
      failed: row.failed,
      unknown: row.unknown,
    },
  };
}
