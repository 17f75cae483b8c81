import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Clock, QueueName } from '@app/core';
import { LaunchJobData, LaunchJobName, launchJobId } from './launch.types';

/**
 * Adds launch jobs (id `launch-<campaignId>`, payload the id). A scheduled campaign's job waits
 * (`delay`) until its launch time; the database, not Redis, says whether a launch is still due, so
 * a job that finished or failed is replaced when asked again and a lost job is simply added again.
 */
@Injectable()
export class LaunchQueue {
  constructor(
    @InjectQueue(QueueName.CampaignLaunch) private readonly queue: Queue<LaunchJobData>,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes sure the campaign has a job due at `runAt` (null: now). A waiting or running job stays;
   * a delayed one of a scheduled campaign gets the current launch time. With `replaceFinished`, a
   * completed or failed job is removed and added again.
   */
  async ensure(campaignId: string, runAt: Date | null, replaceFinished = true): Promise<void> {
    const jobId = launchJobId(campaignId);
    const delay = runAt === null ? 0 : Math.max(0, runAt.getTime() - this.clock.now().getTime());
    const old = await this.queue.getJob(jobId);
    if (old) {
      const state = await old.getState();
      if (state === 'delayed' && runAt !== null) return old.changeDelay(delay);
      if (state !== 'completed' && state !== 'failed') return;
      if (!replaceFinished) return;
      await old.remove();
    }
    await this.queue.add(LaunchJobName.Launch, { campaignId }, { jobId, delay });
  }
}
