import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@app/core';

/** The job (and job scheduler id) of the task digest on the `maintenance` queue. */
export const TASK_DIGEST_JOB = 'task-digest';

/** Daily at 07:00 Amsterdam time (DST handled by BullMQ's cron with `tz`). */
export const TASK_DIGEST_SCHEDULE = { pattern: '0 7 * * *', tz: 'Europe/Amsterdam' } as const;

/** Registers the digest's job scheduler at every start; `upsertJobScheduler` keeps one per id. */
@Injectable()
export class TaskDigestSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  async ensure(): Promise<void> {
    await this.queue.upsertJobScheduler(TASK_DIGEST_JOB, TASK_DIGEST_SCHEDULE, {
      name: TASK_DIGEST_JOB,
      data: {},
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    });
  }
}
