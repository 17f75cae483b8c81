import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { Clock, DomainError, isUuid, QueueName, Transactions } from '@app/core';
import { CampaignRepository } from '../campaigns/campaign.repository';
import { LaunchEnrolment } from './launch-enrolment.service';
import { LaunchStarter } from './launch-starter';
import { LaunchJobData, LaunchJobName } from './launch.types';

/**
 * The `campaign-launch` queue: re-reads the campaign and skips what is no longer to do. A scheduled
 * campaign whose time has come moves to `launching` here (a job that fired early waits again until
 * `launchAt`); a launching one is enrolled (`LaunchEnrolment`, safe to run twice).
 */
@Processor(QueueName.CampaignLaunch)
export class CampaignLaunchProcessor extends WorkerHost {
  private readonly logger = new Logger('CampaignLaunchProcessor');

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly starter: LaunchStarter,
    private readonly enrolment: LaunchEnrolment,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<LaunchJobData>, token?: string): Promise<string> {
    if (job.name !== LaunchJobName.Launch) throw new UnrecoverableError(`Unknown campaign-launch job "${job.name}"`);
    const { campaignId } = job.data;
    if (!isUuid(campaignId)) throw new UnrecoverableError(`Job ${job.id} has a malformed payload`);
    const campaign = await this.campaigns.findById(campaignId, null);
    if (!campaign) return 'skipped: campaign gone';
    if (campaign.status === 'scheduled') {
      const launchAt = campaign.launchAt!;
      if (launchAt > this.clock.now()) {
        await job.moveToDelayed(launchAt.getTime(), token);
        throw new DelayedError();
      }
      if (!(await this.startScheduled(campaignId))) return 'skipped: no longer scheduled';
    } else if (campaign.status !== 'launching') {
      return `skipped: campaign is ${campaign.status}`;
    }
    const outcome = await this.enrolment.run(campaignId, campaign.segmentId);
    if (outcome === 'no_segment')
      throw new UnrecoverableError(`Campaign ${campaignId} lost its segment while launching`);
    return outcome;
  }

  /** A launch check that fails now (segment, wsp or template gone) leaves the campaign scheduled. */
  private async startScheduled(campaignId: string): Promise<boolean> {
    return this.transactions.run(async () => {
      const locked = await this.campaigns.findById(campaignId, null, true);
      if (!locked || locked.status !== 'scheduled') return locked?.status === 'launching';
      try {
        return await this.starter.begin(locked, this.clock.now());
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`Scheduled campaign ${campaignId} cannot launch: ${error.message}`);
        throw new UnrecoverableError(error.message);
      }
    });
  }
}
