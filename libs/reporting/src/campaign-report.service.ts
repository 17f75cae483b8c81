import { Injectable } from '@nestjs/common';
import { assertUuid, DomainError } from '@app/core';
import { RegionScope } from '@app/auth';
import type { Principal } from '@app/auth';
import { CampaignReportRepository } from './campaign-report.repository';
import { CAMPAIGN_EXIT_REASONS, CampaignReport } from './report.types';
import { ratio } from './reports.service';

/** `GET /api/reports/campaigns/:id` (docs/metrics.md "Campaign results"). */
@Injectable()
export class CampaignReportService {
  constructor(private readonly rows: CampaignReportRepository) {}

  async report(principal: Principal, rawId: string): Promise<CampaignReport> {
    const campaignId = assertUuid(rawId, 'id');
    const head = await this.rows.head(RegionScope.of(principal).sqlRegionIds, campaignId);
    if (!head) throw DomainError.notFound('campaign');
    const steps = await this.rows.steps(campaignId);
    const exited = Object.fromEntries(CAMPAIGN_EXIT_REASONS.map((r) => [r, head.exited[r] ?? 0]));
    const attempted = (s: { sent: number; bounced: number; blocked: number }) => s.sent + s.bounced + s.blocked;
    return {
      campaignId: head.id,
      name: head.name,
      regionId: head.region_id,
      status: head.status,
      exitStage: head.exit_stage,
      steps: steps.map((s) => ({
        step: s.step,
        templateId: s.template_id,
        templateVersion: s.template_version,
        sent: s.sent,
        bounced: s.bounced,
        blocked: s.blocked,
        replied: s.replied,
        unsubscribed: s.unsubscribed,
        bounceRate: ratio(s.bounced, attempted(s)),
        blockRate: ratio(s.blocked, attempted(s)),
        replyRate: ratio(s.replied, s.sent),
        unsubscribeRate: ratio(s.unsubscribed, s.sent),
      })),
      audience: head.audience,
      enrolled: head.enrolled,
      skipped: {
        noEmail: head.skipped_no_email,
        noBasis: head.skipped_no_basis,
        suppressed: head.skipped_suppressed,
        restricted: head.skipped_restricted,
        overlap: head.skipped_overlap,
      },
      exited: {
        ...(exited as CampaignReport['exited']),
        total: Object.values(head.exited).reduce((sum, n) => sum + n, 0),
      },
      employersMailed: head.employers_mailed,
      converted: head.converted,
      conversionRate: ratio(head.converted, head.employers_mailed),
    };
  }
}
