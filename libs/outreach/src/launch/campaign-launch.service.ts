import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { campaignTransition } from '../campaigns/campaign-state';
import { CampaignViews } from '../campaigns/campaign-views';
import { CampaignRepository } from '../campaigns/campaign.repository';
import { CAMPAIGN_AUDIT_ENTITY, CampaignResponse } from '../campaigns/campaign.types';
import { LaunchQueue } from './launch-queue';
import { LaunchStarter } from './launch-starter';

/**
 * `POST /api/campaigns/:id/launch`: from `draft` or `scheduled` only (409 otherwise, so launching
 * twice launches once). A `launchAt` in the future schedules the campaign; otherwise it moves to
 * `launching` at once. Either way the `campaign-launch` job does the enrolling, after the commit.
 */
@Injectable()
export class CampaignLaunchService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly starter: LaunchStarter,
    private readonly queue: LaunchQueue,
    private readonly views: CampaignViews,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async launch(principal: Principal, id: string): Promise<CampaignResponse> {
    const campaignId = assertUuid(id);
    return this.transactions.run(async () => {
      const campaign = await this.campaigns.findById(campaignId, RegionScope.of(principal).sqlRegionIds, true);
      if (!campaign) throw DomainError.notFound('campaign');
      const transition = campaignTransition(campaign.status, 'launch');
      if (!transition.ok) throw DomainError.conflict('campaign.invalid_state', transition.reason, 'status');
      const now = this.clock.now();
      const later = campaign.launchAt !== null && campaign.launchAt > now;
      if (later) {
        await this.starter.check(campaign);
        await this.campaigns.setStatus(campaignId, 'scheduled', now);
      } else {
        await this.starter.begin(campaign, now);
      }
      const updated = (await this.campaigns.findById(campaignId, null))!;
      await this.audit.record({
        by: principal.id,
        action: later ? 'schedule' : 'launch',
        entity: CAMPAIGN_AUDIT_ENTITY,
        entityId: campaignId,
        regionId: campaign.regionId,
        before: { status: campaign.status },
        after: { status: updated.status, launchAt: updated.launchAt?.toISOString() ?? null },
      });
      await this.transactions.afterCommit(() => this.queue.ensure(campaignId, later ? campaign.launchAt : null));
      return this.views.one(updated);
    });
  }
}
