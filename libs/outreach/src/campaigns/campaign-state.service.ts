import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { EnrolmentExits } from '../enrolments/enrolment-exits.service';
import { CampaignAction, campaignTransition } from './campaign-state';
import { CampaignViews } from './campaign-views';
import { CampaignRepository, StatusStamp } from './campaign.repository';
import { CAMPAIGN_AUDIT_ENTITY, CampaignResponse } from './campaign.types';

/** The actions a user takes on a campaign's state; the status row is locked, so two actions serialise. */
export type CampaignUserAction = Extract<CampaignAction, 'pause' | 'resume' | 'cancel'>;

const STAMPS: Partial<Record<CampaignAction, StatusStamp>> = { cancel: 'cancelled_at' };

@Injectable()
export class CampaignStateService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly views: CampaignViews,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly exits: EnrolmentExits,
  ) {}

  /** 200 with the campaign, or 409 naming the states the action is allowed from. */
  async apply(principal: Principal, id: string, action: CampaignUserAction): Promise<CampaignResponse> {
    const campaignId = assertUuid(id);
    return this.transactions.run(async () => {
      // Enrolments before the campaign row, the order every send and exit uses (no cancel-vs-exit deadlock).
      if (action === 'cancel') await this.exits.lockCampaignEnrolments(campaignId);
      const campaign = await this.campaigns.findById(campaignId, RegionScope.of(principal).sqlRegionIds, true);
      if (!campaign) throw DomainError.notFound('campaign');
      const transition = campaignTransition(campaign.status, action);
      if (!transition.ok) throw DomainError.conflict('campaign.invalid_state', transition.reason, 'status');
      const updated = await this.campaigns.setStatus(campaignId, transition.to, this.clock.now(), STAMPS[action]);
      // Cancelling ends every active enrolment of the campaign in the same transaction.
      if (action === 'cancel') await this.exits.exitCampaign(campaignId, 'cancelled');
      await this.audit.record({
        by: principal.id,
        action,
        entity: CAMPAIGN_AUDIT_ENTITY,
        entityId: campaignId,
        regionId: campaign.regionId,
        before: { status: campaign.status },
        after: { status: updated.status },
      });
      return this.views.one(updated);
    });
  }
}
