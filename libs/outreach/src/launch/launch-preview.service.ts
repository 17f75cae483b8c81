import { Injectable } from '@nestjs/common';
import { assertUuid, Clock, DomainError } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { SendCalendar } from '../calendar/send-calendar';
import { isEditable } from '../campaigns/campaign-state';
import { CampaignRepository } from '../campaigns/campaign.repository';
import { compileSegmentFilter } from '../segments/segment-filter.compiler';
import { LaunchPreviewRepository } from './launch-preview.repository';
import { LaunchRepository } from './launch.repository';
import { CampaignLaunchPreview } from './launch.types';

/**
 * `GET /api/campaigns/:id/preview` (before launch): what the launch would do now — the same skip
 * rules as the launch, in one aggregate query — and when its first e-mail would go out.
 */
@Injectable()
export class LaunchPreviewService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly launches: LaunchRepository,
    private readonly previews: LaunchPreviewRepository,
    private readonly clock: Clock,
  ) {}

  async preview(principal: Principal, id: string): Promise<CampaignLaunchPreview> {
    const campaign = await this.campaigns.findById(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!campaign) throw DomainError.notFound('campaign');
    if (!isEditable(campaign.status)) {
      throw DomainError.conflict(
        'campaign.launched',
        `a ${campaign.status} campaign has no preview; its progress shows what the launch did`,
        'status',
      );
    }
    const source = await this.launches.segmentSource(campaign.segmentId);
    if (!source) {
      throw DomainError.conflict('campaign.no_segment', 'the campaign has no segment; choose one first', 'segmentId');
    }
    const figures = await this.previews.figures({
      campaignId: campaign.id,
      regionId: campaign.regionId,
      contactScope: campaign.contactScope,
      filter: compileSegmentFilter(source.filter),
      suppressions: await this.launches.hasSuppressions(),
    });
    const now = this.clock.now();
    const start = campaign.launchAt !== null && campaign.launchAt > now ? campaign.launchAt : now;
    const calendar = new SendCalendar(await this.launches.closingDays(campaign.regionId));
    const firstSendAt = figures.wouldEnrol > 0 ? calendar.nextSendTime(start, campaign.sendWindow).toISOString() : null;
    return { ...figures, firstSendAt };
  }
}
