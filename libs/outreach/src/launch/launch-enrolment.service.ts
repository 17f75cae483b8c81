import { Injectable, Logger } from '@nestjs/common';
import { Clock, Transactions } from '@app/core';
import { SendCalendar } from '../calendar/send-calendar';
import { SegmentQuery } from '../segments/segment-query.service';
import { LaunchBatchRepository } from './launch-batch.repository';
import { LaunchRepository } from './launch.repository';
import { LAUNCH_BATCH_SIZE } from './launch.types';

export type LaunchOutcome = 'running' | 'completed' | 'stopped' | 'no_segment';

/**
 * Enrols a `launching` campaign's audience: streams the segment's employers in id order, one
 * transaction per batch under the campaign row's lock. Each batch moves the campaign's checkpoint
 * (`launch_cursor`) and adds its figures, so a retried launch resumes after the last committed batch
 * and counts nothing twice. A campaign cancelled mid-launch stops at the next batch.
 */
@Injectable()
export class LaunchEnrolment {
  private readonly logger = new Logger('LaunchEnrolment');

  constructor(
    private readonly launches: LaunchRepository,
    private readonly batches: LaunchBatchRepository,
    private readonly segments: SegmentQuery,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async run(campaignId: string, segmentId: string | null): Promise<LaunchOutcome> {
    const source = await this.launches.segmentSource(segmentId);
    if (!source) return 'no_segment';
    const suppressions = await this.launches.hasSuppressions();
    for await (const ids of this.segments.streamEmployerIds(source, LAUNCH_BATCH_SIZE)) {
      if (!(await this.batch(campaignId, ids, suppressions))) return 'stopped';
    }
    const status = await this.transactions.run(async () => {
      if (!(await this.launches.lockLaunching(campaignId))) return null;
      return this.launches.finish(campaignId, this.clock.now());
    });
    if (status === null) return 'stopped';
    this.logger.log(`Campaign ${campaignId} launched: ${status}`);
    return status as LaunchOutcome;
  }

  /** One batch; false when the campaign is no longer launching. */
  async batch(campaignId: string, employerIds: string[], suppressions: boolean): Promise<boolean> {
    return this.transactions.run(async () => {
      const campaign = await this.launches.lockLaunching(campaignId);
      if (!campaign) return false;
      const cursor = campaign.cursor;
      // Ids come in ascending order; lower-case UUID text sorts as PostgreSQL sorts uuids.
      const fresh = cursor === null ? employerIds : employerIds.filter((id) => id > cursor);
      if (fresh.length === 0) return true;
      const now = this.clock.now();
      const calendar = new SendCalendar(await this.launches.closingDays(campaign.regionId));
      const { skipped } = await this.batches.enrol({
        campaignId,
        regionId: campaign.regionId,
        contactScope: campaign.contactScope,
        employerIds: fresh,
        firstStepAt: calendar.nextSendTime(now, campaign.sendWindow),
        at: now,
        suppressions,
      });
      await this.launches.advance(campaignId, fresh[fresh.length - 1], fresh.length, skipped, now);
      return true;
    });
  }
}
