import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { PIPELINE_STAGES } from './report.types';
import { IN_SCOPE, pipelineArray } from './report-sql';

const PIPELINE = pipelineArray(PIPELINE_STAGES);

export interface CampaignHeadRow {
  id: string;
  name: string;
  region_id: string;
  status: string;
  exit_stage: string;
  audience: number;
  skipped_no_email: number;
  skipped_no_basis: number;
  skipped_suppressed: number;
  skipped_restricted: number;
  skipped_overlap: number;
  enrolled: number;
  exited: Record<string, number>;
  employers_mailed: number;
  converted: number;
}

export interface CampaignStepRow {
  step: number;
  template_id: string | null;
  template_version: number | null;
  sent: number;
  bounced: number;
  blocked: number;
  replied: number;
  unsubscribed: number;
}

/**
 * Campaign results (docs/metrics.md "Campaign results"): plain SQL over the outreach tables, the same
 * definitions as `GET /api/campaigns/:id` (libs/outreach campaign-figures.repository.ts). $1 = scope.
 */
@Injectable()
export class CampaignReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The campaign's totals, or undefined when it does not exist or lies outside the scope. */
  async head(regionIds: string[] | null, campaignId: string): Promise<CampaignHeadRow | undefined> {
    const rows: CampaignHeadRow[] = await managerFor(this.dataSource).query(
      `WITH c AS (SELECT * FROM campaigns WHERE id = $2 AND ${IN_SCOPE()}),
            f AS (SELECT e.employer_id, min(l.sent_at) AS first_at
                  FROM send_ledger l JOIN enrolments e ON e.id = l.enrolment_id
                  WHERE l.campaign_id = $2 AND l.status = 'sent' GROUP BY e.employer_id)
       SELECT c.id, c.name, c.region_id, c.status, c.exit_stage, c.audience, c.skipped_no_email, c.skipped_no_basis,
              c.skipped_suppressed, c.skipped_restricted, c.skipped_overlap,
              (SELECT count(*)::int FROM enrolments e WHERE e.campaign_id = c.id) AS enrolled,
              (SELECT coalesce(jsonb_object_agg(x.exit_reason, x.n), '{}'::jsonb)
               FROM (SELECT e.exit_reason, count(*)::int AS n FROM enrolments e
                     WHERE e.campaign_id = c.id AND e.status = 'exited' AND e.exit_reason IS NOT NULL
                     GROUP BY e.exit_reason) x) AS exited,
              (SELECT count(*)::int FROM f) AS employers_mailed,
              -- converted: reached the exit stage (or later) within 30 days of the employer's first e-mail of the campaign
              (SELECT count(*)::int FROM f WHERE EXISTS (
                 SELECT 1 FROM stage_changes sc
                 WHERE sc.employer_id = f.employer_id AND sc.at >= f.first_at AND sc.at <= f.first_at + interval '30 days'
                   AND array_position(${PIPELINE}, sc.to_stage) >= array_position(${PIPELINE}, c.exit_stage))) AS converted
       FROM c`,
      [regionIds, campaignId],
    );
    return rows[0];
  }

  /**
   * One row per e-mail step of the campaign's `steps`, in order. `replied` = the step's ledger rows with
   * at least one inbound reply; `unsubscribed` = enrolments exited `unsubscribed` whose last sent message
   * was this step.
   */
  async steps(campaignId: string): Promise<CampaignStepRow[]> {
    return managerFor(this.dataSource).query(
      `WITH s AS (SELECT (t.ord - 1)::int AS step, t.s->>'templateId' AS template_id,
                         (t.s->>'templateVersion')::int AS template_version
                  FROM campaigns c, jsonb_array_elements(c.steps) WITH ORDINALITY AS t(s, ord)
                  WHERE c.id = $1 AND t.s->>'type' = 'email'),
            l AS (SELECT l.step_index,
                         count(*) FILTER (WHERE l.status = 'sent')::int AS sent,
                         count(*) FILTER (WHERE l.status = 'bounced')::int AS bounced,
                         count(*) FILTER (WHERE l.status = 'blocked')::int AS blocked,
                         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inbound_messages m
                                                        WHERE m.ledger_id = l.id AND m.kind = 'reply'))::int AS replied
                  FROM send_ledger l WHERE l.campaign_id = $1 GROUP BY l.step_index),
            u AS (SELECT last.step_index, count(*)::int AS unsubscribed
                  FROM enrolments e
                  CROSS JOIN LATERAL (SELECT x.step_index FROM send_ledger x
                                      WHERE x.enrolment_id = e.id AND x.status = 'sent'
                                      ORDER BY x.step_index DESC LIMIT 1) last
                  WHERE e.campaign_id = $1 AND e.exit_reason = 'unsubscribed'
                  GROUP BY last.step_index)
       SELECT s.step, s.template_id, s.template_version,
              coalesce(l.sent, 0) AS sent, coalesce(l.bounced, 0) AS bounced, coalesce(l.blocked, 0) AS blocked,
              coalesce(l.replied, 0) AS replied, coalesce(u.unsubscribed, 0) AS unsubscribed
       FROM s LEFT JOIN l ON l.step_index = s.step LEFT JOIN u ON u.step_index = s.step
       ORDER BY s.step`,
      [campaignId],
    );
  }
}
